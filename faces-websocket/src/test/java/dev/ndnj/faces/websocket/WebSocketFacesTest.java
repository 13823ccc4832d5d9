package dev.ndnj.faces.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.tlv.Data;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebSocket faces over loopback: two engines (a client face on one, the server channel on the other), ws and wss,
 * what a misbehaving peer gets (oversized, text and malformed messages, a disallowed Origin, no pongs), and the HTTP
 * handler. Foreign peers are the JDK's WebSocket and HTTP clients.
 */
class WebSocketFacesTest {
  private WsRig a; // the server
  private WsRig b; // the client

  @TempDir
  Path tmp;

  private void start(WebSocketFacesConfig server, WebSocketFacesConfig client) {
    a = new WsRig(server);
    b = new WsRig(client);
  }

  @AfterEach
  void close() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  @Test
  void consumerOnOneEngineGetsDataFromProducerOnTheOtherOverWs() {
    start(WsRig.quiet(), WsRig.quiet().preferNative(false)); // the client on NIO, the server native where it loads
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    int port = WsRig.port(listener);
    assertEquals("ws://127.0.0.1:" + port, listener.localUri());
    a.produce("/p", 100);

    Face toA = WsRig.get(b.ws.createFace("ws://127.0.0.1:" + port + "/"));
    b.route("/p", toA);
    Data d = b.fetch("/p/hello");
    assertEquals("/p/hello", d.name().toString());
    assertArrayEquals(WsRig.content(100), bytes(d));

    // the client face: persistent, local (both ends loopback), URIs mirroring the server face's
    assertEquals("ws://127.0.0.1:" + port, toA.remoteUri());
    assertTrue(toA.localUri().matches("wsclient://127\\.0\\.0\\.1:\\d+"), toA.localUri());
    assertEquals(FacePersistency.PERSISTENT, toA.persistency());
    assertEquals(FaceScope.LOCAL, toA.scope());
    assertEquals(LinkType.POINT_TO_POINT, toA.linkType());
    assertEquals(8800, toA.transport().mtu());
    // the server face, as NFD's: ws://local, wsclient://remote, on-demand, local on loopback
    Face accepted = a.nextAdded();
    assertEquals("ws://127.0.0.1:" + port, accepted.localUri());
    assertEquals(toA.localUri(), accepted.remoteUri());
    assertEquals(FacePersistency.ON_DEMAND, accepted.persistency());
    assertEquals(FaceScope.LOCAL, accepted.scope());
    assertEquals(LinkType.POINT_TO_POINT, accepted.linkType());
    assertEquals(1, listener.faceCount());

    // and the other way: the server's engine consumes from the client's producer over the accepted face
    b.produce("/q", 20);
    a.route("/q", accepted);
    assertArrayEquals(WsRig.content(20), bytes(a.fetch("/q/back")));
  }

  @Test
  void wssRoundTripWithACertificateAndKeyFromPemFiles() throws Exception {
    TestCerts certs = TestCerts.selfSigned(tmp);
    start(WsRig.quiet().tls(certs.certificate, certs.privateKey),
        WsRig.quiet().clientTrustedCertificates(certs.certificate));
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    int port = WsRig.port(listener);
    assertTrue(listener.isSecure());
    assertEquals("wss://127.0.0.1:" + port, listener.localUri());
    a.produce("/p", 3000);

    Face toA = WsRig.get(b.ws.createFace("wss://127.0.0.1:" + port + "/"));
    b.route("/p", toA);
    assertArrayEquals(WsRig.content(3000), bytes(b.fetch("/p/secure")));
    assertEquals("wss://127.0.0.1:" + port, toA.remoteUri());
    assertEquals("wss://127.0.0.1:" + port, a.nextAdded().localUri());

    // a foreign client (the JDK's) over wss too
    HttpClient http = HttpClient.newBuilder().sslContext(certs.trustingContext()).build();
    try (JdkWsClient jdk = WsRig.get(JdkWsClient.connect(http, "wss://127.0.0.1:" + port + "/any/path", null,
        true))) {
      jdk.sendBinary(WsRig.interestWire("/p/jdk"));
      assertEquals(0x06, jdk.next()[0], "a Data comes back");
    }
    // and HTTPS on the same port goes to the HTTP handler (404 by default)
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(404, r.statusCode());
  }

  @Test
  void aClientFaceRefusesAServerItDoesNotTrust() throws Exception {
    TestCerts certs = TestCerts.selfSigned(tmp);
    start(WsRig.quiet().tls(certs.certificate, certs.privateKey), WsRig.quiet());
    int port = WsRig.port(a.ws.listen(WsRig.loopback4()));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> b.ws.createFace("wss://127.0.0.1:" + port).get(WsRig.TIMEOUT_SECONDS, TimeUnit.SECONDS));
    assertInstanceOf(SSLHandshakeException.class, e.getCause(), e.toString());
  }

  @Test
  void anOversizedMessageIsDroppedAndCountedAndTheConnectionSurvives() {
    start(WsRig.quiet(), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    a.produce("/p", 10);
    try (JdkWsClient jdk = JdkWsClient.open("ws://127.0.0.1:" + WsRig.port(listener) + "/")) {
      Face face = a.nextAdded();
      jdk.sendBinary(element(0x06, 9000 - 4)); // a 9000-octet element in one frame
      jdk.sendFragmented(element(0x06, 20_000 - 4), 5000, 10_000, 15_000); // 20 kB in four frames, never buffered
      jdk.sendBinary(WsRig.interestWire("/p/after"));
      assertEquals(0x06, jdk.next()[0], "the connection still works");
      assertEquals(2, a.onLoop(() -> face.counters().drops(FaceDrop.OVERSIZED)));
      assertEquals(1, a.onLoop(() -> face.counters().inInterests()));
      assertEquals(0, listener.framingErrors());
    }
  }

  @Test
  void aFrameAboveTheHardLimitClosesTheConnectionWith1009() {
    start(WsRig.quiet(), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    try (JdkWsClient jdk = JdkWsClient.open("ws://127.0.0.1:" + WsRig.port(listener) + "/")) {
      Face face = a.nextAdded();
      jdk.socket.sendBinary(java.nio.ByteBuffer.wrap(new byte[100_000]), true); // one frame, over 64 KiB
      // the client sees Close 1009, or a reset when the server's close races the rest of its 100 KB frame (TCP RST);
      // either way the server must have refused the frame, counted it and removed the face
      try {
        assertEquals(1009, jdk.closed.get(10, java.util.concurrent.TimeUnit.SECONDS), "Close: message too big");
      } catch (java.util.concurrent.ExecutionException e) {
        assertTrue(e.getCause() instanceof java.io.IOException, () -> "unexpected failure: " + e.getCause());
      } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
        throw new AssertionError("the connection was neither closed nor reset", e);
      }
      assertSame(face, a.nextRemoved());
      assertEquals(1, a.onLoop(() -> face.counters().drops(FaceDrop.OVERSIZED)));
      assertEquals(1, listener.framingErrors());
    }
  }

  @Test
  void aMessageOfExactlyTheLimitIsAccepted() {
    start(WsRig.quiet(), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    try (JdkWsClient jdk = JdkWsClient.open("ws://127.0.0.1:" + WsRig.port(listener) + "/")) {
      Face face = a.nextAdded();
      jdk.sendBinary(element(0x64, 8800 - 4)); // an 8800-octet LpPacket: accepted by the transport
      a.await("the frame to be counted", () -> face.counters().inFrames() == 1);
      assertEquals(0, a.onLoop(() -> face.counters().drops(FaceDrop.OVERSIZED)));
    }
  }

  @Test
  void aFragmentedMessageIsReassembled() {
    start(WsRig.quiet(), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    a.produce("/p", 10);
    try (JdkWsClient jdk = JdkWsClient.open("ws://127.0.0.1:" + WsRig.port(listener) + "/")) {
      byte[] interest = WsRig.interestWire("/p/in/three/frames");
      jdk.sendFragmented(interest, 3, 10);
      assertEquals(0x06, jdk.next()[0]);
    }
  }

  @Test
  void aTextMessageIsDroppedAndCounted() {
    start(WsRig.quiet(), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    a.produce("/p", 10);
    try (JdkWsClient jdk = JdkWsClient.open("ws://127.0.0.1:" + WsRig.port(listener) + "/")) {
      Face face = a.nextAdded();
      jdk.sendText("hello");
      jdk.sendBinary(WsRig.interestWire("/p/after-text"));
      assertEquals(0x06, jdk.next()[0], "the connection still works");
      assertEquals(1, a.onLoop(() -> face.counters().drops(FaceDrop.MALFORMED)));
    }
  }

  @Test
  void malformedBinaryMessagesAreCountedDropsAndTheFaceKeepsWorking() {
    start(WsRig.quiet(), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    a.produce("/p", 10);
    try (JdkWsClient jdk = JdkWsClient.open("ws://127.0.0.1:" + WsRig.port(listener) + "/")) {
      Face face = a.nextAdded();
      byte[] good = WsRig.interestWire("/p/x");
      jdk.sendBinary(new byte[] {0x00, 0x03, 1, 2, 3}); // TLV-TYPE 0 is invalid
      jdk.sendBinary(java.util.Arrays.copyOf(good, good.length - 1)); // truncated
      jdk.sendBinary(java.util.Arrays.copyOf(good, good.length + 1)); // an element and one octet more
      jdk.sendBinary(new byte[0]); // empty
      jdk.sendBinary(new byte[] {0x05, 0x02, 0x07, 0x00}); // one element, but not a valid Interest
      jdk.sendBinary(WsRig.interestWire("/p/after-garbage"));
      assertEquals(0x06, jdk.next()[0], "the face still works");
      assertEquals(5, a.onLoop(() -> face.counters().drops(FaceDrop.MALFORMED)));
      assertTrue(a.onLoop(face::isUp));
    }
  }

  @Test
  void aDisallowedOriginGets403AndNoFace() throws Exception {
    start(WsRig.quiet().allowedOrigins(List.of("https://app.example")), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    String uri = "ws://127.0.0.1:" + WsRig.port(listener) + "/";
    HttpClient http = HttpClient.newHttpClient();

    CompletableFuture<JdkWsClient> refused = JdkWsClient.connect(http, uri, "https://evil.example", true);
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> refused.get(WsRig.TIMEOUT_SECONDS, TimeUnit.SECONDS));
    WebSocketHandshakeException h = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
    assertEquals(403, h.getResponse().statusCode());
    assertEquals(1, listener.rejectedOrigins());

    // allowed: the configured origin, a localhost page, and a client with no Origin; each gets a face, in order
    for (String origin : new String[] {"https://app.example", "http://localhost:8080", null}) {
      try (JdkWsClient ok = WsRig.get(JdkWsClient.connect(http, uri, origin, true))) {
        Face f = a.nextAdded(); // the first face added is this one: the refused handshake made none
        ok.close();
        assertSame(f, a.nextRemoved());
      }
    }
    assertEquals(1, listener.rejectedOrigins());
  }

  @Test
  void aPeerThatStopsAnsweringPingsIsClosed() {
    start(WsRig.quiet().pingIntervalMillis(100).pongTimeoutMillis(200), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    try (JdkWsClient silent = WsRig.get(JdkWsClient.connect(HttpClient.newHttpClient(),
        "ws://127.0.0.1:" + WsRig.port(listener) + "/", null, false))) {
      Face face = a.nextAdded();
      assertSame(face, a.nextRemoved(), "the face goes with the dead peer");
      WebSocketTransport t = (WebSocketTransport) face.transport();
      assertTrue(t.outPings() >= 1, "pinged " + t.outPings());
      assertEquals(0, t.inPongs());
      assertEquals(1, listener.deadPeers());
      assertEquals(0, listener.faceCount());
    }
  }

  @Test
  void aPeerThatAnswersPingsStaysUp() {
    // the client engine's keepalive is slower than the server's, so the server's pings are what keeps it alive
    start(WsRig.quiet().pingIntervalMillis(50).pongTimeoutMillis(2000), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    a.produce("/p", 10);
    Face toA = WsRig.get(b.ws.createFace("ws://127.0.0.1:" + WsRig.port(listener)));
    Face accepted = a.nextAdded();
    WebSocketTransport t = (WebSocketTransport) accepted.transport();
    a.await("three pongs", () -> t.inPongs() >= 3);
    assertTrue(a.onLoop(accepted::isUp));
    assertEquals(0, listener.deadPeers());
    b.route("/p", toA);
    assertEquals(10, b.fetch("/p/alive").contentLength());
  }

  @Test
  void closingAServerFaceSendsACloseFrame() {
    start(WsRig.quiet(), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    try (JdkWsClient jdk = JdkWsClient.open("ws://127.0.0.1:" + WsRig.port(listener) + "/")) {
      Face face = a.nextAdded();
      a.onLoop(() -> {
        face.close();
        return null;
      });
      assertEquals(1000, WsRig.get(jdk.closed));
      assertSame(face, a.nextRemoved());
    }
  }

  @Test
  void aClientFaceGoesWhenTheServerCloses() {
    start(WsRig.quiet(), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    Face toA = WsRig.get(b.ws.createFace("ws://127.0.0.1:" + WsRig.port(listener)));
    a.nextAdded();
    listener.close();
    assertSame(toA, b.nextRemoved());
    assertTrue(b.onLoop(() -> !toA.isUp()));
  }

  @Test
  void aClientFaceToNobodyFails() {
    start(WsRig.quiet(), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    int port = WsRig.port(listener);
    listener.close();
    assertThrows(ExecutionException.class,
        () -> b.ws.createFace("ws://127.0.0.1:" + port).get(WsRig.TIMEOUT_SECONDS, TimeUnit.SECONDS));
    assertThrows(IllegalArgumentException.class, () -> b.ws.createFace("tcp4://127.0.0.1:6363"));
  }

  @Test
  void theHttpHandlerServesRequestsThatAreNotUpgrades() throws Exception {
    HttpRequestHandler hello = (ctx, req) -> {
      if (req.uri().equals("/hello.txt")) {
        HttpResponses.send(ctx, req, HttpResponseStatus.OK, "text/plain; charset=utf-8",
            HttpResponses.utf8("hello from ndnj\n"));
      } else {
        HttpRequestHandler.NOT_FOUND.handle(ctx, req);
      }
    };
    start(WsRig.quiet().httpHandler(hello), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    String base = "http://127.0.0.1:" + WsRig.port(listener);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(base + "/hello.txt")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ok.statusCode());
    assertEquals("hello from ndnj\n", ok.body());
    assertEquals("text/plain; charset=utf-8", ok.headers().firstValue("content-type").orElse(""));
    HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base + "/nope")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(404, missing.statusCode());
    // the same connection pool still upgrades to WebSocket on the same port
    a.produce("/p", 10);
    try (JdkWsClient jdk = WsRig.get(JdkWsClient.connect(http, base.replace("http", "ws") + "/", null, true))) {
      jdk.sendBinary(WsRig.interestWire("/p/ws"));
      assertEquals(0x06, jdk.next()[0]);
    }
  }

  @Test
  void withoutAHandlerHttpRequestsGet404() throws Exception {
    start(WsRig.quiet(), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(WsRig.loopback4());
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + WsRig.port(listener) + "/index.html")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(404, r.statusCode());
  }

  @Test
  void ipv6LoopbackFacesArePrintedInBrackets() throws Exception {
    assumeTrue(hasIpv6Loopback(), "no IPv6 loopback");
    start(WsRig.quiet(), WsRig.quiet());
    WebSocketChannel listener = a.ws.listen(new InetSocketAddress("::1", 0));
    int port = WsRig.port(listener);
    assertEquals("ws://[::1]:" + port, listener.localUri());
    a.produce("/p", 10);
    Face toA = WsRig.get(b.ws.createFace("ws://[::1]:" + port + "/"));
    b.route("/p", toA);
    assertEquals(10, b.fetch("/p/six").contentLength());
    assertEquals("ws://[::1]:" + port, toA.remoteUri());
    assertTrue(toA.localUri().matches("wsclient://\\[::1\\]:\\d+"), toA.localUri());
    assertEquals(FaceScope.LOCAL, toA.scope());
    Face accepted = a.nextAdded();
    assertEquals(toA.localUri(), accepted.remoteUri());
    assertEquals("ws://[::1]:" + port, accepted.localUri());
  }

  @Test
  void startListensOnTheConfiguredAddressesAndReturnsTheirUris() {
    start(WsRig.quiet().listen(List.of(WsRig.loopback4())), WsRig.quiet());
    List<String> uris = a.ws.start();
    assertEquals(1, uris.size());
    assertTrue(uris.get(0).matches("ws://127\\.0\\.0\\.1:\\d+"), uris.get(0));
    assertEquals(uris, List.of(a.ws.channels().get(0).localUri()));
  }

  /** A TLV element of {@code type} with {@code valueLength} (253..65535) octets of value: a 4-octet header. */
  private static byte[] element(int type, int valueLength) {
    byte[] b = new byte[4 + valueLength];
    b[0] = (byte) type;
    b[1] = (byte) 0xfd;
    b[2] = (byte) (valueLength >> 8);
    b[3] = (byte) valueLength;
    return b;
  }

  private static byte[] bytes(Data d) {
    byte[] b = new byte[d.contentLength()];
    d.content().duplicate().get(b);
    return b;
  }

  private static boolean hasIpv6Loopback() throws Exception {
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress addr : Collections.list(nif.getInetAddresses())) {
        if (addr instanceof Inet6Address && addr.isLoopbackAddress()) {
          return true;
        }
      }
    }
    return false;
  }
}
