package dev.ndnj.tlv;

/** NDNLPv2 Nack reason codes. Unknown codes on the wire are kept as their number by {@link LpPacket}. */
public final class NackReason {
  private NackReason() {}

  /** No reason given (also what a Nack header without NackReason means). */
  public static final int NONE = 0;
  /** The upstream link or node is congested. */
  public static final int CONGESTION = 50;
  /** The Interest was a duplicate (loop detected). */
  public static final int DUPLICATE = 100;
  /** No route to the name. */
  public static final int NO_ROUTE = 150;

  /** The name of a reason code, e.g. {@code "NoRoute"}; unknown codes print as their number. */
  public static String name(int code) {
    switch (code) {
      case NONE: return "None";
      case CONGESTION: return "Congestion";
      case DUPLICATE: return "Duplicate";
      case NO_ROUTE: return "NoRoute";
      default: return Integer.toString(code);
    }
  }
}
