package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvRules;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Route (TLV-TYPE 0x81 inside a {@link RibEntry}): FaceId, Origin, Cost and Flags, required and in that order,
 * then an optional ExpirationPeriod (absent: the route never expires). Origin must fit 16 bits, as in ndn-cxx.
 */
public final class Route implements Encodable {
  private static final String CTX = "Route";
  private static final TlvRules RULES = TlvRules.of(CTX, MgmtTypes.FACE_ID, MgmtTypes.ORIGIN, MgmtTypes.COST,
      MgmtTypes.FLAGS, MgmtTypes.EXPIRATION_PERIOD);

  private final long faceId;
  private final int origin;
  private final long cost;
  private final long flags;
  private final long expirationPeriod;
  private final ByteBuffer buf;
  private final int start;
  private final int end;

  private Route(Builder b, ByteBuffer buf, int start, int end) {
    faceId = b.faceId;
    origin = b.origin;
    cost = b.cost;
    flags = b.flags;
    expirationPeriod = b.expirationPeriod;
    this.buf = buf;
    this.start = start;
    this.end = end;
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one Route element.
   *
   * @throws TlvException if they are not
   */
  public static Route decode(ByteBuffer wire) {
    int off = wire.position();
    Route r = decode(wire, off, wire.limit(), off);
    Children.checkWhole(wire, r.end, CTX);
    return r;
  }

  /** Decodes the element at absolute offset {@code off} of {@code buf} (ending by {@code end}). */
  public static Route decode(ByteBuffer buf, int off, int end, int base) {
    Children c = Children.open(buf, off, end, base, MgmtTypes.ROUTE, RULES, false);
    Builder b = new Builder();
    while (c.next()) {
      switch (c.slot) {
        case 1:
          b.faceId = c.number("FaceId");
          break;
        case 2:
          b.origin = (int) c.upTo("Origin", RouteOrigin.MAX);
          break;
        case 3:
          b.cost = c.number("Cost");
          break;
        case 4:
          b.flags = c.bits("Flags");
          break;
        default:
          b.expirationPeriod = c.number("ExpirationPeriod");
          break;
      }
    }
    c.require(1, "FaceId");
    c.require(2, "Origin");
    c.require(3, "Cost");
    c.require(4, "Flags");
    return new Route(b, buf, off, c.end());
  }

  /** FaceId. */
  public long faceId() {
    return faceId;
  }

  /** Origin ({@link RouteOrigin}). */
  public int origin() {
    return origin;
  }

  /** Cost. */
  public long cost() {
    return cost;
  }

  /** Flags ({@link RouteFlags}). */
  public long flags() {
    return flags;
  }

  /** Whether ExpirationPeriod is present. */
  public boolean hasExpirationPeriod() {
    return expirationPeriod >= 0;
  }

  /** ExpirationPeriod in milliseconds, or -1 (never expires). */
  public long expirationPeriod() {
    return expirationPeriod;
  }

  @Override
  public void prependTo(TlvEncoder enc) {
    int mark = enc.size();
    if (expirationPeriod >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.EXPIRATION_PERIOD, expirationPeriod);
    }
    enc.prependNonNegativeIntegerTlv(MgmtTypes.FLAGS, flags);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.COST, cost);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.ORIGIN, origin);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.FACE_ID, faceId);
    enc.prependHeader(MgmtTypes.ROUTE, enc.size() - mark);
  }

  @Override
  public ByteBuffer wire() {
    return buf != null ? Tlv.view(buf, start, end - start) : Children.encode(this);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Route)) {
      return false;
    }
    Route r = (Route) o;
    return faceId == r.faceId && origin == r.origin && cost == r.cost && flags == r.flags
        && expirationPeriod == r.expirationPeriod;
  }

  @Override
  public int hashCode() {
    return Objects.hash(faceId, origin, cost, flags, expirationPeriod);
  }

  /** As ndn-cxx prints it: {@code Route(FaceId: 1, Origin: nlsr, Cost: 100, Flags: 0x2, ExpirationPeriod: ...)}. */
  @Override
  public String toString() {
    return "Route(FaceId: " + faceId + ", Origin: " + RouteOrigin.toString(origin) + ", Cost: " + cost
        + ", Flags: " + Children.hex(flags) + ", ExpirationPeriod: "
        + (expirationPeriod >= 0 ? expirationPeriod + " milliseconds" : "infinite") + ")";
  }

  /** A builder with ndn-cxx's defaults: FaceId 0, origin app, Cost 0, Flags child-inherit, no expiration. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Route}. */
  public static final class Builder {
    private long faceId;
    private int origin = RouteOrigin.APP;
    private long cost;
    private long flags = RouteFlags.CHILD_INHERIT;
    private long expirationPeriod = -1;

    private Builder() {}

    /** Sets FaceId. */
    public Builder faceId(long v) {
      faceId = Children.checkNumber("FaceId", v);
      return this;
    }

    /** Sets Origin (0..65535). */
    public Builder origin(int v) {
      origin = Children.checkUpTo("Origin", v, RouteOrigin.MAX);
      return this;
    }

    /** Sets Cost. */
    public Builder cost(long v) {
      cost = Children.checkNumber("Cost", v);
      return this;
    }

    /** Sets Flags ({@link RouteFlags}; any 64 bits). */
    public Builder flags(long v) {
      flags = v;
      return this;
    }

    /** Sets ExpirationPeriod in milliseconds; -1 removes it. */
    public Builder expirationPeriod(long millis) {
      expirationPeriod = millis == -1 ? -1 : Children.checkNumber("ExpirationPeriod", millis);
      return this;
    }

    /** The Route. */
    public Route build() {
      return new Route(this, null, 0, 0);
    }
  }
}
