package dev.ndnj.tlv.mgmt;

/**
 * Route origins (ndn-cxx {@code RouteOrigin}, NFD RibMgmt): who registered a route. The wire value is a
 * NonNegativeInteger that ndn-cxx reads as a 16-bit number, so 0..65535 is valid and other numbers are kept as
 * they are.
 */
public final class RouteOrigin {
  private RouteOrigin() {}

  /** Registered by a local application (the default of rib/register). */
  public static final int APP = 0;
  /** Registered by nfd-autoreg, which registers configured prefixes on newly created faces. */
  public static final int AUTOREG = 64;
  /** Registered by a remote client through /localhop/nfd (prefix propagation from an end host). */
  public static final int CLIENT = 65;
  /** Registered by the autoconfiguration daemon (ndn-autoconfig). */
  public static final int AUTOCONF = 66;
  /** Installed by the NLSR routing daemon. */
  public static final int NLSR = 128;
  /** Installed from a prefix announcement (rib/announce). */
  public static final int PREFIXANN = 129;
  /** A static route (configuration, nfdc route add). */
  public static final int STATIC = 255;
  /** Largest value ndn-cxx accepts. */
  public static final int MAX = 0xffff;

  /** ndn-cxx's name for an origin ({@code app}, {@code nlsr}, ...) or the number. */
  public static String toString(int origin) {
    switch (origin) {
      case APP: return "app";
      case AUTOREG: return "autoreg";
      case CLIENT: return "client";
      case AUTOCONF: return "autoconf";
      case NLSR: return "nlsr";
      case PREFIXANN: return "prefixann";
      case STATIC: return "static";
      default: return Integer.toString(origin);
    }
  }

  private static String asciiLower(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      if (c[i] >= 'A' && c[i] <= 'Z') {
        c[i] = (char) (c[i] + ('a' - 'A'));
      }
    }
    return new String(c);
  }

  /**
   * Parses a name ({@code app}, {@code static}, ..., any case) or a number in 0..65535, as ndn-cxx's
   * {@code operator>>} does.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static int parse(String s) {
    String t = asciiLower(s.trim());
    switch (t) {
      case "app": return APP;
      case "autoreg": return AUTOREG;
      case "client": return CLIENT;
      case "autoconf": return AUTOCONF;
      case "nlsr": return NLSR;
      case "prefixann": return PREFIXANN;
      case "static": return STATIC;
      default:
        break;
    }
    int v = -1;
    if (!t.isEmpty() && t.length() <= 5) {
      v = 0;
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (c < '0' || c > '9') {
          v = -1;
          break;
        }
        v = v * 10 + (c - '0');
      }
    }
    if (v < 0 || v > MAX) {
      throw new IllegalArgumentException("not a route origin: " + s);
    }
    return v;
  }
}
