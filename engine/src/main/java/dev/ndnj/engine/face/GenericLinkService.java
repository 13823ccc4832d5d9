package dev.ndnj.engine.face;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.platform.RandomSource;
import dev.ndnj.engine.platform.Scheduler;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;

/**
 * The NDNLPv2 link service, as NFD's {@code GenericLinkService}: Interests and Data go out as bare packets when no
 * link-layer header is needed, else in an LpPacket (PitToken echo, Nack, IncomingFaceId on local faces with local
 * fields enabled); packets larger than the transport's MTU are split into indexed fragments with consecutive
 * Sequence numbers, the other header fields on the first fragment only (as NFD's {@code LpFragmenter}). Received
 * frames are decoded, fragments reassembled per face (bounded in time and memory), and the network-layer packets
 * delivered to the face's receiver.
 *
 * <p>Bad input never escapes {@link #receiveFrame}: a frame that does not decode, a field not allowed here or a
 * fragment that cannot be used is counted in the face's {@link FaceCounters} by {@link FaceDrop} reason and the face
 * goes on. Received packets are views over the received frame (which the link service owns, see
 * {@link Transport}); a reassembled packet is a view over a new buffer of its own. Frames sent are new buffers,
 * except a bare Interest, which is sent as its own {@code wire()} view, and a bare Data, whose octets go to the
 * transport as they are ({@link Transport#doSend(byte[], int, int)}). Forwarding thread only.
 */
public final class GenericLinkService extends LinkService {
  /**
   * Settings of a {@link GenericLinkService}. A mutable holder read once by the constructor: changing it later does
   * not affect link services already made.
   */
  public static final class Options {
    private final Clock clock;
    private final Scheduler scheduler;
    private final RandomSource random;
    private boolean allowFragmentation = true;
    private boolean allowReassembly = true;
    private long reassemblyTimeoutMillis = 500;
    private int reassemblyMaxBytes = 256 * 1024;
    private int maxFragments = 400;
    private boolean contentStoreShortPath;

    /**
     * Options with the defaults: fragmentation and reassembly allowed, reassembly timeout 500 ms, 256 KiB of
     * partial packets per face, at most 400 fragments per packet (NFD's limit).
     *
     * @param clock measures reassembly timeouts
     * @param scheduler runs reassembly timers
     * @param random picks the initial Sequence number
     */
    public Options(Clock clock, Scheduler scheduler, RandomSource random) {
      if (clock == null || scheduler == null || random == null) {
        throw new IllegalArgumentException("clock, scheduler and random are required");
      }
      this.clock = clock;
      this.scheduler = scheduler;
      this.random = random;
    }

    /** Whether packets over the transport's MTU are fragmented (else dropped as {@link FaceDrop#OVERSIZED}). */
    public Options allowFragmentation(boolean on) {
      allowFragmentation = on;
      return this;
    }

    /** Whether received fragments are reassembled (else dropped as {@link FaceDrop#MALFORMED}). */
    public Options allowReassembly(boolean on) {
      allowReassembly = on;
      return this;
    }

    /** How long a partial packet waits for its next fragment before it is dropped; above 0. */
    public Options reassemblyTimeoutMillis(long millis) {
      if (millis <= 0) {
        throw new IllegalArgumentException("reassembly timeout must be above 0 ms, got " + millis);
      }
      reassemblyTimeoutMillis = millis;
      return this;
    }

    /** Upper bound on the octets held by partial packets of one face; above 0. */
    public Options reassemblyMaxBytes(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("reassembly memory bound must be above 0, got " + bytes);
      }
      reassemblyMaxBytes = bytes;
      return this;
    }

    /** Most fragments one packet may be split into, sending or receiving; 2..65535. */
    public Options maxFragments(int n) {
      if (n < 2 || n > 0xffff) {
        throw new IllegalArgumentException("maxFragments must be in 2..65535, got " + n);
      }
      maxFragments = n;
      return this;
    }

    /**
     * Whether received Interest frames (bare, or in an LpPacket with only a PitToken) are first offered to the
     * receiver's {@link PacketReceiver#answerInPlace} (the forwarder's Content Store short path: a hit answered from
     * the frame's octets, without decoding it), and decoded only when it declines; default off. It pays where
     * most Interests are Content Store hits of a store that looks up by octets ({@code LruContentStore}) and every
     * function a packet runs through costs (the browser worker's tab faces); elsewhere the probe of a frame the short
     * path declines is work done twice.
     */
    public Options contentStoreShortPath(boolean on) {
      contentStoreShortPath = on;
      return this;
    }

    /** Whether received Interest frames are first offered to the receiver's Content Store short path. */
    public boolean contentStoreShortPath() {
      return contentStoreShortPath;
    }

    /** The clock. */
    public Clock clock() {
      return clock;
    }

    /** The scheduler. */
    public Scheduler scheduler() {
      return scheduler;
    }

    /** The random source. */
    public RandomSource random() {
      return random;
    }

    /** Whether fragmentation is allowed. */
    public boolean allowFragmentation() {
      return allowFragmentation;
    }

    /** Whether reassembly is allowed. */
    public boolean allowReassembly() {
      return allowReassembly;
    }

    /** Reassembly timeout in milliseconds. */
    public long reassemblyTimeoutMillis() {
      return reassemblyTimeoutMillis;
    }

    /** Reassembly memory bound per face in octets. */
    public int reassemblyMaxBytes() {
      return reassemblyMaxBytes;
    }

    /** Most fragments per packet. */
    public int maxFragments() {
      return maxFragments;
    }
  }

  /** Octets of a Sequence field (fixed 8-octet value). */
  private static final int SEQUENCE_SIZE = 1 + 1 + 8;

  private final boolean allowFragmentation;
  private final boolean allowReassembly;
  private final int maxFragments;
  private final boolean contentStoreShortPath;
  private final Reassembler reassembler;
  private long nextSequence;
  private long congestionMarks;
  private long idlePackets;

  /** A link service with {@code options} (read now, not kept). */
  public GenericLinkService(Options options) {
    allowFragmentation = options.allowFragmentation;
    allowReassembly = options.allowReassembly;
    maxFragments = options.maxFragments;
    contentStoreShortPath = options.contentStoreShortPath;
    reassembler = new Reassembler(options.scheduler, options.clock, options.reassemblyTimeoutMillis,
        options.reassemblyMaxBytes, options.maxFragments, this::countDrop);
    nextSequence = ((long) options.random.nextInt() << 32) | (options.random.nextInt() & 0xffffffffL);
  }

  private void countDrop(FaceDrop reason) {
    face().counters().drop(reason);
  }

  // ---------------------------------------------------------------------------------------------------- sending

  @Override
  protected void sendInterest(Interest interest, int ingressFaceId) {
    send(interest.wire(), null, -1, incomingFaceIdFor(ingressFaceId));
  }

  @Override
  protected void sendData(Data data, ByteBuffer pitToken, int ingressFaceId) {
    // int tests rather than incomingFaceIdFor's long, which is a BigInt in TeaVM's JavaScript
    byte[] a = pitToken == null && (ingressFaceId <= 0 || !face().localFieldsEnabled()) ? data.wireArray() : null;
    if (a != null) {
      // a bare Data (the common case, and a Content Store hit's): its octets straight to the transport, no view
      int mtu = face().transport().mtu();
      int from = data.wireArrayOffset();
      int to = from + data.wireLength();
      if (mtu <= 0 || to - from <= mtu) {
        sendFrame(a, from, to);
        return;
      }
    }
    send(data.wire(), pitToken, -1, incomingFaceIdFor(ingressFaceId));
  }

  @Override
  protected void sendNack(Interest interest, int reason, ByteBuffer pitToken) {
    send(interest.wire(), pitToken, reason < 0 ? NackReason.NONE : reason, -1);
  }

  private long incomingFaceIdFor(int ingressFaceId) {
    return ingressFaceId > 0 && face().localFieldsEnabled() ? ingressFaceId : -1;
  }

  /**
   * Sends a network-layer packet with optional header fields ({@code nack} and {@code incomingFaceId} -1 when
   * absent), fragmenting it when it does not fit the MTU.
   */
  private void send(ByteBuffer wire, ByteBuffer pitToken, int nack, long incomingFaceId) {
    int headers = headerSize(pitToken, nack, incomingFaceId);
    int n = wire.remaining();
    int frameSize =
        headers == 0 ? n : Tlv.sizeOfTlv(TlvTypes.LP_PACKET, headers + Tlv.sizeOfTlv(TlvTypes.LP_FRAGMENT, n));
    int mtu = face().transport().mtu();
    if (mtu <= 0 || frameSize <= mtu) {
      if (headers == 0) {
        sendFrame(wire);
      } else {
        sendFrame(withHeaders(LpPacket.builder(), pitToken, nack, incomingFaceId).fragment(wire).encode());
      }
      return;
    }
    if (!allowFragmentation) {
      countDrop(FaceDrop.OVERSIZED);
      return;
    }
    // Bound on what a fragment adds around its payload: LpPacket and Fragment TLV-TYPE/LENGTH (both lengths are
    // below the MTU), Sequence, FragIndex and FragCount (both at most maxFragments).
    int overhead = 2 * (1 + Tlv.sizeOfVarNumber(mtu)) + SEQUENCE_SIZE + 2 * (2 + nniSize(maxFragments));
    int firstPayload = mtu - overhead - headers;
    int payload = mtu - overhead;
    if (firstPayload < 1) {
      countDrop(FaceDrop.OVERSIZED);
      return;
    }
    int rest = n - firstPayload;
    long count = 1 + (rest + (long) payload - 1) / payload;
    if (count > maxFragments) {
      countDrop(FaceDrop.OVERSIZED);
      return;
    }
    int start = wire.position();
    int at = 0;
    for (int i = 0; i < count; i++) {
      int len = Math.min(i == 0 ? firstPayload : payload, n - at);
      LpPacket.Builder b = LpPacket.builder().sequence(nextSequence++).fragIndexCount(i, count);
      if (i == 0) {
        withHeaders(b, pitToken, nack, incomingFaceId);
      }
      sendFrame(b.fragment(Tlv.view(wire, start + at, len)).encode());
      at += len;
    }
  }

  private static LpPacket.Builder withHeaders(LpPacket.Builder b, ByteBuffer pitToken, int nack, long incomingFaceId) {
    if (pitToken != null) {
      b.pitToken(pitToken);
    }
    if (nack >= 0) {
      b.nack(nack);
    }
    if (incomingFaceId >= 0) {
      b.incomingFaceId(incomingFaceId);
    }
    return b;
  }

  /** Octets of the header fields other than fragmentation (what NFD puts on the first fragment only). */
  private static int headerSize(ByteBuffer pitToken, int nack, long incomingFaceId) {
    int size = 0;
    if (pitToken != null) {
      size += Tlv.sizeOfTlv(TlvTypes.LP_PIT_TOKEN, pitToken.remaining());
    }
    if (nack >= 0) {
      size += Tlv.sizeOfTlv(TlvTypes.LP_NACK,
          nack == NackReason.NONE ? 0 : Tlv.sizeOfTlv(TlvTypes.LP_NACK_REASON, nniSize(nack)));
    }
    if (incomingFaceId >= 0) {
      size += Tlv.sizeOfTlv(TlvTypes.LP_INCOMING_FACE_ID, nniSize(incomingFaceId));
    }
    return size;
  }

  private static int nniSize(long v) {
    if (v >= 0 && v <= 0xff) {
      return 1;
    }
    if (v >= 0 && v <= 0xffff) {
      return 2;
    }
    if (v >= 0 && v <= 0xffffffffL) {
      return 4;
    }
    return 8;
  }

  // -------------------------------------------------------------------------------------------------- receiving

  /**
   * Decodes a frame and delivers what it holds; never throws for bad input (it is counted instead). With the Content
   * Store short path on, an array-backed Interest frame is first offered to the receiver to answer in place.
   */
  @Override
  protected void receiveFrame(ByteBuffer frame) {
    if (contentStoreShortPath && frame.hasArray() && answeredInPlace(frame.array(),
        frame.arrayOffset() + frame.position(), frame.arrayOffset() + frame.limit())) {
      return;
    }
    decodeFrame(frame);
  }

  /** As {@link #receiveFrame(ByteBuffer)}, offering the octets to the short path before making a buffer over them. */
  @Override
  protected void receiveFrame(byte[] frame, int from, int to) {
    if (contentStoreShortPath && answeredInPlace(frame, from, to)) {
      return;
    }
    decodeFrame(ByteBuffer.wrap(frame, from, to - from));
  }

  /**
   * Offers an Interest frame (bare, or an LpPacket that may carry one) to the receiver's Content Store short path;
   * true (and the received Interest counted) if it answered it.
   */
  private boolean answeredInPlace(byte[] frame, int from, int to) {
    if (from >= to || frame[from] != TlvTypes.INTEREST && frame[from] != TlvTypes.LP_PACKET) {
      return false;
    }
    Face f = face();
    if (!f.receiver().answerInPlace(f, frame, from, to)) {
      return false;
    }
    f.counters().inInterests++;
    return true;
  }

  private void decodeFrame(ByteBuffer frame) {
    int type = firstOctet(frame);
    if (type == TlvTypes.INTEREST || type == TlvTypes.DATA) {
      receiveNetPacket(frame, null); // a bare packet: no LpPacket object, no extra views
      return;
    }
    LpPacket lp;
    try {
      lp = LpPacket.decode(frame);
    } catch (RuntimeException e) { // TlvException, or any decoder failure on hostile input: DROP (malformed)
      countDrop(FaceDrop.MALFORMED);
      return;
    }
    if (!lp.hasFragment()) {
      idlePackets++; // idle or Ack-only packet: nothing to deliver
      return;
    }
    if (lp.fragCount() > 1) {
      if (!allowReassembly) {
        countDrop(FaceDrop.MALFORMED);
        return;
      }
      Reassembler.Reassembled whole = reassembler.add(0, lp, frame.remaining());
      if (whole != null) {
        receiveNetPacket(whole.packet(), whole.first());
      }
      return;
    }
    receiveNetPacket(lp.fragment(), lp);
  }

  /** Decodes one whole network-layer packet and applies the header fields of {@code lp} (null: a bare packet). */
  private void receiveNetPacket(ByteBuffer pkt, LpPacket lp) {
    int type = firstOctet(pkt);
    Interest interest = null;
    Data data = null;
    try {
      if (type == TlvTypes.INTEREST) {
        interest = Interest.decode(pkt);
      } else if (type == TlvTypes.DATA) {
        // what forwarding reads: the signature elements are checked by whoever needs them (an application face
        // before it hands the Data over, a validator), not on every hop
        data = Data.decodeHead(pkt);
      } else {
        countDrop(FaceDrop.MALFORMED);
        return;
      }
    } catch (RuntimeException e) {
      countDrop(FaceDrop.MALFORMED);
      return;
    }
    if (lp == null) {
      if (interest != null) {
        deliverInterest(interest, null, -1);
      } else {
        deliverData(data, null);
      }
      return;
    }
    if (lp.congestionMark() > 0) {
      congestionMarks++;
    }
    // IncomingFaceId received is ignored, as in NFD.
    if (interest != null && !lp.isNack()) {
      if (lp.cachePolicyType() >= 0 || lp.prefixAnnouncement() != null) {
        countDrop(FaceDrop.MALFORMED);
        return;
      }
      long nextHop = lp.nextHopFaceId();
      if (nextHop >= 0 && !face().localFieldsEnabled()) {
        countDrop(FaceDrop.LOCAL_FIELD_NOT_ALLOWED);
        return;
      }
      deliverInterest(interest, lp.pitToken(), nextHop);
    } else if (interest != null) {
      if (lp.nextHopFaceId() >= 0 || lp.cachePolicyType() >= 0 || lp.prefixAnnouncement() != null) {
        countDrop(FaceDrop.MALFORMED);
        return;
      }
      deliverNack(interest, lp.nackReason(), lp.pitToken());
    } else {
      if (lp.isNack() || lp.nextHopFaceId() >= 0) {
        countDrop(FaceDrop.MALFORMED);
        return;
      }
      // CachePolicy (NoCache) is allowed on Data but PacketReceiver has no way to carry it yet.
      deliverData(data, lp.pitToken());
    }
  }

  private static int firstOctet(ByteBuffer b) {
    return b.hasRemaining() ? b.get(b.position()) & 0xff : -1;
  }

  @Override
  protected void onClose() {
    reassembler.clear();
  }

  // --------------------------------------------------------------------------------------------------- counters

  /** Packets received with a CongestionMark above 0. */
  public long congestionMarksReceived() {
    return congestionMarks;
  }

  /** LpPackets received without a Fragment (idle or Ack-only). */
  public long idlePacketsReceived() {
    return idlePackets;
  }

  /** Duplicate fragments received (ignored). */
  public long duplicateFragmentsReceived() {
    return reassembler.duplicates();
  }

  /** Partial packets waiting for more fragments. */
  public int reassemblyPartialCount() {
    return reassembler.partialCount();
  }

  /** Octets held by partial packets (frames plus bookkeeping), bounded by the options' reassembly memory. */
  public long reassemblyBytesHeld() {
    return reassembler.bytesHeld();
  }
}
