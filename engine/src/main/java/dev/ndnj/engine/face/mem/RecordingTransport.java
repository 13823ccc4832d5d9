package dev.ndnj.engine.face.mem;

import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.Transport;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A test double: a transport that records every frame sent through it and lets a test inject received frames, for
 * link-service and forwarder tests (NFD's {@code DummyTransport}). Sent frames are kept as the read-only views the
 * link service handed over (never modified by the engine); injected frames become the engine's. The decoding
 * helpers decode on each call and throw {@code TlvException} if a recorded frame is not valid NDN; fragments (FragCount
 * above 1) are not reassembled and are left out of {@link #sentInterests()}, {@link #sentData()} and
 * {@link #sentNacks()}. Forwarding thread only.
 */
public final class RecordingTransport extends Transport {
  private final List<ByteBuffer> sent = new ArrayList<>();
  private boolean sendQueueFull;

  /** A non-local, point-to-point, persistent transport without MTU. */
  public RecordingTransport() {
    this(FaceScope.NON_LOCAL, -1);
  }

  /** A point-to-point, persistent transport with {@code scope} and {@code mtu} (-1 for none). */
  public RecordingTransport(FaceScope scope, int mtu) {
    this(scope, LinkType.POINT_TO_POINT, FacePersistency.PERSISTENT, mtu);
  }

  /** A transport with every property given ({@code mtu} -1 for none). */
  public RecordingTransport(FaceScope scope, LinkType linkType, FacePersistency persistency, int mtu) {
    super(scope, linkType, persistency, "recording://local", "recording://remote", mtu);
  }

  /** Makes {@link #doSend} refuse frames (true) as a full send queue does, or accept them again (false). */
  public void setSendQueueFull(boolean full) {
    sendQueueFull = full;
  }

  @Override
  protected boolean doSend(ByteBuffer frame) {
    if (sendQueueFull) {
      return false;
    }
    sent.add(frame);
    return true;
  }

  /** The frames sent so far, in order (a read-only live list of read-only views). */
  public List<ByteBuffer> sentFrames() {
    return Collections.unmodifiableList(sent);
  }

  /** Forgets the frames sent so far. */
  public void clearSent() {
    sent.clear();
  }

  /** The {@code i}-th sent frame decoded (a bare packet decodes as an LpPacket without header fields). */
  public LpPacket sentPacket(int i) {
    return LpPacket.decode(sent.get(i));
  }

  /** Every sent frame decoded, in order. */
  public List<LpPacket> sentPackets() {
    List<LpPacket> out = new ArrayList<>(sent.size());
    for (ByteBuffer f : sent) {
      out.add(LpPacket.decode(f));
    }
    return out;
  }

  /** The Interests sent whole (not as Nacks, not fragmented), in order. */
  public List<Interest> sentInterests() {
    List<Interest> out = new ArrayList<>();
    for (LpPacket p : sentPackets()) {
      if (isWhole(p, TlvTypes.INTEREST) && !p.isNack()) {
        out.add(p.fragmentAsInterest());
      }
    }
    return out;
  }

  /** The Data sent whole (not fragmented), in order. */
  public List<Data> sentData() {
    List<Data> out = new ArrayList<>();
    for (LpPacket p : sentPackets()) {
      if (isWhole(p, TlvTypes.DATA)) {
        out.add(p.fragmentAsData());
      }
    }
    return out;
  }

  /** The Nacks sent (LpPackets: {@code nackReason()}, {@code pitToken()}, {@code fragmentAsInterest()}). */
  public List<LpPacket> sentNacks() {
    List<LpPacket> out = new ArrayList<>();
    for (LpPacket p : sentPackets()) {
      if (isWhole(p, TlvTypes.INTEREST) && p.isNack()) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean isWhole(LpPacket p, int type) {
    return p.hasFragment() && p.fragCount() == 1 && p.fragmentType() == type;
  }

  /** Delivers {@code frame} as received (ownership passes to the engine; it must not change afterwards). */
  public void inject(ByteBuffer frame) {
    receive(frame);
  }

  /** Delivers a copy of {@code frame} as received (as a transport that receives into arrays does). */
  public void inject(byte[] frame) {
    byte[] copy = frame.clone();
    receive(copy, 0, copy.length);
  }

  /** Delivers a bare Interest as received (its wire, a view). */
  public void inject(Interest interest) {
    receive(interest.wire());
  }

  /** Delivers a bare Data as received (its wire, a view). */
  public void inject(Data data) {
    receive(data.wire());
  }

  /** Delivers an LpPacket as received (its wire, a view). */
  public void inject(LpPacket packet) {
    receive(packet.wire());
  }

  /** Closes the transport at once (the face leaves its table). */
  @Override
  public void close() {
    closed();
  }
}
