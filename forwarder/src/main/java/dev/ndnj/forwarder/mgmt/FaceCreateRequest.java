package dev.ndnj.forwarder.mgmt;

import dev.ndnj.engine.face.FacePersistency;

/**
 * What {@code faces/create} asks a {@link FaceCreator} for, from its ControlParameters with NFD's defaults applied.
 *
 * @param remoteUri the remote FaceUri as sent (e.g. {@code udp4://192.0.2.1:6363}); only its syntax was checked
 * @param localUri the local FaceUri, or null when not given
 * @param persistency the persistency (default persistent)
 * @param mtu the MTU asked for in octets, or -1 when not given
 * @param wantLocalFields whether NDNLPv2 local fields are to be enabled (the face must be local)
 * @param wantCongestionMarking whether congestion marking was asked on (true), off (false), or not mentioned (null)
 * @param baseCongestionMarkingIntervalNanos BaseCongestionMarkingInterval, or -1 when not given
 * @param defaultCongestionThreshold DefaultCongestionThreshold in octets, or -1 when not given
 */
public record FaceCreateRequest(String remoteUri, String localUri, FacePersistency persistency, long mtu,
    boolean wantLocalFields, Boolean wantCongestionMarking, long baseCongestionMarkingIntervalNanos,
    long defaultCongestionThreshold) {

  /** The scheme of the remote URI ({@code udp4}, {@code tcp6}, {@code ws}, ...). */
  public String scheme() {
    return FaceUris.scheme(remoteUri);
  }
}
