package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvRules;
import java.nio.ByteBuffer;

/** NextHopRecord (TLV-TYPE 0x81 inside a {@link FibEntry}): FaceId and Cost, both required, in that order. */
public final class NextHopRecord implements Encodable {
  private static final String CTX = "NextHopRecord";
  private static final TlvRules RULES = TlvRules.of(CTX, MgmtTypes.FACE_ID, MgmtTypes.COST);

  private final long faceId;
  private final long cost;
  private final ByteBuffer buf;
  private final int start;
  private final int end;

  private NextHopRecord(long faceId, long cost, ByteBuffer buf, int start, int end) {
    this.faceId = faceId;
    this.cost = cost;
    this.buf = buf;
    this.start = start;
    this.end = end;
  }

  /** A next hop through face {@code faceId} at {@code cost} (both 0..2^63-1). */
  public static NextHopRecord of(long faceId, long cost) {
    return new NextHopRecord(Children.checkNumber("FaceId", faceId), Children.checkNumber("Cost", cost), null, 0,
        0);
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one NextHopRecord element.
   *
   * @throws TlvException if they are not
   */
  public static NextHopRecord decode(ByteBuffer wire) {
    int off = wire.position();
    NextHopRecord r = decode(wire, off, wire.limit(), off);
    Children.checkWhole(wire, r.end, CTX);
    return r;
  }

  /** Decodes the element at absolute offset {@code off} of {@code buf} (ending by {@code end}). */
  public static NextHopRecord decode(ByteBuffer buf, int off, int end, int base) {
    Children c = Children.open(buf, off, end, base, MgmtTypes.NEXT_HOP_RECORD, RULES, false);
    long faceId = 0;
    long cost = 0;
    while (c.next()) {
      if (c.slot == 1) {
        faceId = c.number("FaceId");
      } else {
        cost = c.number("Cost");
      }
    }
    c.require(1, "FaceId");
    c.require(2, "Cost");
    return new NextHopRecord(faceId, cost, buf, off, c.end());
  }

  /** FaceId. */
  public long faceId() {
    return faceId;
  }

  /** Cost. */
  public long cost() {
    return cost;
  }

  @Override
  public void prependTo(TlvEncoder enc) {
    int mark = enc.size();
    enc.prependNonNegativeIntegerTlv(MgmtTypes.COST, cost);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.FACE_ID, faceId);
    enc.prependHeader(MgmtTypes.NEXT_HOP_RECORD, enc.size() - mark);
  }

  @Override
  public ByteBuffer wire() {
    return buf != null ? Tlv.view(buf, start, end - start) : Children.encode(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NextHopRecord && ((NextHopRecord) o).faceId == faceId && ((NextHopRecord) o).cost == cost;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(faceId) * 31 + Long.hashCode(cost);
  }

  @Override
  public String toString() {
    return "NextHopRecord(FaceId: " + faceId + ", Cost: " + cost + ")";
  }

  /** A builder (FaceId 0, Cost 0 until set), for symmetry with the other types; {@link #of} is shorter. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NextHopRecord}. */
  public static final class Builder {
    private long faceId;
    private long cost;

    private Builder() {}

    /** Sets FaceId. */
    public Builder faceId(long v) {
      faceId = Children.checkNumber("FaceId", v);
      return this;
    }

    /** Sets Cost. */
    public Builder cost(long v) {
      cost = Children.checkNumber("Cost", v);
      return this;
    }

    /** The NextHopRecord. */
    public NextHopRecord build() {
      return new NextHopRecord(faceId, cost, null, 0, 0);
    }
  }
}
