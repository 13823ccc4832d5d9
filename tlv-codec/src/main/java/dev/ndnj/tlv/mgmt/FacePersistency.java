package dev.ndnj.tlv.mgmt;

/**
 * Face persistency (ndn-cxx {@code FacePersistency}). The wire value is a NonNegativeInteger that ndn-cxx reads as
 * an 8-bit number: 0..255 is valid, unknown values are kept.
 */
public final class FacePersistency {
  private FacePersistency() {}

  /** Created by a command; closed when the underlying connection fails. The default of faces/create. */
  public static final int PERSISTENT = 0;
  /** Created when a remote peer connected; closed after being idle or on failure. */
  public static final int ON_DEMAND = 1;
  /** Created by a command; kept and retried across failures. */
  public static final int PERMANENT = 2;
  /** Largest value ndn-cxx accepts. */
  public static final int MAX = 0xff;

  /** ndn-cxx's name ({@code persistent}, {@code on-demand}, {@code permanent}) or the number. */
  public static String toString(int persistency) {
    switch (persistency) {
      case PERSISTENT: return "persistent";
      case ON_DEMAND: return "on-demand";
      case PERMANENT: return "permanent";
      default: return Integer.toString(persistency);
    }
  }
}
