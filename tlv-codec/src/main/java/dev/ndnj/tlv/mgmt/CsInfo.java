package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvRules;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * CsInfo (TLV-TYPE 0x80): the cs/info dataset, whose payload is exactly one CsInfo element. Fields, all required
 * and in this order: Capacity, Flags ({@link CsFlags}), NCsEntries, NHits, NMisses.
 */
public final class CsInfo extends MgmtElement {
  private static final String CTX = "CsInfo";
  private static final TlvRules RULES = TlvRules.of(CTX, MgmtTypes.CAPACITY, MgmtTypes.FLAGS,
      MgmtTypes.N_CS_ENTRIES, MgmtTypes.N_HITS, MgmtTypes.N_MISSES);
  private static final String[] FIELDS = {null, "Capacity", "Flags", "NCsEntries", "NHits", "NMisses"};

  private final long capacity;
  private final long flags;
  private final long nEntries;
  private final long nHits;
  private final long nMisses;

  private CsInfo(Builder b, ByteBuffer buf, int start, int end) {
    super(buf, start, end);
    capacity = b.capacity;
    flags = b.flags;
    nEntries = b.nEntries;
    nHits = b.nHits;
    nMisses = b.nMisses;
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one CsInfo element (the whole cs/info payload).
   *
   * @throws TlvException if they are not
   */
  public static CsInfo decode(ByteBuffer wire) {
    return decodeWhole(wire, CTX, CsInfo::decode);
  }

  /** Decodes the element at absolute offset {@code off} of {@code buf} (ending by {@code end}). */
  public static CsInfo decode(ByteBuffer buf, int off, int end, int base) {
    Children c = Children.open(buf, off, end, base, MgmtTypes.CS_INFO, RULES, false);
    Builder b = new Builder();
    while (c.next()) {
      String f = FIELDS[c.slot];
      switch (c.slot) {
        case 1:
          b.capacity = c.number(f);
          break;
        case 2:
          b.flags = c.bits(f);
          break;
        case 3:
          b.nEntries = c.number(f);
          break;
        case 4:
          b.nHits = c.number(f);
          break;
        default:
          b.nMisses = c.number(f);
          break;
      }
    }
    for (int s = 1; s < FIELDS.length; s++) {
      c.require(s, FIELDS[s]);
    }
    return new CsInfo(b, buf, off, c.end());
  }

  /** Capacity (maximum number of packets). */
  public long capacity() {
    return capacity;
  }

  /** Flags ({@link CsFlags}). */
  public long flags() {
    return flags;
  }

  /** Whether the CS admits new Data (bit {@link CsFlags#BIT_ENABLE_ADMIT}). */
  public boolean enableAdmit() {
    return (flags & CsFlags.ENABLE_ADMIT) != 0;
  }

  /** Whether the CS serves cached Data (bit {@link CsFlags#BIT_ENABLE_SERVE}). */
  public boolean enableServe() {
    return (flags & CsFlags.ENABLE_SERVE) != 0;
  }

  /** NCsEntries: packets in the CS. */
  public long nEntries() {
    return nEntries;
  }

  /** NHits. */
  public long nHits() {
    return nHits;
  }

  /** NMisses. */
  public long nMisses() {
    return nMisses;
  }

  @Override
  public void prependTo(TlvEncoder enc) {
    int mark = enc.size();
    enc.prependNonNegativeIntegerTlv(MgmtTypes.N_MISSES, nMisses);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.N_HITS, nHits);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.N_CS_ENTRIES, nEntries);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.FLAGS, flags);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.CAPACITY, capacity);
    enc.prependHeader(MgmtTypes.CS_INFO, enc.size() - mark);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CsInfo)) {
      return false;
    }
    CsInfo i = (CsInfo) o;
    return capacity == i.capacity && flags == i.flags && nEntries == i.nEntries && nHits == i.nHits
        && nMisses == i.nMisses;
  }

  @Override
  public int hashCode() {
    return Objects.hash(capacity, flags, nEntries, nHits, nMisses);
  }

  /** As ndn-cxx prints it: {@code CsInfo: 5509 entries, 20177 max, admit disabled, serve enabled, ...}. */
  @Override
  public String toString() {
    return "CsInfo: " + nEntries + " entries, " + capacity + " max, "
        + (enableAdmit() ? "admit enabled, " : "admit disabled, ")
        + (enableServe() ? "serve enabled, " : "serve disabled, ")
        + nHits + (nHits == 1 ? " hit, " : " hits, ") + nMisses + (nMisses == 1 ? " miss" : " misses");
  }

  /** A builder with every field 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CsInfo}. */
  public static final class Builder {
    private long capacity;
    private long flags;
    private long nEntries;
    private long nHits;
    private long nMisses;

    private Builder() {}

    /** Sets Capacity. */
    public Builder capacity(long v) {
      capacity = Children.checkNumber("Capacity", v);
      return this;
    }

    /** Sets Flags (any 64 bits). */
    public Builder flags(long v) {
      flags = v;
      return this;
    }

    /** Sets or clears {@link CsFlags#ENABLE_ADMIT}. */
    public Builder enableAdmit(boolean on) {
      flags = on ? flags | CsFlags.ENABLE_ADMIT : flags & ~CsFlags.ENABLE_ADMIT;
      return this;
    }

    /** Sets or clears {@link CsFlags#ENABLE_SERVE}. */
    public Builder enableServe(boolean on) {
      flags = on ? flags | CsFlags.ENABLE_SERVE : flags & ~CsFlags.ENABLE_SERVE;
      return this;
    }

    /** Sets NCsEntries. */
    public Builder nEntries(long v) {
      nEntries = Children.checkNumber("NCsEntries", v);
      return this;
    }

    /** Sets NHits. */
    public Builder nHits(long v) {
      nHits = Children.checkNumber("NHits", v);
      return this;
    }

    /** Sets NMisses. */
    public Builder nMisses(long v) {
      nMisses = Children.checkNumber("NMisses", v);
      return this;
    }

    /** The CsInfo. */
    public CsInfo build() {
      return new CsInfo(this, null, 0, 0);
    }
  }
}
