package dev.ndnj.faces.net;

import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Face URIs as NFD prints and parses them: {@code tcp4://127.0.0.1:6363}, {@code tcp6://[::1]:6363} (IPv6 in the
 * compressed form of RFC 5952, with a {@code %zone} when scoped), {@code udp4://…}, {@code udp6://…},
 * {@code unix:///run/ndnj.sock}, {@code fd://12}. IPv4-mapped IPv6 addresses (what a dual-stack socket reports for an
 * IPv4 peer) are printed as IPv4, as NFD does.
 */
public final class FaceUris {
  /** NDN's port for TCP and UDP, used when a URI names none. */
  public static final int DEFAULT_PORT = 6363;

  private FaceUris() {}

  /**
   * A parsed face URI. {@code scheme} is lower case ({@code tcp}, {@code tcp4}, {@code tcp6}, {@code udp},
   * {@code udp4}, {@code udp6} or {@code unix}); {@code host} and {@code port} are set for IP schemes (port
   * {@link #DEFAULT_PORT} when absent), {@code path} for {@code unix}.
   */
  public record Parsed(String scheme, String host, int port, String path) {
    /** {@code tcp} or {@code udp} for IP schemes, {@code unix} otherwise. */
    public String protocol() {
      return scheme.startsWith("tcp") ? "tcp" : scheme.startsWith("udp") ? "udp" : scheme;
    }

    /** 4, 6, or 0 when the scheme names no IP version ({@code tcp}, {@code udp}, {@code unix}). */
    public int ipVersion() {
      return scheme.endsWith("4") ? 4 : scheme.endsWith("6") ? 6 : 0;
    }

    /** Whether {@link #host} is an IP address literal (no name resolution needed). */
    public boolean hasAddressLiteral() {
      return host != null && NetUtil.createByteArrayFromIpAddressString(host) != null;
    }
  }

  /**
   * Parses a face URI of a scheme this module serves.
   *
   * @throws IllegalArgumentException if the URI is not one, with what is wrong
   */
  public static Parsed parse(String uri) {
    if (uri == null) {
      throw new IllegalArgumentException("face URI is null");
    }
    int sep = uri.indexOf("://");
    if (sep <= 0) {
      throw new IllegalArgumentException("face URI has no scheme: " + uri);
    }
    String scheme = uri.substring(0, sep).toLowerCase(Locale.ROOT);
    String rest = uri.substring(sep + 3);
    switch (scheme) {
      case "unix":
        if (!rest.startsWith("/") || rest.length() < 2) {
          throw new IllegalArgumentException("unix face URI needs an absolute path (unix:///path): " + uri);
        }
        return new Parsed(scheme, null, -1, rest);
      case "tcp": case "tcp4": case "tcp6": case "udp": case "udp4": case "udp6":
        break;
      default:
        throw new IllegalArgumentException("unsupported face URI scheme '" + scheme + "': " + uri);
    }
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      if (slash != rest.length() - 1) {
        throw new IllegalArgumentException("face URI has a path: " + uri);
      }
      rest = rest.substring(0, slash);
    }
    String host;
    String portText = null;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed '[' in face URI: " + uri);
      }
      host = rest.substring(1, close);
      String after = rest.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          throw new IllegalArgumentException("unexpected text after ']' in face URI: " + uri);
        }
        portText = after.substring(1);
      }
      if (!NetUtil.isValidIpV6Address(host)) {
        throw new IllegalArgumentException("not an IPv6 address in face URI: " + uri);
      }
    } else {
      int colon = rest.lastIndexOf(':');
      if (colon >= 0 && rest.indexOf(':') != colon) {
        throw new IllegalArgumentException("IPv6 addresses go in brackets in face URIs: " + uri);
      }
      host = colon >= 0 ? rest.substring(0, colon) : rest;
      portText = colon >= 0 ? rest.substring(colon + 1) : null;
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("face URI has no host: " + uri);
    }
    int port = DEFAULT_PORT;
    if (portText != null) {
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 0 || port > 0xffff) {
        throw new IllegalArgumentException("bad port '" + portText + "' in face URI: " + uri);
      }
    }
    Parsed p = new Parsed(scheme, host, port, null);
    if (p.hasAddressLiteral()) {
      boolean v6 = host.indexOf(':') >= 0;
      if (p.ipVersion() == 4 && v6 || p.ipVersion() == 6 && !v6) {
        throw new IllegalArgumentException("address does not match the scheme's IP version: " + uri);
      }
    }
    return p;
  }

  /**
   * Resolves the host of {@code p} to an address of the scheme's IP version (may block on name resolution when the
   * host is a name).
   *
   * @throws UnknownHostException if the name has no address of that version
   */
  public static InetSocketAddress resolve(Parsed p) throws UnknownHostException {
    if (p.host() == null) {
      throw new IllegalArgumentException(p.scheme() + " URIs have no host");
    }
    InetAddress chosen = null;
    for (InetAddress a : InetAddress.getAllByName(p.host())) {
      a = normalize(a);
      if (p.ipVersion() == 0 || (p.ipVersion() == 4) == (a instanceof Inet4Address)) {
        chosen = a;
        break;
      }
    }
    if (chosen == null) {
      throw new UnknownHostException("no IPv" + p.ipVersion() + " address for " + p.host());
    }
    return new InetSocketAddress(chosen, p.port());
  }

  /** {@code proto4://a.b.c.d:port} or {@code proto6://[v6]:port} for {@code proto} {@code tcp} or {@code udp}. */
  public static String ip(String proto, InetSocketAddress a) {
    InetAddress addr = normalize(a.getAddress());
    if (addr instanceof Inet4Address) {
      return proto + "4://" + addr.getHostAddress() + ":" + a.getPort();
    }
    return proto + "6://[" + ipv6Text((Inet6Address) addr) + "]:" + a.getPort();
  }

  /** {@code unix://} followed by the absolute path, e.g. {@code unix:///run/ndnj.sock}. */
  public static String unix(String absolutePath) {
    return "unix://" + absolutePath;
  }

  /** {@code fd://n}, how NFD names the remote end of an accepted Unix stream socket. */
  public static String fd(int fd) {
    return "fd://" + fd;
  }

  /** An IPv4-mapped IPv6 address as IPv4; any other address unchanged. */
  public static InetAddress normalize(InetAddress a) {
    if (a instanceof Inet6Address) {
      byte[] b = a.getAddress();
      boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
      for (int i = 0; i < 10 && mapped; i++) {
        mapped = b[i] == 0;
      }
      if (mapped) {
        try {
          return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
          throw new AssertionError(e); // four octets are always an address
        }
      }
    }
    return a;
  }

  /** {@code a} with an IPv4-mapped address made IPv4. */
  public static InetSocketAddress normalize(InetSocketAddress a) {
    InetAddress n = normalize(a.getAddress());
    return n == a.getAddress() ? a : new InetSocketAddress(n, a.getPort());
  }

  /** RFC 5952 text: lower-case hex, no leading zeros, the longest run (2 groups or more) of zeros as {@code ::}. */
  static String ipv6Text(Inet6Address a) {
    byte[] b = a.getAddress();
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    NetworkInterface nif = a.getScopedInterface();
    if (nif != null) {
      sb.append('%').append(nif.getName());
    } else if (a.getScopeId() != 0) {
      sb.append('%').append(a.getScopeId());
    }
    return sb.toString();
  }
}
