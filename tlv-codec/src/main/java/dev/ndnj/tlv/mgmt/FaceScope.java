package dev.ndnj.tlv.mgmt;

/** Face scope (ndn-cxx {@code FaceScope}); 0..255 on the wire, unknown values kept. */
public final class FaceScope {
  private FaceScope() {}

  /** The peer is on another host. */
  public static final int NON_LOCAL = 0;
  /** The peer is on this host (Unix socket, loopback): may use /localhost and local fields. */
  public static final int LOCAL = 1;
  /** Largest value ndn-cxx accepts. */
  public static final int MAX = 0xff;

  /** ndn-cxx's name ({@code non-local}, {@code local}) or the number. */
  public static String toString(int scope) {
    switch (scope) {
      case NON_LOCAL: return "non-local";
      case LOCAL: return "local";
      default: return Integer.toString(scope);
    }
  }
}
