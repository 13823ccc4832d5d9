package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvRules;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * ControlParameters (TLV-TYPE 0x68): the arguments of an NFD control command, carried as a name component of the
 * command Interest, and the result in the body of a successful {@link ControlResponse}. Every field is optional;
 * which ones a command requires is the command's business (ndn-cxx {@code ControlCommand}), not the codec's.
 *
 * <p>Immutable; build with {@link #builder()} or change a copy with {@link #toBuilder()}. Decoding follows
 * ndn-cxx, which looks each field up wherever it is: the fields may come in any order (NDNts writes them in another
 * order than ndn-cxx); a repeated critical field is an error, a repeated non-critical one is ignored; unknown
 * critical elements are errors, unknown non-critical ones are skipped. Encoding writes ndn-cxx's order: Name,
 * FaceId, Uri, LocalUri, Origin, Cost, Capacity, Count, Flags, Mask, Strategy, ExpirationPeriod, FacePersistency,
 * BaseCongestionMarkingInterval, DefaultCongestionThreshold, Mtu.
 *
 * <p>Numbers are kept in a {@code long} and values above 2^63-1 are rejected on decode, except Flags and Mask
 * (all 64 bits kept); Origin must fit 16 bits and FacePersistency 8 bits, as ndn-cxx requires. A numeric getter
 * returns -1 when its field is absent (Flags and Mask: 0; use the {@code has} methods).
 */
public final class ControlParameters extends MgmtElement {
  private static final String CTX = "ControlParameters";
  private static final TlvRules RULES = TlvRules.of(CTX, TlvTypes.NAME, MgmtTypes.FACE_ID, MgmtTypes.URI,
      MgmtTypes.LOCAL_URI, MgmtTypes.ORIGIN, MgmtTypes.COST, MgmtTypes.CAPACITY, MgmtTypes.COUNT, MgmtTypes.FLAGS,
      MgmtTypes.MASK, MgmtTypes.STRATEGY, MgmtTypes.EXPIRATION_PERIOD, MgmtTypes.FACE_PERSISTENCY,
      MgmtTypes.BASE_CONGESTION_MARKING_INTERVAL, MgmtTypes.DEFAULT_CONGESTION_THRESHOLD, MgmtTypes.MTU);
  private static final TlvRules STRATEGY_RULES = TlvRules.of("Strategy", TlvTypes.NAME);

  private final Name name;
  private final long faceId;
  private final String uri;
  private final String localUri;
  private final int origin;
  private final long cost;
  private final long capacity;
  private final long count;
  private final boolean hasFlags;
  private final long flags;
  private final boolean hasMask;
  private final long mask;
  private final Name strategy;
  private final long expirationPeriod;
  private final int facePersistency;
  private final long baseCongestionMarkingInterval;
  private final long defaultCongestionThreshold;
  private final long mtu;

  private ControlParameters(Builder b, ByteBuffer buf, int start, int end) {
    super(buf, start, end);
    name = b.name;
    faceId = b.faceId;
    uri = b.uri;
    localUri = b.localUri;
    origin = b.origin;
    cost = b.cost;
    capacity = b.capacity;
    count = b.count;
    hasFlags = b.hasFlags;
    flags = b.flags;
    hasMask = b.hasMask;
    mask = b.mask;
    strategy = b.strategy;
    expirationPeriod = b.expirationPeriod;
    facePersistency = b.facePersistency;
    baseCongestionMarkingInterval = b.baseCongestionMarkingInterval;
    defaultCongestionThreshold = b.defaultCongestionThreshold;
    mtu = b.mtu;
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one ControlParameters element. Names in the
   * result are views of those octets, which must not change afterwards; position and limit are not modified.
   *
   * @throws TlvException if the octets are not a valid ControlParameters
   */
  public static ControlParameters decode(ByteBuffer wire) {
    return decodeWhole(wire, CTX, ControlParameters::decode);
  }

  /**
   * Decodes the ControlParameters element at absolute offset {@code off} of {@code buf} (ending by {@code end});
   * error offsets count from {@code base}. A view, like {@link #decode(ByteBuffer)}.
   */
  public static ControlParameters decode(ByteBuffer buf, int off, int end, int base) {
    Children c = Children.open(buf, off, end, base, MgmtTypes.CONTROL_PARAMETERS, RULES, true);
    Builder b = new Builder();
    while (c.next()) {
      switch (c.slot) {
        case 1:
          b.name = c.name();
          break;
        case 2:
          b.faceId = c.number("FaceId");
          break;
        case 3:
          b.uri = c.text();
          break;
        case 4:
          b.localUri = c.text();
          break;
        case 5:
          b.origin = (int) c.upTo("Origin", RouteOrigin.MAX);
          break;
        case 6:
          b.cost = c.number("Cost");
          break;
        case 7:
          b.capacity = c.number("Capacity");
          break;
        case 8:
          b.count = c.number("Count");
          break;
        case 9:
          b.flags = c.bits("Flags");
          b.hasFlags = true;
          break;
        case 10:
          b.mask = c.bits("Mask");
          b.hasMask = true;
          break;
        case 11:
          b.strategy = c.nestedName(STRATEGY_RULES, "Strategy");
          break;
        case 12:
          b.expirationPeriod = c.number("ExpirationPeriod");
          break;
        case 13:
          b.facePersistency = (int) c.upTo("FacePersistency", FacePersistency.MAX);
          break;
        case 14:
          b.baseCongestionMarkingInterval = c.number("BaseCongestionMarkingInterval");
          break;
        case 15:
          b.defaultCongestionThreshold = c.number("DefaultCongestionThreshold");
          break;
        case 16:
          b.mtu = c.number("Mtu");
          break;
        default:
          throw new IllegalStateException("unhandled ControlParameters slot " + c.slot);
      }
    }
    return new ControlParameters(b, buf, off, c.end());
  }

  /** Whether Name is present. */
  public boolean hasName() {
    return name != null;
  }

  /** Name (a prefix for rib, fib, strategy-choice and cs commands), or null. */
  public Name name() {
    return name;
  }

  /** Whether FaceId is present. */
  public boolean hasFaceId() {
    return faceId >= 0;
  }

  /** FaceId, or -1. In a request, 0 means "the face the command arrived on". */
  public long faceId() {
    return faceId;
  }

  /** Whether Uri is present. */
  public boolean hasUri() {
    return uri != null;
  }

  /** Uri (remote FaceUri of faces/create), or null. */
  public String uri() {
    return uri;
  }

  /** Whether LocalUri is present. */
  public boolean hasLocalUri() {
    return localUri != null;
  }

  /** LocalUri, or null. */
  public String localUri() {
    return localUri;
  }

  /** Whether Origin is present. */
  public boolean hasOrigin() {
    return origin >= 0;
  }

  /** Origin ({@link RouteOrigin}), or -1. */
  public int origin() {
    return origin;
  }

  /** Whether Cost is present. */
  public boolean hasCost() {
    return cost >= 0;
  }

  /** Cost, or -1. */
  public long cost() {
    return cost;
  }

  /** Whether Capacity is present. */
  public boolean hasCapacity() {
    return capacity >= 0;
  }

  /** Capacity (cs/config, cs/erase), or -1. */
  public long capacity() {
    return capacity;
  }

  /** Whether Count is present. */
  public boolean hasCount() {
    return count >= 0;
  }

  /** Count (cs/erase), or -1. */
  public long count() {
    return count;
  }

  /** Whether Flags is present. */
  public boolean hasFlags() {
    return hasFlags;
  }

  /** Flags (all 64 bits), or 0. */
  public long flags() {
    return flags;
  }

  /** Whether Mask is present. */
  public boolean hasMask() {
    return hasMask;
  }

  /** Mask (all 64 bits), or 0. */
  public long mask() {
    return mask;
  }

  /** Whether Mask is present and has {@code bit} set: the command changes that flag (ndn-cxx hasFlagBit). */
  public boolean hasFlagBit(int bit) {
    return hasMask && (mask & bitValue(bit)) != 0;
  }

  /** Whether Flags is present and has {@code bit} set (ndn-cxx getFlagBit). */
  public boolean flagBit(int bit) {
    return hasFlags && (flags & bitValue(bit)) != 0;
  }

  private static long bitValue(int bit) {
    if (bit < 0 || bit >= 64) {
      throw new IllegalArgumentException("bit must be in 0..63, got " + bit);
    }
    return 1L << bit;
  }

  /** Whether Strategy is present. */
  public boolean hasStrategy() {
    return strategy != null;
  }

  /** The strategy's name (the Name inside Strategy), or null. */
  public Name strategy() {
    return strategy;
  }

  /** Whether ExpirationPeriod is present. */
  public boolean hasExpirationPeriod() {
    return expirationPeriod >= 0;
  }

  /** ExpirationPeriod in milliseconds, or -1. */
  public long expirationPeriod() {
    return expirationPeriod;
  }

  /** Whether FacePersistency is present. */
  public boolean hasFacePersistency() {
    return facePersistency >= 0;
  }

  /** FacePersistency ({@link FacePersistency}), or -1. */
  public int facePersistency() {
    return facePersistency;
  }

  /** Whether BaseCongestionMarkingInterval is present. */
  public boolean hasBaseCongestionMarkingInterval() {
    return baseCongestionMarkingInterval >= 0;
  }

  /** BaseCongestionMarkingInterval in nanoseconds, or -1. */
  public long baseCongestionMarkingInterval() {
    return baseCongestionMarkingInterval;
  }

  /** Whether DefaultCongestionThreshold is present. */
  public boolean hasDefaultCongestionThreshold() {
    return defaultCongestionThreshold >= 0;
  }

  /** DefaultCongestionThreshold in octets, or -1. */
  public long defaultCongestionThreshold() {
    return defaultCongestionThreshold;
  }

  /** Whether Mtu is present. */
  public boolean hasMtu() {
    return mtu >= 0;
  }

  /** Mtu in octets, or -1. */
  public long mtu() {
    return mtu;
  }

  @Override
  public void prependTo(TlvEncoder enc) {
    int mark = enc.size();
    if (mtu >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.MTU, mtu);
    }
    if (defaultCongestionThreshold >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.DEFAULT_CONGESTION_THRESHOLD, defaultCongestionThreshold);
    }
    if (baseCongestionMarkingInterval >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.BASE_CONGESTION_MARKING_INTERVAL, baseCongestionMarkingInterval);
    }
    if (facePersistency >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.FACE_PERSISTENCY, facePersistency);
    }
    if (expirationPeriod >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.EXPIRATION_PERIOD, expirationPeriod);
    }
    if (strategy != null) {
      int m = enc.size();
      strategy.prependTo(enc);
      enc.prependHeader(MgmtTypes.STRATEGY, enc.size() - m);
    }
    if (hasMask) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.MASK, mask);
    }
    if (hasFlags) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.FLAGS, flags);
    }
    if (count >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.COUNT, count);
    }
    if (capacity >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.CAPACITY, capacity);
    }
    if (cost >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.COST, cost);
    }
    if (origin >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.ORIGIN, origin);
    }
    if (localUri != null) {
      Children.prependText(enc, MgmtTypes.LOCAL_URI, localUri);
    }
    if (uri != null) {
      Children.prependText(enc, MgmtTypes.URI, uri);
    }
    if (faceId >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.FACE_ID, faceId);
    }
    if (name != null) {
      name.prependTo(enc);
    }
    enc.prependHeader(MgmtTypes.CONTROL_PARAMETERS, enc.size() - mark);
  }

  /** A copy of the encoding (owned by the caller), e.g. to put in a name component. */
  public byte[] encode() {
    ByteBuffer w = wire();
    byte[] out = new byte[w.remaining()];
    w.get(out);
    return out;
  }

  /** A builder holding this value's fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.faceId = faceId;
    b.uri = uri;
    b.localUri = localUri;
    b.origin = origin;
    b.cost = cost;
    b.capacity = capacity;
    b.count = count;
    b.hasFlags = hasFlags;
    b.flags = flags;
    b.hasMask = hasMask;
    b.mask = mask;
    b.strategy = strategy;
    b.expirationPeriod = expirationPeriod;
    b.facePersistency = facePersistency;
    b.baseCongestionMarkingInterval = baseCongestionMarkingInterval;
    b.defaultCongestionThreshold = defaultCongestionThreshold;
    b.mtu = mtu;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ControlParameters)) {
      return false;
    }
    ControlParameters p = (ControlParameters) o;
    return Objects.equals(name, p.name) && faceId == p.faceId && Objects.equals(uri, p.uri)
        && Objects.equals(localUri, p.localUri) && origin == p.origin && cost == p.cost && capacity == p.capacity
        && count == p.count && hasFlags == p.hasFlags && flags == p.flags && hasMask == p.hasMask && mask == p.mask
        && Objects.equals(strategy, p.strategy) && expirationPeriod == p.expirationPeriod
        && facePersistency == p.facePersistency && baseCongestionMarkingInterval == p.baseCongestionMarkingInterval
        && defaultCongestionThreshold == p.defaultCongestionThreshold && mtu == p.mtu;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, faceId, uri, localUri, origin, cost, capacity, count, flags, mask, strategy,
        expirationPeriod, facePersistency, baseCongestionMarkingInterval, defaultCongestionThreshold, mtu);
  }

  /** Like ndn-cxx: {@code ControlParameters(Name: /a, FaceId: 3, Flags: 0x1, )}, present fields only. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ControlParameters(");
    if (name != null) {
      sb.append("Name: ").append(name).append(", ");
    }
    if (faceId >= 0) {
      sb.append("FaceId: ").append(faceId).append(", ");
    }
    if (uri != null) {
      sb.append("Uri: ").append(uri).append(", ");
    }
    if (localUri != null) {
      sb.append("LocalUri: ").append(localUri).append(", ");
    }
    if (origin >= 0) {
      sb.append("Origin: ").append(RouteOrigin.toString(origin)).append(", ");
    }
    if (cost >= 0) {
      sb.append("Cost: ").append(cost).append(", ");
    }
    if (capacity >= 0) {
      sb.append("Capacity: ").append(capacity).append(", ");
    }
    if (count >= 0) {
      sb.append("Count: ").append(count).append(", ");
    }
    if (hasFlags) {
      sb.append("Flags: ").append(Children.hex(flags)).append(", ");
    }
    if (hasMask) {
      sb.append("Mask: ").append(Children.hex(mask)).append(", ");
    }
    if (strategy != null) {
      sb.append("Strategy: ").append(strategy).append(", ");
    }
    if (expirationPeriod >= 0) {
      sb.append("ExpirationPeriod: ").append(expirationPeriod).append(" milliseconds, ");
    }
    if (facePersistency >= 0) {
      sb.append("FacePersistency: ").append(FacePersistency.toString(facePersistency)).append(", ");
    }
    if (baseCongestionMarkingInterval >= 0) {
      sb.append("BaseCongestionMarkingInterval: ").append(baseCongestionMarkingInterval).append(" nanoseconds, ");
    }
    if (defaultCongestionThreshold >= 0) {
      sb.append("DefaultCongestionThreshold: ").append(defaultCongestionThreshold).append(", ");
    }
    if (mtu >= 0) {
      sb.append("Mtu: ").append(mtu).append(", ");
    }
    return sb.append(')').toString();
  }

  /** An empty builder: no field set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ControlParameters}. Setters throw {@link IllegalArgumentException} for values out of range. */
  public static final class Builder {
    private Name name;
    private long faceId = -1;
    private String uri;
    private String localUri;
    private int origin = -1;
    private long cost = -1;
    private long capacity = -1;
    private long count = -1;
    private boolean hasFlags;
    private long flags;
    private boolean hasMask;
    private long mask;
    private Name strategy;
    private long expirationPeriod = -1;
    private int facePersistency = -1;
    private long baseCongestionMarkingInterval = -1;
    private long defaultCongestionThreshold = -1;
    private long mtu = -1;

    private Builder() {}

    /** Sets Name (null unsets). */
    public Builder name(Name n) {
      name = n;
      return this;
    }

    /** Sets FaceId (0..2^63-1). */
    public Builder faceId(long v) {
      faceId = Children.checkNumber("FaceId", v);
      return this;
    }

    /** Sets Uri (null unsets). */
    public Builder uri(String s) {
      uri = s;
      return this;
    }

    /** Sets LocalUri (null unsets). */
    public Builder localUri(String s) {
      localUri = s;
      return this;
    }

    /** Sets Origin (0..65535, see {@link RouteOrigin}). */
    public Builder origin(int v) {
      origin = Children.checkUpTo("Origin", v, RouteOrigin.MAX);
      return this;
    }

    /** Sets Cost. */
    public Builder cost(long v) {
      cost = Children.checkNumber("Cost", v);
      return this;
    }

    /** Sets Capacity. */
    public Builder capacity(long v) {
      capacity = Children.checkNumber("Capacity", v);
      return this;
    }

    /** Sets Count. */
    public Builder count(long v) {
      count = Children.checkNumber("Count", v);
      return this;
    }

    /** Sets Flags (any 64 bits). */
    public Builder flags(long v) {
      flags = v;
      hasFlags = true;
      return this;
    }

    /** Sets Mask (any 64 bits). */
    public Builder mask(long v) {
      mask = v;
      hasMask = true;
      return this;
    }

    /**
     * Sets or clears one bit of Flags (present from then on, starting from 0) and, if {@code wantMask}, sets the
     * same bit of Mask, as ndn-cxx's {@code setFlagBit} does.
     */
    public Builder flagBit(int bit, boolean value, boolean wantMask) {
      long b = bitValue(bit);
      flags = value ? flags | b : flags & ~b;
      hasFlags = true;
      if (wantMask) {
        mask |= b;
        hasMask = true;
      }
      return this;
    }

    /** {@link #flagBit(int, boolean, boolean)} with the Mask bit set. */
    public Builder flagBit(int bit, boolean value) {
      return flagBit(bit, value, true);
    }

    /** Clears one bit of Mask; when Mask becomes 0 both Flags and Mask are removed (ndn-cxx unsetFlagBit). */
    public Builder unsetFlagBit(int bit) {
      mask &= ~bitValue(bit);
      if (mask == 0) {
        hasMask = false;
        hasFlags = false;
        flags = 0;
      } else {
        hasMask = true;
      }
      return this;
    }

    /** Removes Flags. */
    public Builder unsetFlags() {
      hasFlags = false;
      flags = 0;
      return this;
    }

    /** Removes Mask. */
    public Builder unsetMask() {
      hasMask = false;
      mask = 0;
      return this;
    }

    /** Sets the strategy name (encoded inside Strategy; null unsets). */
    public Builder strategy(Name n) {
      strategy = n;
      return this;
    }

    /** Sets ExpirationPeriod in milliseconds. */
    public Builder expirationPeriod(long millis) {
      expirationPeriod = Children.checkNumber("ExpirationPeriod", millis);
      return this;
    }

    /** Sets FacePersistency (0..255, see {@link FacePersistency}). */
    public Builder facePersistency(int v) {
      facePersistency = Children.checkUpTo("FacePersistency", v, FacePersistency.MAX);
      return this;
    }

    /** Sets BaseCongestionMarkingInterval in nanoseconds. */
    public Builder baseCongestionMarkingInterval(long nanos) {
      baseCongestionMarkingInterval = Children.checkNumber("BaseCongestionMarkingInterval", nanos);
      return this;
    }

    /** Sets DefaultCongestionThreshold in octets. */
    public Builder defaultCongestionThreshold(long v) {
      defaultCongestionThreshold = Children.checkNumber("DefaultCongestionThreshold", v);
      return this;
    }

    /** Sets Mtu in octets. */
    public Builder mtu(long v) {
      mtu = Children.checkNumber("Mtu", v);
      return this;
    }

    /** Removes FaceId. */
    public Builder unsetFaceId() {
      faceId = -1;
      return this;
    }

    /** Removes Origin. */
    public Builder unsetOrigin() {
      origin = -1;
      return this;
    }

    /** Removes Cost. */
    public Builder unsetCost() {
      cost = -1;
      return this;
    }

    /** Removes Capacity. */
    public Builder unsetCapacity() {
      capacity = -1;
      return this;
    }

    /** Removes Count. */
    public Builder unsetCount() {
      count = -1;
      return this;
    }

    /** Removes ExpirationPeriod. */
    public Builder unsetExpirationPeriod() {
      expirationPeriod = -1;
      return this;
    }

    /** Removes FacePersistency. */
    public Builder unsetFacePersistency() {
      facePersistency = -1;
      return this;
    }

    /** Removes BaseCongestionMarkingInterval. */
    public Builder unsetBaseCongestionMarkingInterval() {
      baseCongestionMarkingInterval = -1;
      return this;
    }

    /** Removes DefaultCongestionThreshold. */
    public Builder unsetDefaultCongestionThreshold() {
      defaultCongestionThreshold = -1;
      return this;
    }

    /** Removes Mtu. */
    public Builder unsetMtu() {
      mtu = -1;
      return this;
    }

    /** The ControlParameters. */
    public ControlParameters build() {
      return new ControlParameters(this, null, 0, 0);
    }
  }
}
