package dev.ndnj.faces.websocket;

import dev.ndnj.faces.net.FaceUris;
import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * WebSocket face URIs as NFD prints them (ndn-cxx's {@code FaceUri(tcp::endpoint, scheme)}): the scheme has no IP
 * version digit, an IPv6 address goes in brackets. A server face's local URI is {@code ws://127.0.0.1:9696}
 * ({@code wss://} with TLS, not in NFD), its remote URI {@code wsclient://127.0.0.1:50312}; a client face mirrors
 * that (local {@code wsclient://…}, remote {@code ws://…} or {@code wss://…}, plus the request path when it is
 * not {@code /}). IPv4-mapped IPv6 addresses print as IPv4, IPv6 in RFC 5952 form with a {@code %zone} when scoped.
 */
public final class WsUris {
  /** The scheme of the remote end of a server face, as NFD's {@code WebSocketTransport}. */
  public static final String CLIENT_SCHEME = "wsclient";

  private WsUris() {}

  /** {@code scheme://a.b.c.d:port} or {@code scheme://[v6]:port}. */
  public static String uri(String scheme, InetSocketAddress endpoint) {
    InetAddress a = FaceUris.normalize(endpoint.getAddress());
    String host;
    if (a instanceof Inet6Address) {
      Inet6Address v6 = (Inet6Address) a;
      StringBuilder sb = new StringBuilder("[").append(NetUtil.toAddressString(v6));
      NetworkInterface nif = v6.getScopedInterface();
      if (nif != null) {
        sb.append('%').append(nif.getName());
      } else if (v6.getScopeId() != 0) {
        sb.append('%').append(v6.getScopeId());
      }
      host = sb.append(']').toString();
    } else {
      host = a.getHostAddress();
    }
    return scheme + "://" + host + ":" + endpoint.getPort();
  }

  /**
   * A parsed {@code ws://} or {@code wss://} URI to connect to.
   *
   * @param secure whether the scheme is {@code wss}
   * @param host a name or an address literal (IPv6 without brackets)
   * @param port the port; 80 for {@code ws} and 443 for {@code wss} when the URI names none (RFC 6455)
   * @param uri the URI the handshake requests (path {@code /} when it had none)
   */
  public record Target(boolean secure, String host, int port, URI uri) {
    /** Whether {@link #host} is an IP address literal. */
    public boolean hasAddressLiteral() {
      return NetUtil.createByteArrayFromIpAddressString(host) != null;
    }

    /** The request path and query ({@code /} at least). */
    public String pathAndQuery() {
      String p = uri.getRawPath();
      String q = uri.getRawQuery();
      return (p == null || p.isEmpty() ? "/" : p) + (q == null ? "" : "?" + q);
    }
  }

  /**
   * Parses a WebSocket URI a client face connects to: {@code ws://host[:port][/path]},
   * {@code wss://host[:port][/path]}, IPv6 literals in brackets.
   *
   * @throws IllegalArgumentException if it is not one, with what is wrong
   */
  public static Target parse(String uri) {
    if (uri == null) {
      throw new IllegalArgumentException("WebSocket URI is null");
    }
    URI u;
    try {
      u = new URI(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URI: " + uri + " (" + e.getMessage() + ")", e);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      throw new IllegalArgumentException("WebSocket face URIs are ws:// or wss://, got: " + uri);
    }
    String host = u.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("WebSocket URI has no host: " + uri);
    }
    if (u.getRawUserInfo() != null || u.getRawFragment() != null) {
      throw new IllegalArgumentException("WebSocket URI may not have user info or a fragment: " + uri);
    }
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean secure = scheme.equals("wss");
    int port = u.getPort() >= 0 ? u.getPort() : secure ? 443 : 80;
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    URI request;
    try {
      request = new URI(scheme + "://" + u.getRawAuthority() + path + (u.getRawQuery() == null ? ""
          : "?" + u.getRawQuery()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("bad WebSocket URI: " + uri, e);
    }
    return new Target(secure, host, port, request);
  }

  /** The remote URI of a client face to {@code target} at {@code remote}: scheme, address, path unless {@code /}. */
  static String clientFaceRemote(Target target, InetSocketAddress remote) {
    String path = target.pathAndQuery();
    return uri(target.secure() ? "wss" : "ws", remote) + (path.equals("/") ? "" : path);
  }
}
