package dev.ndnj.forwarder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.jvm.JvmEngines;
import dev.ndnj.faces.websocket.WebSocketFaces;
import dev.ndnj.faces.websocket.WebSocketFacesConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link StaticSite} behind a real WebSocket channel on loopback, with a small site in the test resources. */
class StaticSiteTest {
  private Engine engine;
  private WebSocketFaces ws;
  private int port;

  /** One HTTP response: status code, headers (lower-case names), body. */
  record Response(int status, Map<String, String> headers, String body) {}

  @BeforeEach
  void start() {
    engine = JvmEngines.start();
    StaticSite site = new StaticSite(StaticSiteTest.class.getClassLoader(), "dev/ndnj/forwarder/web/site/");
    ws = new WebSocketFaces(engine, new WebSocketFacesConfig()
        .listen(List.of(new InetSocketAddress("127.0.0.1", 0))).httpHandler(site));
    String uri = ws.start().get(0);
    port = Integer.parseInt(uri.substring(uri.lastIndexOf(':') + 1));
  }

  @AfterEach
  void stop() {
    ws.close();
    engine.close();
  }

  /** Sends {@code method target} exactly as given (no client-side normalisation) and reads the whole response. */
  static Response http(int port, String method, String target, String... extraHeaders) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      StringBuilder req = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nConnection: close\r\n");
      for (String h : extraHeaders) {
        req.append(h).append("\r\n");
      }
      req.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String[] head = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
      }
      String body = new String(text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, body);
    }
  }

  @Test
  void rootIsIndexHtmlWithTypeLengthAndNoCache() throws IOException {
    Response r = http(port, "GET", "/");
    assertEquals(200, r.status());
    assertEquals("text/html; charset=utf-8", r.headers().get("content-type"));
    assertEquals("no-cache", r.headers().get("cache-control"));
    assertTrue(r.body().contains("<title>test site</title>"), r.body());
    assertEquals(String.valueOf(r.body().getBytes(StandardCharsets.UTF_8).length), r.headers().get("content-length"));
    assertEquals(r.body(), http(port, "GET", "/index.html").body());
    assertTrue(http(port, "GET", "/sub/").body().contains("<title>sub</title>"));
    assertEquals(r.body(), http(port, "GET", "/?x=1#frag").body());
  }

  @Test
  void contentTypesByExtension() throws IOException {
    assertEquals("text/javascript; charset=utf-8", http(port, "GET", "/a.mjs").headers().get("content-type"));
    assertEquals("application/json", http(port, "GET", "/b.json").headers().get("content-type"));
    assertEquals("text/javascript; charset=utf-8", StaticSite.contentType("ndnj/worker.js"));
    assertEquals("application/wasm", StaticSite.contentType("x.wasm"));
    assertEquals("image/png", StaticSite.contentType("docs/a.PNG"));
    assertEquals("image/svg+xml", StaticSite.contentType("a.svg"));
    assertEquals("text/css; charset=utf-8", StaticSite.contentType("a.css"));
    assertEquals("image/x-icon", StaticSite.contentType("favicon.ico"));
    assertNull(StaticSite.contentType("a.properties"));
    assertNull(StaticSite.contentType("dir.d/file"));
  }

  @Test
  void headHasLengthButNoBody() throws IOException {
    Response get = http(port, "GET", "/a.mjs");
    Response head = http(port, "HEAD", "/a.mjs");
    assertEquals(200, head.status());
    assertEquals(get.headers().get("content-length"), head.headers().get("content-length"));
    assertEquals("", head.body());
  }

  @Test
  void otherMethodsAre405() throws IOException {
    Response r = http(port, "POST", "/", "Content-Length: 0");
    assertEquals(405, r.status());
    assertEquals("GET, HEAD", r.headers().get("allow"));
    assertEquals(405, http(port, "DELETE", "/index.html").status());
  }

  @Test
  void missingDirectoriesUnservedTypesAndHiddenFilesAre404() throws IOException {
    assertEquals(404, http(port, "GET", "/nope.html").status());
    assertEquals(404, http(port, "GET", "/sub").status()); // a directory
    assertEquals(404, http(port, "GET", "/data.properties").status()); // exists, type not served
    assertEquals(404, http(port, "GET", "/.hidden.txt").status());
    assertEquals(404, http(port, "GET", "//index.html").status());
  }

  @Test
  void traversalIsRefusedPlainOrEncoded() throws IOException {
    // dev/ndnj/forwarder/web/secret.txt exists on the class path, one level above the site's root
    for (String t : List.of("/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
        "/sub/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "/./index.html", "/index.html%00.txt",
        "http://127.0.0.1/../secret.txt")) {
      Response r = http(port, "GET", t);
      assertEquals(404, r.status(), t);
      assertTrue(!r.body().contains("not part of the site"), t);
    }
    assertEquals(400, http(port, "GET", "/%zz").status());
  }

  @Test
  void etagRevalidationGives304() throws IOException {
    Response r = http(port, "GET", "/index.html");
    String etag = r.headers().get("etag");
    assertTrue(etag != null && etag.startsWith("\""), String.valueOf(etag));
    Response again = http(port, "GET", "/index.html", "If-None-Match: " + etag);
    assertEquals(304, again.status());
    assertEquals("", again.body());
    assertEquals(200, http(port, "GET", "/index.html", "If-None-Match: \"other\"").status());
  }

  @Test
  void resolveMapsTargetsToFiles() {
    assertEquals("index.html", StaticSite.resolve("/"));
    assertEquals("ndnj/worker.js", StaticSite.resolve("/ndnj/worker.js?v=3"));
    assertEquals("a b.js", StaticSite.resolve("/a%20b.js"));
    assertEquals("a+b.js", StaticSite.resolve("/a+b.js"));
    assertNull(StaticSite.resolve("/a/../b.js"));
    assertNull(StaticSite.resolve("/a/%2e%2e/b.js"));
    assertThrows(IllegalArgumentException.class, () -> StaticSite.resolve("/%g0"));
    assertThrows(IllegalArgumentException.class, () -> new StaticSite(getClass().getClassLoader(), "/abs/"));
  }
}
