package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvRules;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * FaceStatus (TLV-TYPE 0x80 in faces/list and faces/query): one face and its counters.
 *
 * <p>Fields in ndn-cxx's order; ExpirationPeriod, BaseCongestionMarkingInterval, DefaultCongestionThreshold and Mtu
 * are optional (-1 when absent), all others required: FaceId, Uri, LocalUri, FaceScope, FacePersistency, LinkType,
 * NInInterests, NInData, NInNacks, NOutInterests, NOutData, NOutNacks, NInBytes, NOutBytes, Flags. Decoding
 * applies the evolvability rules in that order (ndn-cxx itself rejects any unknown element before the last field).
 * Numbers above 2^63-1 are rejected, except Flags; FaceScope, FacePersistency and LinkType must fit 8 bits.
 */
public final class FaceStatus extends MgmtElement {
  private static final String CTX = "FaceStatus";
  private static final TlvRules RULES = TlvRules.of(CTX, MgmtTypes.FACE_ID, MgmtTypes.URI, MgmtTypes.LOCAL_URI,
      MgmtTypes.EXPIRATION_PERIOD, MgmtTypes.FACE_SCOPE, MgmtTypes.FACE_PERSISTENCY, MgmtTypes.LINK_TYPE,
      MgmtTypes.BASE_CONGESTION_MARKING_INTERVAL, MgmtTypes.DEFAULT_CONGESTION_THRESHOLD, MgmtTypes.MTU,
      MgmtTypes.N_IN_INTERESTS, MgmtTypes.N_IN_DATA, MgmtTypes.N_IN_NACKS, MgmtTypes.N_OUT_INTERESTS,
      MgmtTypes.N_OUT_DATA, MgmtTypes.N_OUT_NACKS, MgmtTypes.N_IN_BYTES, MgmtTypes.N_OUT_BYTES, MgmtTypes.FLAGS);
  private static final String[] FIELDS = {null, "FaceId", "Uri", "LocalUri", "ExpirationPeriod", "FaceScope",
      "FacePersistency", "LinkType", "BaseCongestionMarkingInterval", "DefaultCongestionThreshold", "Mtu",
      "NInInterests", "NInData", "NInNacks", "NOutInterests", "NOutData", "NOutNacks", "NInBytes", "NOutBytes",
      "Flags"};
  private static final int[] REQUIRED = {1, 2, 3, 5, 6, 7, 11, 12, 13, 14, 15, 16, 17, 18, 19};

  private final long faceId;
  private final String remoteUri;
  private final String localUri;
  private final long expirationPeriod;
  private final int faceScope;
  private final int facePersistency;
  private final int linkType;
  private final long baseCongestionMarkingInterval;
  private final long defaultCongestionThreshold;
  private final long mtu;
  private final long[] counters;
  private final long flags;

  private FaceStatus(Builder b, ByteBuffer buf, int start, int end) {
    super(buf, start, end);
    faceId = b.faceId;
    remoteUri = b.remoteUri;
    localUri = b.localUri;
    expirationPeriod = b.expirationPeriod;
    faceScope = b.faceScope;
    facePersistency = b.facePersistency;
    linkType = b.linkType;
    baseCongestionMarkingInterval = b.baseCongestionMarkingInterval;
    defaultCongestionThreshold = b.defaultCongestionThreshold;
    mtu = b.mtu;
    counters = b.counters.clone();
    flags = b.flags;
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one FaceStatus element.
   *
   * @throws TlvException if they are not
   */
  public static FaceStatus decode(ByteBuffer wire) {
    return decodeWhole(wire, CTX, FaceStatus::decode);
  }

  /**
   * Decodes the FaceStatus element at absolute offset {@code off} of {@code buf} (ending by {@code end}); error
   * offsets count from {@code base}. {@link #wire()} of the result is a view of those octets.
   */
  public static FaceStatus decode(ByteBuffer buf, int off, int end, int base) {
    Children c = Children.open(buf, off, end, base, MgmtTypes.FACE_STATUS, RULES, false);
    Builder b = new Builder();
    while (c.next()) {
      int s = c.slot;
      String f = FIELDS[s];
      switch (s) {
        case 1:
          b.faceId = c.number(f);
          break;
        case 2:
          b.remoteUri = c.text();
          break;
        case 3:
          b.localUri = c.text();
          break;
        case 4:
          b.expirationPeriod = c.number(f);
          break;
        case 5:
          b.faceScope = (int) c.upTo(f, FaceScope.MAX);
          break;
        case 6:
          b.facePersistency = (int) c.upTo(f, FacePersistency.MAX);
          break;
        case 7:
          b.linkType = (int) c.upTo(f, LinkType.MAX);
          break;
        case 8:
          b.baseCongestionMarkingInterval = c.number(f);
          break;
        case 9:
          b.defaultCongestionThreshold = c.number(f);
          break;
        case 10:
          b.mtu = c.number(f);
          break;
        case 19:
          b.flags = c.bits(f);
          break;
        default:
          b.counters[s - 11] = c.number(f);
          break;
      }
    }
    for (int s : REQUIRED) {
      c.require(s, FIELDS[s]);
    }
    return new FaceStatus(b, buf, off, c.end());
  }

  /** FaceId. */
  public long faceId() {
    return faceId;
  }

  /** Remote FaceUri (the Uri field). */
  public String remoteUri() {
    return remoteUri;
  }

  /** Local FaceUri. */
  public String localUri() {
    return localUri;
  }

  /** Whether ExpirationPeriod is present (an on-demand face that will time out). */
  public boolean hasExpirationPeriod() {
    return expirationPeriod >= 0;
  }

  /** ExpirationPeriod in milliseconds, or -1 (never expires). */
  public long expirationPeriod() {
    return expirationPeriod;
  }

  /** FaceScope ({@link FaceScope}). */
  public int faceScope() {
    return faceScope;
  }

  /** FacePersistency ({@link FacePersistency}). */
  public int facePersistency() {
    return facePersistency;
  }

  /** LinkType ({@link LinkType}). */
  public int linkType() {
    return linkType;
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

  /** Interests received. */
  public long nInInterests() {
    return counters[0];
  }

  /** Data received. */
  public long nInData() {
    return counters[1];
  }

  /** Nacks received. */
  public long nInNacks() {
    return counters[2];
  }

  /** Interests sent. */
  public long nOutInterests() {
    return counters[3];
  }

  /** Data sent. */
  public long nOutData() {
    return counters[4];
  }

  /** Nacks sent. */
  public long nOutNacks() {
    return counters[5];
  }

  /** Octets received (link layer). */
  public long nInBytes() {
    return counters[6];
  }

  /** Octets sent (link layer). */
  public long nOutBytes() {
    return counters[7];
  }

  /** Flags ({@link FaceFlags}). */
  public long flags() {
    return flags;
  }

  /** Whether Flags has {@code bit} (0..63) set. */
  public boolean flagBit(int bit) {
    if (bit < 0 || bit >= 64) {
      throw new IllegalArgumentException("bit must be in 0..63, got " + bit);
    }
    return (flags & 1L << bit) != 0;
  }

  @Override
  public void prependTo(TlvEncoder enc) {
    int mark = enc.size();
    enc.prependNonNegativeIntegerTlv(MgmtTypes.FLAGS, flags);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.N_OUT_BYTES, counters[7]);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.N_IN_BYTES, counters[6]);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.N_OUT_NACKS, counters[5]);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.N_OUT_DATA, counters[4]);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.N_OUT_INTERESTS, counters[3]);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.N_IN_NACKS, counters[2]);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.N_IN_DATA, counters[1]);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.N_IN_INTERESTS, counters[0]);
    if (mtu >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.MTU, mtu);
    }
    if (defaultCongestionThreshold >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.DEFAULT_CONGESTION_THRESHOLD, defaultCongestionThreshold);
    }
    if (baseCongestionMarkingInterval >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.BASE_CONGESTION_MARKING_INTERVAL, baseCongestionMarkingInterval);
    }
    enc.prependNonNegativeIntegerTlv(MgmtTypes.LINK_TYPE, linkType);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.FACE_PERSISTENCY, facePersistency);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.FACE_SCOPE, faceScope);
    if (expirationPeriod >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.EXPIRATION_PERIOD, expirationPeriod);
    }
    Children.prependText(enc, MgmtTypes.LOCAL_URI, localUri);
    Children.prependText(enc, MgmtTypes.URI, remoteUri);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.FACE_ID, faceId);
    enc.prependHeader(MgmtTypes.FACE_STATUS, enc.size() - mark);
  }

  /** A builder holding this value's fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.faceId = faceId;
    b.remoteUri = remoteUri;
    b.localUri = localUri;
    b.expirationPeriod = expirationPeriod;
    b.faceScope = faceScope;
    b.facePersistency = facePersistency;
    b.linkType = linkType;
    b.baseCongestionMarkingInterval = baseCongestionMarkingInterval;
    b.defaultCongestionThreshold = defaultCongestionThreshold;
    b.mtu = mtu;
    b.counters = counters.clone();
    b.flags = flags;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FaceStatus)) {
      return false;
    }
    FaceStatus f = (FaceStatus) o;
    return faceId == f.faceId && remoteUri.equals(f.remoteUri) && localUri.equals(f.localUri)
        && expirationPeriod == f.expirationPeriod && faceScope == f.faceScope
        && facePersistency == f.facePersistency && linkType == f.linkType
        && baseCongestionMarkingInterval == f.baseCongestionMarkingInterval
        && defaultCongestionThreshold == f.defaultCongestionThreshold && mtu == f.mtu
        && java.util.Arrays.equals(counters, f.counters) && flags == f.flags;
  }

  @Override
  public int hashCode() {
    return Objects.hash(faceId, remoteUri, localUri, flags) * 31 + java.util.Arrays.hashCode(counters);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Face(FaceId: ").append(faceId)
        .append(", RemoteUri: ").append(remoteUri)
        .append(", LocalUri: ").append(localUri)
        .append(", ExpirationPeriod: ")
        .append(expirationPeriod >= 0 ? expirationPeriod + " milliseconds" : "infinite")
        .append(", FaceScope: ").append(FaceScope.toString(faceScope))
        .append(", FacePersistency: ").append(FacePersistency.toString(facePersistency))
        .append(", LinkType: ").append(LinkType.toString(linkType));
    if (baseCongestionMarkingInterval >= 0) {
      sb.append(", BaseCongestionMarkingInterval: ").append(baseCongestionMarkingInterval).append(" nanoseconds");
    }
    if (defaultCongestionThreshold >= 0) {
      sb.append(", DefaultCongestionThreshold: ").append(defaultCongestionThreshold).append(" bytes");
    }
    if (mtu >= 0) {
      sb.append(", Mtu: ").append(mtu).append(" bytes");
    }
    return sb.append(", Flags: ").append(Children.hex(flags))
        .append(", Counters: {Interests: {in: ").append(counters[0]).append(", out: ").append(counters[3])
        .append("}, Data: {in: ").append(counters[1]).append(", out: ").append(counters[4])
        .append("}, Nacks: {in: ").append(counters[2]).append(", out: ").append(counters[5])
        .append("}, bytes: {in: ").append(counters[6]).append(", out: ").append(counters[7])
        .append("}})").toString();
  }

  /**
   * A builder with ndn-cxx's defaults: FaceId 0, empty URIs, non-local, persistent, point-to-point, counters and
   * Flags 0, optional fields absent.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FaceStatus}. Setters throw {@link IllegalArgumentException} for values out of range. */
  public static final class Builder {
    private long faceId;
    private String remoteUri = "";
    private String localUri = "";
    private long expirationPeriod = -1;
    private int faceScope = FaceScope.NON_LOCAL;
    private int facePersistency = FacePersistency.PERSISTENT;
    private int linkType = LinkType.POINT_TO_POINT;
    private long baseCongestionMarkingInterval = -1;
    private long defaultCongestionThreshold = -1;
    private long mtu = -1;
    private long[] counters = new long[8];
    private long flags;

    private Builder() {}

    /** Sets FaceId. */
    public Builder faceId(long v) {
      faceId = Children.checkNumber("FaceId", v);
      return this;
    }

    /** Sets the remote FaceUri. */
    public Builder remoteUri(String s) {
      remoteUri = Objects.requireNonNull(s, "remoteUri");
      return this;
    }

    /** Sets the local FaceUri. */
    public Builder localUri(String s) {
      localUri = Objects.requireNonNull(s, "localUri");
      return this;
    }

    /** Sets ExpirationPeriod in milliseconds; -1 removes it. */
    public Builder expirationPeriod(long millis) {
      expirationPeriod = millis == -1 ? -1 : Children.checkNumber("ExpirationPeriod", millis);
      return this;
    }

    /** Sets FaceScope (0..255). */
    public Builder faceScope(int v) {
      faceScope = Children.checkUpTo("FaceScope", v, FaceScope.MAX);
      return this;
    }

    /** Sets FacePersistency (0..255). */
    public Builder facePersistency(int v) {
      facePersistency = Children.checkUpTo("FacePersistency", v, FacePersistency.MAX);
      return this;
    }

    /** Sets LinkType (0..255). */
    public Builder linkType(int v) {
      linkType = Children.checkUpTo("LinkType", v, LinkType.MAX);
      return this;
    }

    /** Sets BaseCongestionMarkingInterval in nanoseconds; -1 removes it. */
    public Builder baseCongestionMarkingInterval(long nanos) {
      baseCongestionMarkingInterval = nanos == -1 ? -1 : Children.checkNumber("BaseCongestionMarkingInterval", nanos);
      return this;
    }

    /** Sets DefaultCongestionThreshold in octets; -1 removes it. */
    public Builder defaultCongestionThreshold(long v) {
      defaultCongestionThreshold = v == -1 ? -1 : Children.checkNumber("DefaultCongestionThreshold", v);
      return this;
    }

    /** Sets Mtu in octets; -1 removes it. */
    public Builder mtu(long v) {
      mtu = v == -1 ? -1 : Children.checkNumber("Mtu", v);
      return this;
    }

    /** Sets NInInterests. */
    public Builder nInInterests(long v) {
      counters[0] = Children.checkNumber("NInInterests", v);
      return this;
    }

    /** Sets NInData. */
    public Builder nInData(long v) {
      counters[1] = Children.checkNumber("NInData", v);
      return this;
    }

    /** Sets NInNacks. */
    public Builder nInNacks(long v) {
      counters[2] = Children.checkNumber("NInNacks", v);
      return this;
    }

    /** Sets NOutInterests. */
    public Builder nOutInterests(long v) {
      counters[3] = Children.checkNumber("NOutInterests", v);
      return this;
    }

    /** Sets NOutData. */
    public Builder nOutData(long v) {
      counters[4] = Children.checkNumber("NOutData", v);
      return this;
    }

    /** Sets NOutNacks. */
    public Builder nOutNacks(long v) {
      counters[5] = Children.checkNumber("NOutNacks", v);
      return this;
    }

    /** Sets NInBytes. */
    public Builder nInBytes(long v) {
      counters[6] = Children.checkNumber("NInBytes", v);
      return this;
    }

    /** Sets NOutBytes. */
    public Builder nOutBytes(long v) {
      counters[7] = Children.checkNumber("NOutBytes", v);
      return this;
    }

    /** Sets Flags ({@link FaceFlags}; any 64 bits). */
    public Builder flags(long v) {
      flags = v;
      return this;
    }

    /** Sets or clears one bit (0..63) of Flags. */
    public Builder flagBit(int bit, boolean value) {
      if (bit < 0 || bit >= 64) {
        throw new IllegalArgumentException("bit must be in 0..63, got " + bit);
      }
      flags = value ? flags | 1L << bit : flags & ~(1L << bit);
      return this;
    }

    /** The FaceStatus. */
    public FaceStatus build() {
      return new FaceStatus(this, null, 0, 0);
    }
  }
}
