package dev.ndnj.tlv.mgmt;

/** Route flags (ndn-cxx {@code RouteFlags}): bits of the Flags field of a Route and of rib/register. */
public final class RouteFlags {
  private RouteFlags() {}

  /** No flag. */
  public static final long NONE = 0;
  /** Also forward Interests under longer prefixes that have no route of their own through this one. */
  public static final long CHILD_INHERIT = 1;
  /** Routes of shorter prefixes are not inherited below this prefix. */
  public static final long CAPTURE = 2;

  /** As ndn-cxx prints them: {@code none}, {@code child-inherit|capture}, unknown bits as {@code 0x..}. */
  public static String toString(long flags) {
    if (flags == NONE) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    long rest = flags;
    if ((rest & CHILD_INHERIT) != 0) {
      sb.append("child-inherit");
      rest &= ~CHILD_INHERIT;
    }
    if ((rest & CAPTURE) != 0) {
      sb.append(sb.length() > 0 ? "|" : "").append("capture");
      rest &= ~CAPTURE;
    }
    if (rest != 0) {
      sb.append(sb.length() > 0 ? "|" : "").append(Children.hex(rest));
    }
    return sb.toString();
  }
}
