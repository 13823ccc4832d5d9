package dev.ndnj.faces.websocket;

import io.netty.util.NetUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which browser pages may open a WebSocket to the server: the Origin check of the opening handshake, against
 * cross-site WebSocket hijacking (a page from anywhere reaching the forwarder through the user's browser, which on
 * the same host would get a local face). Allowed: no Origin header (not a browser), the Origin's host equal to the
 * Host header's (the page came from this server), {@code localhost}, {@code 127.0.0.1} and {@code [::1]} pages, and
 * the configured entries ({@code scheme://host:port} exactly, {@code null}, or {@code *}). Immutable; any thread.
 */
final class OriginPolicy {
  private final boolean any;
  private final Set<String> exact;

  /** A policy allowing, besides the defaults, {@code entries} (each already {@link #normalizeEntry normalized}). */
  OriginPolicy(List<String> entries) {
    this.any = entries.contains("*");
    this.exact = new HashSet<>(entries);
  }

  /**
   * An allow-list entry in the form compared with Origins: {@code *}, {@code null}, or
   * {@code scheme://host:port} in lower case with the scheme's default port made explicit.
   *
   * @throws IllegalArgumentException if {@code entry} is none of these
   */
  static String normalizeEntry(String entry) {
    if (entry == null) {
      throw new IllegalArgumentException("allowed origin is null");
    }
    String e = entry.trim();
    if (e.equals("*") || e.equals("null")) {
      return e;
    }
    String n = normalizeOrigin(e);
    if (n == null) {
      throw new IllegalArgumentException("allowed origin must be scheme://host[:port], null or *: '" + entry + "'");
    }
    return n;
  }

  /**
   * Whether a handshake with these headers may proceed.
   *
   * @param origin the Origin header, or null when absent
   * @param host the Host header, or null when absent
   */
  boolean allows(String origin, String host) {
    if (origin == null || any) {
      return true;
    }
    String o = origin.trim();
    if (o.equals("null")) {
      return exact.contains("null");
    }
    String normalized = normalizeOrigin(o);
    if (normalized == null) {
      return false; // not an origin: nothing to compare
    }
    String originHost = hostOfOrigin(normalized);
    if (isLoopbackName(originHost)) {
      return true;
    }
    if (host != null && originHost.equals(hostOfHostHeader(host))) {
      return true;
    }
    return exact.contains(normalized);
  }

  /** {@code scheme://host:port} in lower case with an explicit port, or null if {@code o} is not an origin. */
  static String normalizeOrigin(String o) {
    URI u;
    try {
      u = new URI(o);
    } catch (URISyntaxException ex) {
      return null;
    }
    String scheme = u.getScheme();
    String host = u.getHost();
    String path = u.getRawPath();
    if (scheme == null || host == null || u.getRawUserInfo() != null || u.getRawQuery() != null
        || u.getRawFragment() != null || path != null && !path.isEmpty() && !path.equals("/")) {
      return null;
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    int port = u.getPort();
    if (port < 0) {
      port = defaultPort(scheme);
    }
    return scheme + "://" + canonicalHost(host) + (port < 0 ? "" : ":" + port);
  }

  private static int defaultPort(String scheme) {
    switch (scheme) {
      case "http": case "ws":
        return 80;
      case "https": case "wss":
        return 443;
      default:
        return -1;
    }
  }

  /** The host of a normalized origin (IPv6 in brackets). */
  private static String hostOfOrigin(String normalized) {
    String rest = normalized.substring(normalized.indexOf("://") + 3);
    if (rest.startsWith("[")) {
      return rest.substring(0, rest.indexOf(']') + 1);
    }
    int colon = rest.lastIndexOf(':');
    return colon < 0 ? rest : rest.substring(0, colon);
  }

  /** The host of a Host header ({@code name}, {@code name:port}, {@code [v6]:port}), canonical. */
  static String hostOfHostHeader(String host) {
    String h = host.trim();
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      return close < 0 ? "" : canonicalHost(h.substring(0, close + 1));
    }
    int colon = h.indexOf(':');
    return canonicalHost(colon < 0 ? h : h.substring(0, colon));
  }

  /** Lower case; an IPv6 literal (in brackets) in its compressed form, so that two spellings compare equal. */
  private static String canonicalHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      byte[] a = NetUtil.createByteArrayFromIpAddressString(h.substring(1, h.length() - 1));
      if (a != null && a.length == 16) {
        try {
          return "[" + NetUtil.toAddressString(java.net.InetAddress.getByAddress(a)) + "]";
        } catch (java.net.UnknownHostException e) {
          throw new AssertionError(e); // 16 octets are always an address
        }
      }
    }
    return h;
  }

  private static boolean isLoopbackName(String host) {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }
}
