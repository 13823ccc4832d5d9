/**
 * NFD's management protocol as ndn-cxx defines it ({@code ndn-cxx/mgmt/nfd}, {@code ndn-cxx/encoding/tlv-nfd.hpp}):
 * {@link dev.ndnj.tlv.mgmt.ControlParameters} and {@link dev.ndnj.tlv.mgmt.ControlResponse} for control commands
 * (named by {@link dev.ndnj.tlv.mgmt.ControlCommand}), the status dataset entries (FaceStatus, FibEntry, RibEntry,
 * StrategyChoice, CsInfo, ForwarderStatus), FaceEventNotification and FaceQueryFilter, the constants they use, and
 * {@link dev.ndnj.tlv.mgmt.Dataset} to join and split dataset payloads.
 *
 * <p>Every type is immutable with a builder, decodes from a {@link java.nio.ByteBuffer} into a view (names and
 * {@code wire()} share the input's bytes), throws only {@link dev.ndnj.tlv.TlvException} for bad input and applies
 * the evolvability rules with a {@link dev.ndnj.tlv.TlvRules} table per element. No TeaVM-hostile API is used.
 */
package dev.ndnj.tlv.mgmt;
