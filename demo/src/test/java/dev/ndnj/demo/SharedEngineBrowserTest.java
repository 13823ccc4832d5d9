package dev.ndnj.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.jvm.FutureConsumer;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The browser tier in headless Chromium against a forwarder in this JVM: three tabs sharing one engine in a
 * SharedWorker (one upstream WebSocket, one Content Store, channels collapsing into one upstream Interest), the same
 * application with one engine per tab, tab death, a forwarder restart under the worker, a misbehaving tab, and a
 * producer in a tab reached from the JVM.
 */
class SharedEngineBrowserTest extends BrowserTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Page.WaitForFunctionOptions WAIT = new Page.WaitForFunctionOptions().setTimeout(10_000);

  private static Page tab(BrowserContext ctx, TestForwarder fwd, boolean shared) {
    return tab(ctx, fwd, shared, "");
  }

  private static Page tab(BrowserContext ctx, TestForwarder fwd, boolean shared, String query) {
    Page page = ctx.newPage();
    page.navigate(fwd.url("test/client.html?shared-engine=" + (shared ? 1 : 0) + query));
    assertEquals(shared ? "shared" : "tab", page.evaluate("window.ndnjReady"));
    return page;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fetchReport(Page page, String name) {
    return (Map<String, Object>) page.evaluate("n => window.fetchReport(n)", name);
  }

  private static int num(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).intValue();
  }

  private static JsonObject status(Page page) {
    return JsonParser.parseString((String) page.evaluate("window.client.status().then(s => JSON.stringify(s))"))
        .getAsJsonObject();
  }

  private static long interestsFromWebSockets(TestForwarder fwd) {
    return fwd.faces(TestForwarder::isWebSocketFace).stream().mapToLong(f -> f.counters().inInterests()).sum();
  }

  private static String text(Data d) {
    byte[] b = new byte[d.contentLength()];
    d.content().duplicate().get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Runs the shared scenario's application steps; returns the JVM subscriber's view of the publication. */
  private static void fetchTwiceAndChat(TestForwarder fwd, List<Page> tabs, boolean shared) throws Exception {
    Page a = tabs.get(0);
    Page b = tabs.get(1);
    Map<String, Object> first = fetchReport(a, "/ndnj/demo/file/medium");
    assertEquals(64 * 1024, num(first, "length"));
    assertEquals(17, num(first, "segments"));
    assertEquals(0, num(first, "fromCache"));
    long before = interestsFromWebSockets(fwd);
    Map<String, Object> second = fetchReport(b, "/ndnj/demo/file/medium");
    assertEquals(first.get("checksum"), second.get("checksum"));
    if (shared) {
      assertEquals(17, num(second, "fromCache"), "tab B is served from the shared Content Store");
      assertEquals(before, interestsFromWebSockets(fwd), "the forwarder saw no Interest of tab B's fetch");
    } else {
      assertEquals(0, num(second, "fromCache"));
      assertTrue(interestsFromWebSockets(fwd) >= before + 17, "each tab fetches through its own connection");
    }

    // A channel: tabs B and C subscribe, tab A publishes; then a JVM consumer waits for the next publication.
    String channel = "/ndnj/chat/room" + (shared ? 1 : 0);
    for (Page p : tabs.subList(1, 3)) {
      p.evaluate("c => { window.subscribeTo(c); }", channel);
    }
    assertEquals(1, ((Number) a.evaluate("c => window.client.publish(c, 'first')", channel)).intValue());
    for (Page p : tabs.subList(1, 3)) {
      p.waitForFunction("window.got.includes('first')", null, WAIT);
    }
    FutureConsumer jvm = new FutureConsumer(fwd.engine().consumer());
    CompletableFuture<Data> jvmGot = new CompletableFuture<>();
    fwd.engine().execute(() -> jvm.express(Interest.builder(Name.parse(channel)
        .append(Component.sequenceNumber(2))).lifetime(8000).build()).whenComplete((d, e) -> {
          if (e != null) {
            jvmGot.completeExceptionally(e);
          } else {
            jvmGot.complete(d);
          }
        }));
    // the JVM's Interest is pending at tab A's producer once the forwarder has sent it up the browser's face
    long start = System.nanoTime();
    while (fwd.onLoop(e -> e.forwarder().pit().size()) == 0 && System.nanoTime() - start < TIMEOUT.toNanos()) {
      Thread.onSpinWait();
    }
    assertEquals(2, ((Number) a.evaluate("c => window.client.publish(c, 'hello from A')", channel)).intValue());
    for (Page p : tabs.subList(1, 3)) {
      p.waitForFunction("window.got.includes('hello from A')", null, WAIT);
    }
    assertEquals("hello from A", text(jvmGot.get(10, TimeUnit.SECONDS)));
  }

  @Test
  void threeTabsShareOneEngineOneUpstreamAndOneContentStore() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext();
         SharedWorkerCdp cdp = chromium.sharedWorkers()) {
      List<Page> tabs = List.of(tab(ctx, fwd, true), tab(ctx, fwd, true), tab(ctx, fwd, true));
      List<SharedWorkerCdp.Target> workers = cdp.sharedWorkers();
      assertEquals(1, workers.size(), workers.toString());
      assertEquals(3, cdp.evaluate(workers.get(0), "self.ndnjSharedEngine.tabCount()").getAsInt());
      assertEquals(1, fwd.webSocketFaces().size(), "one upstream connection for three tabs");
      fetchTwiceAndChat(fwd, tabs, true);
      assertEquals(1, fwd.webSocketFaces().size());
      JsonObject s = status(tabs.get(2));
      assertEquals("shared", s.get("mode").getAsString());
      assertEquals("up", s.getAsJsonObject("upstream").get("state").getAsString());
      assertTrue(s.get("csHits").getAsLong() >= 17, s.toString());
      Screenshots.save(tabs.get(0), "shared-engine-test-tab");
    }
  }

  @Test
  void oneEnginePerTabGivesTheSameResultsOverThreeConnections() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext()) {
      List<Page> tabs = List.of(tab(ctx, fwd, false), tab(ctx, fwd, false), tab(ctx, fwd, false));
      fwd.awaitWebSocketFaces(3, TIMEOUT);
      fetchTwiceAndChat(fwd, tabs, false);
      assertEquals(3, fwd.webSocketFaces().size());
      assertEquals("tab", status(tabs.get(0)).get("mode").getAsString());
    }
  }

  private static JsonObject workerStatus(SharedWorkerCdp cdp) {
    JsonElement e = cdp.evaluate(cdp.sharedWorkers().get(0), "self.ndnjSharedEngine.status()");
    return JsonParser.parseString(e.getAsString()).getAsJsonObject();
  }

  private static int tabFaces(JsonObject status) {
    int n = 0;
    for (JsonElement f : status.getAsJsonArray("faces")) {
      if (f.getAsJsonObject().get("remoteUri").getAsString().startsWith("messageport://tab/")) {
        n++;
      }
    }
    return n;
  }

  private static int inRecordsOfTabs(JsonObject status) {
    int n = 0;
    for (JsonElement f : status.getAsJsonArray("faces")) {
      JsonObject o = f.getAsJsonObject();
      if (o.get("remoteUri").getAsString().startsWith("messageport://tab/")) {
        n += o.get("pitInRecords").getAsInt();
      }
    }
    return n;
  }

  /** Waits until the worker has {@code tabs} tab faces; returns how long it took. */
  private static long awaitTabFaces(SharedWorkerCdp cdp, int tabs) throws InterruptedException {
    long start = System.nanoTime();
    while (tabFaces(workerStatus(cdp)) != tabs) {
      if (System.nanoTime() - start > TIMEOUT.toNanos()) {
        throw new AssertionError("worker still has " + tabFaces(workerStatus(cdp)) + " tab faces");
      }
      Thread.onSpinWait();
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void aClosedOrCrashedTabLosesItsFaceAndPitInRecordsWithinASecond() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext();
         SharedWorkerCdp cdp = chromium.sharedWorkers()) {
      Page producer = tab(ctx, fwd, true);
      // a producer that never answers, so the other tabs' Interests stay in the shared PIT
      producer.evaluate("window.client.produce('/ndnj/silent', () => null).then(() => true)");
      Page closing = tab(ctx, fwd, true);
      Page crashing = tab(ctx, fwd, true, "&tab=crashing");
      for (Page p : List.of(closing, crashing)) {
        p.evaluate("window.client.express({name: '/ndnj/silent/x', lifetime: 30000}).catch(() => {}); true");
      }
      long start = System.nanoTime();
      while (inRecordsOfTabs(workerStatus(cdp)) < 2) {
        assertTrue(System.nanoTime() - start < TIMEOUT.toNanos(), workerStatus(cdp).toString());
      }
      assertEquals(3, tabFaces(workerStatus(cdp)));

      closing.close();
      long closeMs = awaitTabFaces(cdp, 2);
      assertTrue(closeMs < 1000, "face removed " + closeMs + " ms after the tab closed");

      cdp.crashPage(crashing.url());
      long crashMs = awaitTabFaces(cdp, 1);
      assertTrue(crashMs < 1000, "face removed " + crashMs + " ms after the renderer crashed");
      assertEquals(0, inRecordsOfTabs(workerStatus(cdp)), "the dead tabs' PIT in-records are gone");
      assertEquals(1, fwd.webSocketFaces().size());
    }
  }

  @Test
  void theWorkerReconnectsAfterAForwarderRestartAndReregistersTabPrefixes() throws Exception {
    TestForwarder fwd = TestForwarder.start();
    int port = fwd.wsPort();
    try (BrowserContext ctx = chromium.newContext()) {
      Page producer = tab(ctx, fwd, true);
      producer.evaluate("window.client.produce('/ndnj/tab/echo', (i) => 'echo ' + i.name).then(() => true)");
      Page consumer = tab(ctx, fwd, true);
      // a fetch in flight across the restart: its Interests are retransmitted once the worker is back
      consumer.evaluate("window.pending = window.fetchReport('/ndnj/demo/file/big'); true");
      fwd.close();
      fwd = TestForwarder.start(port);
      fwd.awaitWebSocketFaces(1, Duration.ofSeconds(20));
      @SuppressWarnings("unchecked")
      Map<String, Object> report = (Map<String, Object>) consumer.evaluate("window.pending");
      assertEquals(256 * 1024, num(report, "length"));
      // the tab's prefix was registered again on the new forwarder
      FutureConsumer jvm = new FutureConsumer(fwd.engine().consumer());
      TestForwarder f = fwd;
      Data d = null;
      for (int attempt = 0; attempt < 50 && d == null; attempt++) {
        CompletableFuture<Data> r = new CompletableFuture<>();
        f.engine().execute(() -> jvm.express(Name.parse("/ndnj/tab/echo/" + System.nanoTime())).whenComplete(
            (x, e) -> r.complete(x)));
        d = r.get(10, TimeUnit.SECONDS);
      }
      assertTrue(d != null && text(d).startsWith("echo /ndnj/tab/echo/"), String.valueOf(d));
    } finally {
      fwd.close();
    }
  }

  @Test
  void aTabThatDoesNotAcknowledgeGetsAtMostTheWindowAndTheRestIsCountedAsDrops() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext()) {
      Page good = tab(ctx, fwd, true);
      assertEquals(16 * 1024, num(fetchReport(good, "/ndnj/demo/file/small"), "length"));
      Page slow = tab(ctx, fwd, true);
      int got = ((Number) slow.evaluate("n => window.floodWithoutAcks(n)", 6000)).intValue();
      assertEquals(4096, got, "the shared engine stops at 4096 unacknowledged frames");
      JsonObject s = status(good);
      long queueFull = 0;
      for (JsonElement f : s.getAsJsonArray("faces")) {
        queueFull += f.getAsJsonObject().get("sendQueueFullDrops").getAsLong();
      }
      assertEquals(6000 - 4096, queueFull, s.toString());
      assertEquals(16 * 1024, num(fetchReport(good, "/ndnj/demo/file/small"), "length"), "other tabs unaffected");
    }
  }

  @Test
  void aSilentPortIsClosedAfterTheHeartbeatTimeoutWhileTabsThatHeartbeatStay() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext();
         SharedWorkerCdp cdp = chromium.sharedWorkers()) {
      // heartbeat timeout 2 s: the tab itself heartbeats every 500 ms; the silent port never does
      Page p = tab(ctx, fwd, true, "&heartbeat-timeout=2000");
      p.evaluate("window.openSilentPort()");
      awaitTabFaces(cdp, 2);
      long start = System.nanoTime();
      awaitTabFaces(cdp, 1);
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms >= 500, "closed after " + ms + " ms: too early for a 2 s timeout");
      assertEquals(16 * 1024, num(fetchReport(p, "/ndnj/demo/file/small"), "length"), "the live tab keeps its face");
      assertEquals(1, tabFaces(workerStatus(cdp)));
    }
  }

  @Test
  void aTabPostingGarbageIsCountedAndOtherTabsAreUnaffected() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext()) {
      Page good = tab(ctx, fwd, true);
      Page bad = tab(ctx, fwd, true);
      bad.evaluate("window.postGarbage()");
      JsonObject s = status(good);
      long malformed = 0;
      for (JsonElement f : s.getAsJsonArray("faces")) {
        malformed += f.getAsJsonObject().get("malformedDrops").getAsLong();
      }
      assertEquals(3, malformed, s.toString());
      assertEquals(16 * 1024, num(fetchReport(good, "/ndnj/demo/file/small"), "length"));
      assertEquals(16 * 1024, num(fetchReport(bad, "/ndnj/demo/file/small"), "length"));
    }
  }

  /**
   * Content Store hits on a port of the shared engine, each dispatched to the port's handler as the browser would: the
   * Data is posted and the satisfied PIT entry finalized before the handler returns (no microtask or timer per
   * packet, see {@code BrowserPlatform}'s turns), and every Interest is answered.
   */
  @Test
  void aContentStoreHitIsAnsweredAndItsPitEntryFinalizedWithinTheMessageTask() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext();
         SharedWorkerCdp cdp = chromium.sharedWorkers()) {
      Page p = tab(ctx, fwd, true);
      assertEquals(16 * 1024, num(fetchReport(p, "/ndnj/demo/file/small"), "length"));
      JsonObject r = cdp.evaluate(cdp.sharedWorkers().get(0), """
          (async () => {
            const n = 300;
            const comps = [];
            for (const s of ['ndnj', 'demo', 'file', 'small']) comps.push(8, s.length, ...new TextEncoder().encode(s));
            comps.push(0x36, 1, 1, 0x32, 1, 0);
            const interest = (k) => {
              const v = [7, comps.length, ...comps, 0x0a, 4, k & 255, (k >> 8) & 255, 0x5a, 0xa5, 0x0c, 2, 0x0f, 0xa0];
              return new Uint8Array([5, v.length, ...v]);
            };
            const ch = new MessageChannel();
            let answered = 0;
            const all = new Promise((done) => { ch.port2.onmessage = (m) => {
              if (m.data instanceof Uint8Array && ++answered === n) done();
            }; });
            self.onconnect({ ports: [ch.port1] });
            const counts = { queueMicrotask: 0, setTimeout: 0 };
            const saved = {};
            for (const k of Object.keys(counts)) {
              saved[k] = self[k];
              self[k] = function () { counts[k]++; return saved[k].apply(self, arguments); };
            }
            let pitAfterEach = 0;
            try {
              for (let k = 0; k < n; k++) {
                ch.port1.onmessage({ data: interest(k) });
                pitAfterEach += JSON.parse(self.ndnjSharedEngine.status()).pitEntries;
              }
            } finally {
              for (const k of Object.keys(saved)) self[k] = saved[k];
            }
            await all;
            return JSON.stringify({ answered, pitAfterEach, ...counts,
              csHits: JSON.parse(self.ndnjSharedEngine.status()).csHits });
          })()""", TIMEOUT).getAsString().transform(JsonParser::parseString).getAsJsonObject();
      assertEquals(300, r.get("answered").getAsInt(), r.toString());
      assertEquals(0, r.get("pitAfterEach").getAsInt(), "PIT entries left when the handler returned: " + r);
      assertEquals(0, r.get("queueMicrotask").getAsInt(), r.toString());
      assertEquals(0, r.get("setTimeout").getAsInt(), r.toString());
      assertTrue(r.get("csHits").getAsInt() >= 300, r.toString());
    }
  }

  private static boolean routed(TestForwarder fwd, String prefix) {
    return fwd.onLoop(e -> e.forwarder().fib().findExactMatch(Name.parse(prefix)) != null);
  }

  private static void awaitRouted(TestForwarder fwd, String prefix, boolean expected) {
    long start = System.nanoTime();
    while (routed(fwd, prefix) != expected) {
      assertTrue(System.nanoTime() - start < TIMEOUT.toNanos(), prefix + " routed should be " + expected);
    }
  }

  @Test
  void aProducerInATabAnswersAJvmConsumerThroughTheForwarderUntilItLeaves() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext()) {
      Page p = tab(ctx, fwd, true);
      Page other = tab(ctx, fwd, true);
      p.evaluate("window.client.produce('/ndnj/tab/hello', (i) => ({content: 'hi from the tab',"
          + " freshnessPeriod: 0})).then(() => true)");
      other.evaluate("window.client.produce('/ndnj/tab/closed', () => 'x').then(r => { window.reg = r; return true; })");
      FutureConsumer jvm = new FutureConsumer(fwd.engine().consumer());
      CompletableFuture<Data> r = new CompletableFuture<>();
      fwd.engine().execute(() -> jvm.express(Name.parse("/ndnj/tab/hello/1")).whenComplete((d, e) -> {
        if (e != null) {
          r.completeExceptionally(e);
        } else {
          r.complete(d);
        }
      }));
      Data d = r.get(10, TimeUnit.SECONDS);
      assertEquals("hi from the tab", text(d));
      Face ws = fwd.webSocketFaces().get(0);
      assertTrue(ws.counters().outInterests() >= 1);
      // withdrawn upstream when the producer closes its registration, and when the producing tab goes away
      assertTrue(routed(fwd, "/ndnj/tab/closed"));
      other.evaluate("window.reg.close()");
      awaitRouted(fwd, "/ndnj/tab/closed", false);
      assertTrue(routed(fwd, "/ndnj/tab/hello"));
      p.close();
      awaitRouted(fwd, "/ndnj/tab/hello", false);
      assertEquals(1, fwd.webSocketFaces().size(), "the worker and its connection stay for the other tab");
    }
  }

  /** Holds every Interest under {@code prefix} at a JVM producer of the forwarder; returns the held ones. */
  private static List<dev.ndnj.engine.app.Responder> jvmProducer(TestForwarder fwd, String prefix) {
    List<dev.ndnj.engine.app.Responder> held = new java.util.concurrent.CopyOnWriteArrayList<>();
    fwd.onLoop(e -> e.producer().produce(Name.parse(prefix), (i, r) -> held.add(r)));
    return held;
  }

  /** The faces of the forwarder's PIT in-records for exactly {@code name} (empty if no entry). */
  private static List<Integer> inRecordFaces(TestForwarder fwd, Name name) {
    return fwd.onLoop(e -> e.forwarder().pit().entries().stream().filter(p -> p.name().equals(name))
        .flatMap(p -> p.inRecords().stream()).map(r -> r.face().id()).toList());
  }

  private static void threeSubscribersOfAJvmChannel(boolean shared, int expectedUpstreamInterests) throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext()) {
      String channel = "/ndnj/chat/jvm" + (shared ? 1 : 0);
      List<dev.ndnj.engine.app.Responder> held = jvmProducer(fwd, channel);
      List<Page> tabs = List.of(tab(ctx, fwd, shared), tab(ctx, fwd, shared), tab(ctx, fwd, shared));
      for (Page p : tabs) {
        p.evaluate("c => { window.subscribeTo(c); }", channel);
      }
      // every subscriber ends up waiting for seq=1 (after its discovery Interest found no publication)
      Name seq1 = Name.parse(channel).append(Component.sequenceNumber(1));
      long start = System.nanoTime();
      List<Integer> faces = inRecordFaces(fwd, seq1);
      while (faces.size() < expectedUpstreamInterests || (shared && System.nanoTime() - start < 2_500_000_000L)) {
        assertTrue(System.nanoTime() - start < 2 * TIMEOUT.toNanos(), "in-records " + faces);
        faces = inRecordFaces(fwd, seq1);
      }
      assertEquals(expectedUpstreamInterests, faces.size(),
          "the forwarder's PIT entry for seq=1 has one in-record per upstream connection: " + faces);
      Data d = dev.ndnj.tlv.Data.builder(seq1).content("from the JVM".getBytes(StandardCharsets.UTF_8))
          .freshnessPeriod(1000).signWithDigestSha256();
      fwd.onLoop(e -> {
        for (dev.ndnj.engine.app.Responder r : held) {
          if (!r.isAnswered() && r.interest().matches(d)) {
            r.data(d);
          }
        }
        return null;
      });
      for (Page p : tabs) {
        p.waitForFunction("window.got.includes('from the JVM')", null, WAIT);
      }
    }
  }

  @Test
  void threeSharedTabsSubscribingSendOneUpstreamInterest() throws Exception {
    threeSubscribersOfAJvmChannel(true, 1);
  }

  @Test
  void threeTabsWithEnginesOfTheirOwnSendThreeUpstreamInterests() throws Exception {
    threeSubscribersOfAJvmChannel(false, 3);
  }

  @Test
  void getUnsubscribeAndTheFallbackWithoutSharedWorker() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext()) {
      Page old = ctx.newPage();
      old.navigate(fwd.url("test/client.html?shared-engine=1&no-shared-worker=1"));
      assertEquals("tab", old.evaluate("window.ndnjReady"), "no SharedWorker: an engine in the page");
      Page pub = tab(ctx, fwd, true);
      String channel = "/ndnj/chat/get-test";
      assertEquals(null, old.evaluate("c => window.client.get(c)", channel));
      old.evaluate("c => { window.subscribeTo(c); }", channel);
      pub.evaluate("c => window.client.publish(c, 'one')", channel);
      old.waitForFunction("window.got.includes('one')", null, WAIT);
      assertEquals("one", old.evaluate("c => window.client.get(c).then(d => d.text)", channel));
      old.evaluate("window.unsubscribe()");
      pub.evaluate("c => window.client.publish(c, 'two')", channel);
      // get() is as fresh as the channel's FreshnessPeriod (250 ms): a cached 'one' may answer at first
      assertEquals(true, old.evaluate("async c => { for (let i = 0; i < 100; i++) {"
          + " const d = await window.client.get(c); if (d && d.text === 'two') return true;"
          + " await new Promise(r => setTimeout(r, 50)); } return false; }", channel));
      assertEquals(List.of("one"), old.evaluate("window.got"), "nothing after unsubscribe");
    }
  }
}
