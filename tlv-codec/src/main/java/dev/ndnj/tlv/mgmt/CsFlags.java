package dev.ndnj.tlv.mgmt;

/** Content Store flags (ndn-cxx {@code CsFlagBit}): bits of the Flags field of CsInfo and of cs/config. */
public final class CsFlags {
  private CsFlags() {}

  /** Bit number of {@link #ENABLE_ADMIT}. */
  public static final int BIT_ENABLE_ADMIT = 0;
  /** Bit number of {@link #ENABLE_SERVE}. */
  public static final int BIT_ENABLE_SERVE = 1;

  /** The CS admits new Data. */
  public static final long ENABLE_ADMIT = 1;
  /** The CS satisfies Interests with cached Data. */
  public static final long ENABLE_SERVE = 2;
}
