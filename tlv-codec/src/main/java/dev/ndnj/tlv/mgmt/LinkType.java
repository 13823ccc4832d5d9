package dev.ndnj.tlv.mgmt;

/** Link type of a face (ndn-cxx {@code LinkType}); 0..255 on the wire, unknown values kept. */
public final class LinkType {
  private LinkType() {}

  /** One peer (TCP, unicast UDP, Unix socket, WebSocket). */
  public static final int POINT_TO_POINT = 0;
  /** Many peers that all hear each other (multicast UDP, Ethernet multicast). */
  public static final int MULTI_ACCESS = 1;
  /** Many peers that may not all hear each other (wireless ad hoc). */
  public static final int AD_HOC = 2;
  /** Largest value ndn-cxx accepts. */
  public static final int MAX = 0xff;

  /** ndn-cxx's name ({@code point-to-point}, {@code multi-access}, {@code adhoc}) or the number. */
  public static String toString(int linkType) {
    switch (linkType) {
      case POINT_TO_POINT: return "point-to-point";
      case MULTI_ACCESS: return "multi-access";
      case AD_HOC: return "adhoc";
      default: return Integer.toString(linkType);
    }
  }
}
