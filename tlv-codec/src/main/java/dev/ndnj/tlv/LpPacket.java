package dev.ndnj.tlv;

import java.nio.ByteBuffer;

/**
 * An NDNLPv2 link-layer packet: header fields plus an optional Fragment holding (a piece of) an Interest or Data.
 *
 * <p>Immutable view over the wire. A bare Interest or Data (not wrapped in an LpPacket) decodes as an LpPacket with
 * no header fields whose fragment is the whole packet, as NDNLPv2 specifies. Header fields must appear in the
 * order of the specification (Fragment last); unknown fields are skipped only when ignorable (type 800..959 with
 * the two low bits 00), otherwise the packet is rejected. Numbers absent on the wire read as -1 (or the documented
 * default).
 */
public final class LpPacket {
  private static final String CTX = "LpPacket";
  static final TlvRules RULES = TlvRules.of(CTX, TlvTypes.LP_SEQUENCE, TlvTypes.LP_FRAG_INDEX,
      TlvTypes.LP_FRAG_COUNT, TlvTypes.LP_PIT_TOKEN, TlvTypes.LP_NACK, TlvTypes.LP_INCOMING_FACE_ID,
      TlvTypes.LP_NEXT_HOP_FACE_ID, TlvTypes.LP_CACHE_POLICY, TlvTypes.LP_CONGESTION_MARK, TlvTypes.LP_ACK,
      TlvTypes.LP_TX_SEQUENCE, TlvTypes.LP_NON_DISCOVERY, TlvTypes.LP_PREFIX_ANNOUNCEMENT, TlvTypes.LP_FRAGMENT)
      .repeatable(TlvTypes.LP_ACK).lpHeaderRules();

  private final ByteBuffer buf;
  private final int start;
  private final int end;
  private final boolean bare;
  private final boolean hasSequence;
  private final long sequence;
  private final long fragIndex;
  private final long fragCount;
  private final int pitTokenStart;
  private final int pitTokenEnd;
  private final int nackReason;
  private final long nextHopFaceId;
  private final long incomingFaceId;
  private final int cachePolicyType;
  private final long congestionMark;
  private final int acksStart;
  private final int ackCount;
  private final boolean hasTxSequence;
  private final long txSequence;
  private final boolean nonDiscovery;
  private final int prefixAnnStart;
  private final int prefixAnnEnd;
  private final int fragStart;
  private final int fragEnd;

  private LpPacket(ByteBuffer buf, int start, int end, boolean bare, boolean hasSequence, long sequence,
      long fragIndex, long fragCount, int pitTokenStart, int pitTokenEnd, int nackReason, long nextHopFaceId,
      long incomingFaceId, int cachePolicyType, long congestionMark, int acksStart, int ackCount,
      boolean hasTxSequence, long txSequence, boolean nonDiscovery, int prefixAnnStart, int prefixAnnEnd,
      int fragStart, int fragEnd) {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.bare = bare;
    this.hasSequence = hasSequence;
    this.sequence = sequence;
    this.fragIndex = fragIndex;
    this.fragCount = fragCount;
    this.pitTokenStart = pitTokenStart;
    this.pitTokenEnd = pitTokenEnd;
    this.nackReason = nackReason;
    this.nextHopFaceId = nextHopFaceId;
    this.incomingFaceId = incomingFaceId;
    this.cachePolicyType = cachePolicyType;
    this.congestionMark = congestionMark;
    this.acksStart = acksStart;
    this.ackCount = ackCount;
    this.hasTxSequence = hasTxSequence;
    this.txSequence = txSequence;
    this.nonDiscovery = nonDiscovery;
    this.prefixAnnStart = prefixAnnStart;
    this.prefixAnnEnd = prefixAnnEnd;
    this.fragStart = fragStart;
    this.fragEnd = fragEnd;
  }

  /**
   * Decodes the buffer's remaining octets: exactly one LpPacket, Interest or Data element. A view; position and
   * limit unchanged. A bare Interest or Data is not itself validated here: decode the {@link #fragment()}.
   *
   * @throws TlvException if the octets are not a valid LpPacket (or not one of the three element types)
   */
  public static LpPacket decode(ByteBuffer wire) {
    int base = wire.position();
    int end = wire.limit();
    int type = Tlv.readType(wire, base, end, base, CTX);
    int elemEnd = Tlv.elementEnd(wire, base, end, base, CTX);
    if (elemEnd != end) {
      throw new TlvException(CTX + ": " + (end - elemEnd) + " trailing octets after the element", elemEnd - base);
    }
    if (type == TlvTypes.INTEREST || type == TlvTypes.DATA) {
      return new LpPacket(wire, base, end, true, false, 0, 0, 1, -1, -1, -1, -1, -1, -1, 0, -1, 0, false, 0, false,
          -1, -1, base, end);
    }
    if (type != TlvTypes.LP_PACKET) {
      throw new TlvException(CTX + ": expected LpPacket, Interest or Data, got " + TlvTypes.name(type & 0xffffffffL),
          0);
    }
    boolean hasSeq = false;
    long seq = 0;
    long fragIndex = 0;
    long fragCount = 1;
    int ptStart = -1;
    int ptEnd = -1;
    int nack = -1;
    long nextHop = -1;
    long incoming = -1;
    int cachePolicy = -1;
    long congestion = 0;
    int acksStart = -1;
    int acks = 0;
    boolean hasTx = false;
    long tx = 0;
    boolean nonDiscovery = false;
    int paStart = -1;
    int paEnd = -1;
    int fStart = -1;
    int fEnd = -1;
    int last = 0;
    int p = Tlv.valueStart(wire, base);
    while (p < end) {
      int ct = Tlv.readType(wire, p, end, base, CTX);
      int next = Tlv.elementEnd(wire, p, end, base, CTX);
      int v = Tlv.valueStart(wire, p);
      int len = next - v;
      if (fStart >= 0) {
        throw new TlvException(CTX + ": " + TlvTypes.name(ct & 0xffffffffL) + " after Fragment", p - base);
      }
      int slot = RULES.classify(ct, last, p, base);
      switch (ct) {
        case TlvTypes.LP_SEQUENCE:
          seq = Tlv.readNonNegativeInteger(wire, v, len, base, "Sequence");
          hasSeq = true;
          break;
        case TlvTypes.LP_FRAG_INDEX:
          fragIndex = Tlv.readNonNegativeInteger(wire, v, len, base, "FragIndex");
          break;
        case TlvTypes.LP_FRAG_COUNT:
          fragCount = Tlv.readNonNegativeInteger(wire, v, len, base, "FragCount");
          break;
        case TlvTypes.LP_PIT_TOKEN:
          if (len < 1 || len > 32) {
            throw new TlvException(CTX + ": PitToken length " + len + ", expected 1..32", p - base);
          }
          ptStart = v;
          ptEnd = next;
          break;
        case TlvTypes.LP_NACK:
          nack = NackReason.NONE;
          for (int q = v; q < next; ) {
            int nt = Tlv.readType(wire, q, next, base, "Nack");
            int qn = Tlv.elementEnd(wire, q, next, base, "Nack");
            if (nt == TlvTypes.LP_NACK_REASON) {
              int qv = Tlv.valueStart(wire, q);
              long r = Tlv.readNonNegativeInteger(wire, qv, qn - qv, base, "NackReason");
              nack = r < 0 || r > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) r;
            } else if (!TlvTypes.isLpIgnorable(nt & 0xffffffffL) && TlvTypes.isCritical(nt & 0xffffffffL)) {
              throw new TlvException("Nack: unexpected critical element " + TlvTypes.name(nt & 0xffffffffL), q - base);
            }
            q = qn;
          }
          break;
        case TlvTypes.LP_NEXT_HOP_FACE_ID:
          nextHop = Tlv.readNonNegativeInteger(wire, v, len, base, "NextHopFaceId");
          if (nextHop < 0) {
            throw new TlvException(CTX + ": " + "NextHopFaceId" + " above 2^63-1", p - base);
          }
          break;
        case TlvTypes.LP_INCOMING_FACE_ID:
          incoming = Tlv.readNonNegativeInteger(wire, v, len, base, "IncomingFaceId");
          if (incoming < 0) {
            throw new TlvException(CTX + ": " + "IncomingFaceId" + " above 2^63-1", p - base);
          }
          break;
        case TlvTypes.LP_CACHE_POLICY: {
          int q = v;
          if (q >= next || Tlv.readType(wire, q, next, base, "CachePolicy") != TlvTypes.LP_CACHE_POLICY_TYPE) {
            throw new TlvException("CachePolicy: CachePolicyType missing", p - base);
          }
          int qn = Tlv.elementEnd(wire, q, next, base, "CachePolicy");
          int qv = Tlv.valueStart(wire, q);
          long cp = Tlv.readNonNegativeInteger(wire, qv, qn - qv, base, "CachePolicyType");
          cachePolicy = cp < 0 || cp > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) cp;
          break;
        }
        case TlvTypes.LP_CONGESTION_MARK:
          congestion = Tlv.readNonNegativeInteger(wire, v, len, base, "CongestionMark");
          if (congestion < 0) {
            throw new TlvException(CTX + ": " + "CongestionMark" + " above 2^63-1", p - base);
          }
          break;
        case TlvTypes.LP_ACK:
          Tlv.readNonNegativeInteger(wire, v, len, base, "Ack");
          if (slot != TlvRules.SKIP) {
            if (acksStart < 0) {
              acksStart = p;
            }
            acks++;
          }
          break;
        case TlvTypes.LP_TX_SEQUENCE:
          tx = Tlv.readNonNegativeInteger(wire, v, len, base, "TxSequence");
          hasTx = true;
          break;
        case TlvTypes.LP_NON_DISCOVERY:
          nonDiscovery = true;
          break;
        case TlvTypes.LP_PREFIX_ANNOUNCEMENT:
          paStart = v;
          paEnd = next;
          break;
        case TlvTypes.LP_FRAGMENT:
          fStart = v;
          fEnd = next;
          break;
        default:
          break;
      }
      if (slot != TlvRules.SKIP) {
        last = slot;
      }
      p = next;
    }
    if (fStart < 0 && (fragIndex != 0 || fragCount != 1)) {
      throw new TlvException(CTX + ": FragIndex/FragCount without Fragment", 0);
    }
    if (fragIndex >= fragCount || fragIndex < 0 || fragCount < 0) {
      throw new TlvException(CTX + ": FragIndex " + fragIndex + " not below FragCount " + fragCount, 0);
    }
    return new LpPacket(wire, base, end, false, hasSeq, seq, fragIndex, fragCount, ptStart, ptEnd, nack, nextHop,
        incoming, cachePolicy, congestion, acksStart, acks, hasTx, tx, nonDiscovery, paStart, paEnd, fStart, fEnd);
  }

  /** Whether the input was a bare Interest or Data rather than an LpPacket element. */
  public boolean isBare() {
    return bare;
  }

  /** Whether a Fragment is present (an LpPacket without one is an idle/ack-only packet). */
  public boolean hasFragment() {
    return fragStart >= 0;
  }

  /** The Fragment's octets (an Interest, a Data, or a piece of one) as a read-only view, or null. */
  public ByteBuffer fragment() {
    return fragStart < 0 ? null : Tlv.view(buf, fragStart, fragEnd - fragStart);
  }

  /** TLV-TYPE of the Fragment's first element (5 Interest, 6 Data), or -1 (absent or a non-first fragment). */
  public int fragmentType() {
    if (fragStart < 0 || fragIndex != 0 || fragEnd - fragStart < 1) {
      return -1;
    }
    int first = buf.get(fragStart) & 0xff;
    return first < 253 ? first : -1;
  }

  /**
   * Decodes the Fragment as an Interest (a view over this packet's bytes).
   *
   * @throws IllegalStateException if there is no Fragment
   */
  public Interest fragmentAsInterest() {
    return Interest.decode(requireFragment());
  }

  /**
   * Decodes the Fragment as a Data (a view over this packet's bytes).
   *
   * @throws IllegalStateException if there is no Fragment
   */
  public Data fragmentAsData() {
    return Data.decode(requireFragment());
  }

  private ByteBuffer requireFragment() {
    if (fragStart < 0) {
      throw new IllegalStateException("LpPacket has no Fragment");
    }
    return fragment();
  }

  /** Whether Sequence is present. */
  public boolean hasSequence() {
    return hasSequence;
  }

  /** Sequence (unsigned 64-bit as a long). */
  public long sequence() {
    return sequence;
  }

  /** FragIndex (0 when absent). */
  public long fragIndex() {
    return fragIndex;
  }

  /** FragCount (1 when absent). */
  public long fragCount() {
    return fragCount;
  }

  /** The PitToken as a read-only view, or null. */
  public ByteBuffer pitToken() {
    return pitTokenStart < 0 ? null : Tlv.view(buf, pitTokenStart, pitTokenEnd - pitTokenStart);
  }

  /** Whether this packet carries a Nack header. */
  public boolean isNack() {
    return nackReason >= 0;
  }

  /** The Nack reason code (see {@link NackReason}), {@link NackReason#NONE} for a Nack without reason, -1 if none. */
  public int nackReason() {
    return nackReason;
  }

  /** NextHopFaceId, or -1. */
  public long nextHopFaceId() {
    return nextHopFaceId;
  }

  /** IncomingFaceId, or -1. */
  public long incomingFaceId() {
    return incomingFaceId;
  }

  /** CachePolicyType (1 = NoCache), or -1 when absent. */
  public int cachePolicyType() {
    return cachePolicyType;
  }

  /** CongestionMark (0 when absent). */
  public long congestionMark() {
    return congestionMark;
  }

  /** The Ack fields, in order. */
  public long[] acks() {
    long[] out = new long[ackCount];
    int p = acksStart;
    int n = 0;
    while (n < ackCount) {
      int next = Tlv.elementEnd(buf, p, end, 0, CTX);
      if (Tlv.readType(buf, p, end, 0, CTX) == TlvTypes.LP_ACK) {
        int v = Tlv.valueStart(buf, p);
        out[n++] = Tlv.readNonNegativeInteger(buf, v, next - v, 0, "Ack");
      }
      p = next;
    }
    return out;
  }

  /** Whether TxSequence is present. */
  public boolean hasTxSequence() {
    return hasTxSequence;
  }

  /** TxSequence. */
  public long txSequence() {
    return txSequence;
  }

  /** Whether NonDiscovery is present. */
  public boolean nonDiscovery() {
    return nonDiscovery;
  }

  /** The PrefixAnnouncement value (a Data) as a read-only view, or null. */
  public ByteBuffer prefixAnnouncement() {
    return prefixAnnStart < 0 ? null : Tlv.view(buf, prefixAnnStart, prefixAnnEnd - prefixAnnStart);
  }

  /** The whole element as received, as a read-only view. */
  public ByteBuffer wire() {
    return Tlv.view(buf, start, end - start);
  }

  /** A builder for an LpPacket. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an LpPacket; header fields are written in the specification's order, the Fragment last. */
  public static final class Builder {
    private boolean hasSequence;
    private long sequence;
    private long fragIndex;
    private long fragCount = 1;
    private byte[] pitToken;
    private int nackReason = -1;
    private long nextHopFaceId = -1;
    private long incomingFaceId = -1;
    private int cachePolicyType = -1;
    private long congestionMark;
    private long[] acks = new long[0];
    private boolean hasTxSequence;
    private long txSequence;
    private boolean nonDiscovery;
    private byte[] prefixAnnouncement;
    private ByteBuffer fragment;

    private Builder() {}

    /** Sets Sequence. */
    public Builder sequence(long s) {
      hasSequence = true;
      sequence = s;
      return this;
    }

    /** Sets FragIndex and FragCount (written when FragCount is above 1). */
    public Builder fragIndexCount(long index, long count) {
      if (count < 1 || index < 0 || index >= count) {
        throw new IllegalArgumentException("need 0 <= FragIndex < FragCount, got " + index + "/" + count);
      }
      fragIndex = index;
      fragCount = count;
      return this;
    }

    /** Sets PitToken (1..32 octets, copied). */
    public Builder pitToken(byte[] token) {
      if (token != null && (token.length < 1 || token.length > 32)) {
        throw new IllegalArgumentException("PitToken must be 1..32 octets");
      }
      pitToken = token == null ? null : token.clone();
      return this;
    }

    /** Sets PitToken from the remaining octets of a buffer (copied, position unchanged). */
    public Builder pitToken(ByteBuffer token) {
      return pitToken(token == null ? null : Tlv.copy(token, token.position(), token.remaining()));
    }

    /** Adds a Nack header with the reason code ({@link NackReason#NONE} writes a Nack without NackReason). */
    public Builder nack(int reason) {
      if (reason < 0) {
        throw new IllegalArgumentException("Nack reason must be >= 0");
      }
      nackReason = reason;
      return this;
    }

    /** Sets NextHopFaceId. */
    public Builder nextHopFaceId(long id) {
      nextHopFaceId = id;
      return this;
    }

    /** Sets IncomingFaceId. */
    public Builder incomingFaceId(long id) {
      incomingFaceId = id;
      return this;
    }

    /** Sets CachePolicy with the given CachePolicyType (1 = NoCache). */
    public Builder cachePolicyType(int type) {
      cachePolicyType = type;
      return this;
    }

    /** Sets CongestionMark (0 writes none). */
    public Builder congestionMark(long mark) {
      congestionMark = mark;
      return this;
    }

    /** Sets the Ack fields. */
    public Builder acks(long... a) {
      acks = a.clone();
      return this;
    }

    /** Sets TxSequence. */
    public Builder txSequence(long s) {
      hasTxSequence = true;
      txSequence = s;
      return this;
    }

    /** Sets NonDiscovery. */
    public Builder nonDiscovery(boolean v) {
      nonDiscovery = v;
      return this;
    }

    /** Sets the PrefixAnnouncement (the wire of a prefix announcement Data, copied). */
    public Builder prefixAnnouncement(byte[] dataWire) {
      prefixAnnouncement = dataWire == null ? null : dataWire.clone();
      return this;
    }

    /** Sets the Fragment (borrowed until {@link #build()}: its remaining octets are copied then). */
    public Builder fragment(ByteBuffer frag) {
      fragment = frag;
      return this;
    }

    /** Encodes the LpPacket (a view over its own new buffer). */
    public LpPacket build() {
      return decode(encode());
    }

    /**
     * The LpPacket's encoding only, without decoding it back into an {@code LpPacket} as {@link #build()} does: what
     * a link service sends. The buffer is new and the caller's.
     */
    public ByteBuffer encode() {
      TlvEncoder enc = new TlvEncoder(64 + (fragment == null ? 0 : fragment.remaining()));
      if (fragment != null) {
        enc.prependBytes(fragment);
        enc.prependHeader(TlvTypes.LP_FRAGMENT, fragment.remaining());
      }
      if (prefixAnnouncement != null) {
        enc.prependBytesTlv(TlvTypes.LP_PREFIX_ANNOUNCEMENT, prefixAnnouncement);
      }
      if (nonDiscovery) {
        enc.prependEmptyTlv(TlvTypes.LP_NON_DISCOVERY);
      }
      if (hasTxSequence) {
        prependFixed8(enc, TlvTypes.LP_TX_SEQUENCE, txSequence);
      }
      for (int i = acks.length - 1; i >= 0; i--) {
        prependFixed8(enc, TlvTypes.LP_ACK, acks[i]);
      }
      if (congestionMark != 0) {
        enc.prependNonNegativeIntegerTlv(TlvTypes.LP_CONGESTION_MARK, congestionMark);
      }
      if (cachePolicyType >= 0) {
        int mark = enc.size();
        enc.prependNonNegativeIntegerTlv(TlvTypes.LP_CACHE_POLICY_TYPE, cachePolicyType);
        enc.prependHeader(TlvTypes.LP_CACHE_POLICY, enc.size() - mark);
      }
      if (nextHopFaceId >= 0) {
        enc.prependNonNegativeIntegerTlv(TlvTypes.LP_NEXT_HOP_FACE_ID, nextHopFaceId);
      }
      if (incomingFaceId >= 0) {
        enc.prependNonNegativeIntegerTlv(TlvTypes.LP_INCOMING_FACE_ID, incomingFaceId);
      }
      if (nackReason >= 0) {
        int mark = enc.size();
        if (nackReason != NackReason.NONE) {
          enc.prependNonNegativeIntegerTlv(TlvTypes.LP_NACK_REASON, nackReason);
        }
        enc.prependHeader(TlvTypes.LP_NACK, enc.size() - mark);
      }
      if (pitToken != null) {
        enc.prependBytesTlv(TlvTypes.LP_PIT_TOKEN, pitToken);
      }
      if (fragCount > 1) {
        enc.prependNonNegativeIntegerTlv(TlvTypes.LP_FRAG_COUNT, fragCount);
        enc.prependNonNegativeIntegerTlv(TlvTypes.LP_FRAG_INDEX, fragIndex);
      }
      if (hasSequence) {
        prependFixed8(enc, TlvTypes.LP_SEQUENCE, sequence);
      }
      enc.prependHeader(TlvTypes.LP_PACKET, enc.size());
      return enc.toBuffer();
    }

    private static void prependFixed8(TlvEncoder enc, int type, long v) {
      for (int i = 0; i < 8; i++) {
        enc.prependByte((int) (v >>> (8 * i)));
      }
      enc.prependHeader(type, 8);
    }
  }
}
