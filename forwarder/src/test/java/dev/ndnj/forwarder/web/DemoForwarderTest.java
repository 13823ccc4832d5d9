package dev.ndnj.forwarder.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.app.FetchOptions;
import dev.ndnj.engine.app.NackException;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.jvm.FutureConsumer;
import dev.ndnj.engine.jvm.JvmEngines;
import dev.ndnj.faces.net.NetFaces;
import dev.ndnj.faces.net.NetFacesConfig;
import dev.ndnj.forwarder.fwd.ForwarderProcess;
import dev.ndnj.forwarder.fwd.FwdConfig;
import dev.ndnj.forwarder.fwd.FwdLog;
import dev.ndnj.forwarder.rib.RibEntry;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forwarder process with the demo on and off: pages on the WebSocket port next to WebSocket faces on any path,
 * the {@code demo:} log line, and the generated files fetched from another engine over TCP.
 */
class DemoForwarderTest {
  @TempDir
  Path dir;

  private static FwdConfig loopback() {
    return new FwdConfig().bind("127.0.0.1").tcpPort(0).udpPort(-1).wsPort(0).unixPath(null);
  }

  private static int port(String uri) {
    return Integer.parseInt(uri.substring(uri.lastIndexOf(':') + 1));
  }

  private static String wsChannel(ForwarderProcess fwd) {
    return fwd.channelUris().stream().filter(u -> u.startsWith("ws://")).findFirst().orElseThrow();
  }

  /** Runs {@code f} on the forwarding thread and waits for its result. */
  static <T> T onLoop(Engine engine, Function<Engine, T> f) throws Exception {
    CompletableFuture<T> r = new CompletableFuture<>();
    engine.execute(() -> {
      try {
        r.complete(f.apply(engine));
      } catch (RuntimeException e) {
        r.completeExceptionally(e);
      }
    });
    return r.get(5, TimeUnit.SECONDS);
  }

  private static long webSocketFaces(ForwarderProcess fwd) throws Exception {
    return onLoop(fwd.engine(), e -> e.forwarder().faceTable().faces().stream()
        .filter(f -> f.remoteUri().startsWith("wsclient://")).count());
  }

  @Test
  void servesThePagesAndWebSocketsOnOnePortAndLogsTheUrl() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (ForwarderProcess fwd = new ForwarderProcess(loopback(), new FwdLog(lines::add)).start()) {
      int port = port(wsChannel(fwd));
      String url = "http://127.0.0.1:" + port + "/";
      assertEquals(url, fwd.demoUrl());
      assertTrue(lines.contains("demo: " + url), lines.toString());

      StaticSiteTest.Response index = StaticSiteTest.http(port, "GET", "/");
      assertEquals(200, index.status());
      assertTrue(index.body().contains("<title>ndnj demo</title>"), index.body());
      assertTrue(index.body().contains("id=\"app\""), index.body());
      StaticSiteTest.Response app = StaticSiteTest.http(port, "GET", "/app.js");
      assertEquals("text/javascript; charset=utf-8", app.headers().get("content-type"));
      assertEquals("no-cache", app.headers().get("cache-control"));

      // WebSocket upgrades still work, on / and on any other path
      HttpClient client = HttpClient.newHttpClient();
      WebSocket a = client.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/"),
          new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
      WebSocket b = client.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/some/path"),
          new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (webSocketFaces(fwd) < 2 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertEquals(2, webSocketFaces(fwd));
      a.abort();
      b.abort();
    }
  }

  @Test
  void demoFilesAreFetchedOverTcpAndRoutedByTheRib() throws Exception {
    try (ForwarderProcess fwd = new ForwarderProcess(loopback(), new FwdLog(l -> { })).start();
         Engine client = JvmEngines.start();
         NetFaces net = new NetFaces(client,
             new NetFacesConfig().tcpListen(List.of()).udpListen(List.of()).unixPath(null))) {
      String tcp = fwd.channelUris().stream().filter(u -> u.startsWith("tcp4://")).findFirst().orElseThrow();
      Face up = net.createFace(tcp).get(10, TimeUnit.SECONDS);
      onLoop(client, e -> {
        e.forwarder().fib().addOrUpdateNextHop(Name.parse("/"), up, 0);
        return null;
      });
      FutureConsumer consumer = new FutureConsumer(client.consumer());

      byte[] big = consumer.fetch(DemoFiles.fileName("big"), FetchOptions.DEFAULT).get(20, TimeUnit.SECONDS);
      assertArrayEquals(DemoFiles.generate(3, 256 * 1024), big);
      byte[] small = consumer.fetch(DemoFiles.fileName("small"), FetchOptions.DEFAULT).get(10, TimeUnit.SECONDS);
      assertArrayEquals(DemoFiles.generate(1, 16 * 1024), small);

      Name seg = DemoFiles.fileName("big").append(Component.version(1)).append(Component.segment(65));
      Data last = consumer.express(seg).get(10, TimeUnit.SECONDS);
      assertEquals(Component.segment(65), last.finalBlockId()); // 262144 / 4000: 65 full segments and one of 2144
      assertEquals(262_144 - 65 * 4000, last.contentLength());
      assertEquals(DemoFiles.FRESHNESS_MILLIS, last.freshnessPeriod());
      assertTrue(last.verifyDigestSha256());

      ExecutionException missing = assertThrows(ExecutionException.class, () ->
          consumer.express(Interest.builder(DemoFiles.fileName("nope").append(Component.segment(0)))
              .lifetime(4000).build()).get(10, TimeUnit.SECONDS));
      NackException nack = assertInstanceOf(NackException.class, missing.getCause());
      assertEquals(NackReason.NO_ROUTE, nack.reason());

      RibEntry route = onLoop(fwd.engine(), e -> fwd.management().rib().find(DemoFiles.PREFIX));
      assertNotNull(route, "/ndnj/demo in the RIB");
    }
  }

  @Test
  void noDemoServesNoPagesAndNoFiles() throws Exception {
    Path ini = dir.resolve("ndnj.conf");
    Files.writeString(ini, "[demo]\nenabled = no\n");
    List<String> lines = new CopyOnWriteArrayList<>();
    try (ForwarderProcess fwd = new ForwarderProcess(loopback().load(ini), new FwdLog(lines::add)).start()) {
      assertNull(fwd.demoUrl());
      assertFalse(lines.stream().anyMatch(l -> l.startsWith("demo:")), lines.toString());
      assertEquals(404, StaticSiteTest.http(port(wsChannel(fwd)), "GET", "/").status());
      RibEntry route = onLoop(fwd.engine(), e -> fwd.management().rib().find(DemoFiles.PREFIX));
      assertNull(route);
    }
  }
}
