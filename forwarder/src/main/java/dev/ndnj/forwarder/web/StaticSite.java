package dev.ndnj.forwarder.web;

import dev.ndnj.faces.websocket.HttpRequestHandler;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Serves static files from the class path (the demo site, {@value #DEFAULT_ROOT} in the forwarder's jar) as the
 * {@link HttpRequestHandler} of the WebSocket channels, so the page and its WebSocket share one port.
 *
 * <p>GET and HEAD only (others: 405); {@code /} and any path ending in {@code /} mean {@code index.html} there; only
 * files whose extension has a content type below are served (html, js, mjs, css, svg, png, json, wasm, ico, txt,
 * map), so directories and other class-path files are never exposed; a path with a {@code ..} or {@code .}
 * segment, a hidden segment, a backslash or a NUL (before or after percent-decoding) is 404; a malformed escape is
 * 400. Every file goes out with {@code Cache-Control: no-cache} and a strong ETag ({@code If-None-Match} gives 304).
 *
 * <p>Files are read from the class path on each request (they are small and the jar is already open); runs on the
 * connection's event loop. Stateless apart from its constructor arguments; thread-safe.
 */
public final class StaticSite implements HttpRequestHandler {
  /** Where the demo module puts its pages in the jar. */
  public static final String DEFAULT_ROOT = "dev/ndnj/demo/site/";

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("json", "application/json"),
      Map.entry("map", "application/json"),
      Map.entry("wasm", "application/wasm"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("txt", "text/plain; charset=utf-8"));

  private final ClassLoader loader;
  private final String root;

  /**
   * A site of the class-path resources under {@code root} (a resource path ending in {@code /}, without a leading
   * one), found with {@code loader}.
   */
  public StaticSite(ClassLoader loader, String root) {
    if (loader == null || root == null || !root.endsWith("/") || root.startsWith("/")) {
      throw new IllegalArgumentException("a class loader and a root like a/b/ are required, got " + root);
    }
    this.loader = loader;
    this.root = root;
  }

  /** The demo site ({@link #DEFAULT_ROOT}) from this class's loader. */
  public static StaticSite demo() {
    return new StaticSite(StaticSite.class.getClassLoader(), DEFAULT_ROOT);
  }

  /** Whether the site has an {@code index.html} (false when the demo's files are not on the class path). */
  public boolean hasIndex() {
    return loader.getResource(root + "index.html") != null;
  }

  /** The content type served for a file name by its extension, or null if such files are not served. */
  public static String contentType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    int slash = fileName.lastIndexOf('/');
    if (dot < 0 || dot < slash) {
      return null;
    }
    return TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * The site-relative file a request target names ({@code index.html}, {@code ndnj/worker.js}), after dropping the
   * query and fragment, percent-decoding, and adding {@code index.html} to a path ending in {@code /}; null when the
   * path is not one this site serves (traversal, hidden or empty segments, backslash, NUL).
   *
   * @throws IllegalArgumentException on a malformed percent escape
   */
  public static String resolve(String requestTarget) {
    String target = requestTarget;
    int scheme = target.indexOf("://");
    if (scheme > 0 && scheme < target.indexOf('/')) { // absolute-form: http://host:port/path
      int slash = target.indexOf('/', scheme + 3);
      target = slash < 0 ? "/" : target.substring(slash);
    }
    int hash = target.indexOf('#');
    if (hash >= 0) {
      target = target.substring(0, hash);
    }
    String path = new QueryStringDecoder(target, StandardCharsets.UTF_8).path();
    if (!path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
      return null;
    }
    if (path.endsWith("/")) {
      path = path + "index.html";
    }
    String rel = path.substring(1);
    for (String segment : rel.split("/", -1)) {
      if (segment.isEmpty() || segment.startsWith(".")) { // also ".", ".." and ".hidden"
        return null;
      }
    }
    return rel;
  }

  @Override
  public void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    HttpMethod method = request.method();
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      FullHttpResponse r = response(HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8",
          utf8("method not allowed\n"), false);
      r.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
      send(ctx, request, r);
      return;
    }
    String file;
    try {
      file = resolve(request.uri());
    } catch (IllegalArgumentException e) {
      send(ctx, request, response(HttpResponseStatus.BAD_REQUEST, "text/plain; charset=utf-8",
          utf8("bad request\n"), HttpMethod.HEAD.equals(method)));
      return;
    }
    String type = file == null ? null : contentType(file);
    byte[] body = type == null ? null : read(root + file);
    if (body == null) {
      send(ctx, request, response(HttpResponseStatus.NOT_FOUND, "text/plain; charset=utf-8", utf8("not found\n"),
          HttpMethod.HEAD.equals(method)));
      return;
    }
    String etag = etag(body);
    String ifNoneMatch = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
    FullHttpResponse r;
    if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
      r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED, Unpooled.EMPTY_BUFFER);
    } else {
      r = response(HttpResponseStatus.OK, type, body, HttpMethod.HEAD.equals(method));
    }
    r.headers().set(HttpHeaderNames.ETAG, etag);
    r.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
    r.headers().set("X-Content-Type-Options", "nosniff");
    send(ctx, request, r);
  }

  /** The resource's octets, or null when there is no such regular file. */
  private byte[] read(String resource) {
    URL url = loader.getResource(resource);
    if (url == null) {
      return null;
    }
    try {
      if ("file".equals(url.getProtocol()) && !Files.isRegularFile(Path.of(url.toURI()))) {
        return null;
      }
      try (InputStream in = url.openStream()) {
        return in.readAllBytes();
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String etag(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    return "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(body.length) + "\"";
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String t : ifNoneMatch.split(",")) {
      String tag = t.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A response whose Content-Length is {@code body}'s length and whose body is empty for HEAD. */
  private static FullHttpResponse response(HttpResponseStatus status, String type, byte[] body, boolean head) {
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        head || body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
    r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return r;
  }

  /** Writes {@code r}, keeping the connection open when the request asks for keep-alive, else closing it. */
  private static void send(ChannelHandlerContext ctx, HttpRequest request, FullHttpResponse r) {
    if (!r.status().equals(HttpResponseStatus.NOT_MODIFIED) && !r.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
      r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (!keepAlive) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    ctx.writeAndFlush(r, ctx.voidPromise());
  }
}
