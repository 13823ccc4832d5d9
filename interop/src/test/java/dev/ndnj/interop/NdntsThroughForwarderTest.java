package dev.ndnj.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.fw.ForwarderCounters;
import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.engine.table.NextHop;
import dev.ndnj.interop.RunningForwarder.FaceView;
import dev.ndnj.interop.RunningForwarder.Transport;
import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.Name;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * NDNts (yoursunny's JavaScript NDN stack, from npm, pinned in {@code interop/ndnts/package-lock.json}) through a
 * running ndnj forwarder, as applications use NFD: an NDNts producer ({@code producer.mjs}) connects, registers its
 * prefix with {@code @ndn/nfdmgmt}'s own NFD prefix registration and answers; an NDNts consumer
 * ({@code consumer.mjs}) connects over another transport, expresses Interests, fetches a versioned segmented object
 * twice with {@code @ndn/segmented-object} (the second time from ndnj's Content Store), and reads ndnj's
 * {@code faces/list}, {@code fib/list}, {@code rib/list}, {@code cs/info} and {@code status/general} datasets.
 * Each of Unix, TCP, UDP and WebSocket is used once by a producer and once by a consumer.
 *
 * <p>Needs Node.js 20+ and npm. Run alone:
 * {@code mvn -o -pl interop test -Dtest=NdntsThroughForwarderTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * The scripts' output is in {@code interop/target/interop/logs}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NdntsThroughForwarderTest {
  private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration CONSUMER_TIMEOUT = Duration.ofSeconds(60);
  private static final int FILE_SIZE = 200_000;
  private static final int PINGS = 20;

  private NodeProject ndnts;
  private RunningForwarder fwd;

  @BeforeAll
  void start(@TempDir Path dir) throws IOException, InterruptedException {
    ndnts = NodeProject.ready(NodeProject.basedir());
    // localhop: NDNts registers over UDP with /localhop/nfd/rib/register (DigestSha256, no signer), which NFD too
    // accepts from a non-local face only with localhop_security { trust-anchor { type any } }: the explicit opt-in
    fwd = new RunningForwarder(dir, c -> c.localhop(true).localhopTrustAny(true).demo(false));
  }

  @AfterAll
  void stop() {
    if (fwd != null) {
      fwd.close();
    }
  }

  @Test
  void unixProducerTcpConsumer() throws Exception {
    exchange("unix-tcp", Transport.UNIX, Transport.TCP, 4000, true);
  }

  @Test
  void tcpProducerWebSocketConsumer() throws Exception {
    exchange("tcp-ws", Transport.TCP, Transport.WS, 8000, true);
  }

  @Test
  void webSocketProducerUdpConsumer() throws Exception {
    exchange("ws-udp", Transport.WS, Transport.UDP, 8000, false);
  }

  @Test
  void udpProducerUnixConsumer() throws Exception {
    exchange("udp-unix", Transport.UDP, Transport.UNIX, 4000, true);
  }

  /**
   * One producer and one consumer through ndnj; {@code datasets}: the consumer also reads the management datasets
   * (a local face is needed for /localhost/nfd, so not over UDP).
   */
  private void exchange(String run, Transport producerSide, Transport consumerSide, int chunkSize, boolean datasets)
      throws Exception {
    String prefix = "/ndnts/" + run;
    int segments = (FILE_SIZE + chunkSize - 1) / chunkSize;
    long csHitsBefore = fwd.onLoop(() -> fwd.engine().forwarder().counters().csHits());
    Set<Integer> existing = new HashSet<>();
    fwd.faces().forEach(f -> existing.add(f.id()));
    try (NodeProcess producer = NodeProcess.start(ndnts.dir(), ndnts.logDir(), "producer.mjs",
        "--uplink", fwd.uri(producerSide), "--prefix", prefix, "--file-size", Integer.toString(FILE_SIZE),
        "--chunk-size", Integer.toString(chunkSize), "--max-lifetime", "90000")) {
      // @ndn/nfdmgmt's prefix registration got 200 from ndnj: /localhost/nfd where NDNts knows the face is local
      // (Unix, TCP between loopback addresses), /localhop/nfd where it cannot know (WebSocket, UDP)
      Map<String, Object> reg = json(producer.awaitLine("REGISTERED", REGISTER_TIMEOUT));
      assertEquals(prefix, reg.get("prefix"), producer.describe("registered another prefix"));
      boolean ndntsSeesLocal = producerSide == Transport.UNIX || producerSide == Transport.TCP;
      assertEquals(ndntsSeesLocal ? "/localhost/nfd" : "/localhop/nfd", reg.get("via"));

      // ndnj's FIB has the route, towards the producer's face
      FaceView producerFace = fwd.onLoop(() -> {
        FibEntry e = fwd.engine().forwarder().fib().findExactMatch(Name.parse(prefix));
        if (e == null || e.nextHops().size() != 1) {
          return null;
        }
        NextHop h = e.nextHops().get(0);
        return FaceView.of(h.face());
      });
      assertNotNull(producerFace, "no FIB entry with one next hop for " + prefix);
      assertTrue(producerFace.remoteUri().startsWith(producerSide.faceRemotePrefix), producerFace.toString());
      // a stream face closes when the producer exits (a UDP face stays until it has been idle for a while)
      CompletableFuture<FaceView> producerGone =
          producerSide == Transport.UDP ? null : fwd.awaitRemoval(producerFace.id());

      Set<Integer> facesBefore = new HashSet<>();
      fwd.faces().forEach(f -> facesBefore.add(f.id()));
      NodeProject.Result c = datasets
          ? ndnts.node(CONSUMER_TIMEOUT, "consumer.mjs", "--uplink", fwd.uri(consumerSide), "--prefix", prefix,
              "--pings", Integer.toString(PINGS), "--run", run, "--datasets")
          : ndnts.node(CONSUMER_TIMEOUT, "consumer.mjs", "--uplink", fwd.uri(consumerSide), "--prefix", prefix,
              "--pings", Integer.toString(PINGS), "--run", run);
      assertTrue(c.ok(), c::describe);
      Map<String, Object> r = json(resultLine(c));

      assertEquals(PINGS, num(r, "pingsOk"), c::describe);
      List<Map<String, Object>> fetches = list(r, "fetches");
      assertEquals(2, fetches.size());
      String expectedSha = sha256(testObject(FILE_SIZE));
      for (Map<String, Object> f : fetches) {
        assertEquals(FILE_SIZE, num(f, "length"), f.toString());
        assertEquals(expectedSha, f.get("sha256"), f.toString());
        assertEquals(segments, num(f, "segments"), f.toString());
        assertTrue(((String) f.get("name")).startsWith(prefix + "/file/v="), f.toString());
      }
      assertEquals(fetches.get(0).get("name"), fetches.get(1).get("name"), "both fetches found the same version");

      // the second fetch came from ndnj's Content Store. (The producer may still see an Interest twice: a
      // consumer that retransmits before the first Data came back is forwarded again after retransmission
      // suppression, as in NFD; over UDP a burst of 8 KB Data can overflow the consumer's socket buffer.)
      assertEquals(0, producer.stop(Duration.ofSeconds(5)), producer.describe("did not stop cleanly"));
      Map<String, Object> served = json(producer.awaitLine("SERVED", Duration.ofSeconds(1)));
      assertEquals(PINGS, num(served, "pings"), served.toString());
      assertEquals(segments, num(served, "distinctSegments"), served.toString());
      long csHits = fwd.onLoop(() -> fwd.engine().forwarder().counters().csHits()) - csHitsBefore;
      assertTrue(csHits >= segments, "Content Store hits " + csHits + ", expected at least " + segments
          + "; producer made " + served);

      if (datasets) {
        checkDatasets(r, prefix, producerFace, consumerSide, facesBefore, segments);
      }

      // ndnj took every packet NDNts sent on the faces of this exchange and sent every answer: no drop of any kind
      List<FaceView> exchangeFaces = fwd.facesExcept(existing);
      assertTrue(exchangeFaces.size() >= 2, exchangeFaces.toString());
      for (FaceView f : exchangeFaces) {
        assertEquals(0, f.totalDrops(), "drops on " + f);
      }

      // and the producer's face takes its route with it
      if (producerGone != null) {
        producerGone.get(10, TimeUnit.SECONDS);
        boolean routed = fwd.onLoop(() -> {
          FibEntry e = fwd.engine().forwarder().fib().findExactMatch(Name.parse(prefix));
          return e != null && e.hasNextHops();
        });
        assertFalse(routed, prefix + " is still routed after its producer's face closed");
      }
    }
  }

  private void checkDatasets(Map<String, Object> r, String prefix, FaceView producerFace, Transport consumerSide,
      Set<Integer> facesBefore, int segments) throws InterruptedException {
    // cs/erase of /localhost/nfd (so that no cached dataset version from an earlier reader is seen)
    Map<String, Object> erase = map(r, "csErase");
    assertEquals(200, num(erase, "statusCode"), erase.toString());
    assertTrue(num(erase, "count") >= 0, erase.toString());

    // faces/list: the internal face, the producer's face as ndnj names it, and the consumer's own face
    List<Map<String, Object>> faces = list(r, "faces");
    Map<String, Object> internal = byFaceId(faces, 1);
    assertEquals("internal://", internal.get("uri"));
    Map<String, Object> pf = byFaceId(faces, producerFace.id());
    assertEquals(producerFace.remoteUri(), pf.get("uri"));
    assertEquals(producerFace.localUri(), pf.get("localUri"));
    assertEquals(producerFace.local() ? 1 : 0, num(pf, "faceScope"), pf.toString());
    assertTrue(num(pf, "nOutInterests") >= PINGS + segments - 1, pf.toString());
    assertTrue(num(pf, "nInData") >= PINGS + segments - 1, pf.toString());
    assertTrue(num(pf, "nInBytes") >= FILE_SIZE, pf.toString());
    List<Map<String, Object>> mine = faces.stream()
        .filter(f -> !facesBefore.contains((int) num(f, "faceId")))
        .filter(f -> ((String) f.get("uri")).startsWith(consumerSide.faceRemotePrefix))
        .toList();
    assertEquals(1, mine.size(), "the consumer's face among " + faces);
    Map<String, Object> cf = mine.get(0);
    assertEquals(1, num(cf, "faceScope"), "a loopback " + consumerSide + " face is local: " + cf);
    assertEquals(1, num(cf, "facePersistency"), "accepted faces are on-demand (1): " + cf);
    assertTrue(num(cf, "nInInterests") >= PINGS + 2L * segments, cf.toString());
    assertTrue(num(cf, "nOutData") >= PINGS + 2L * segments, cf.toString());
    assertTrue(num(cf, "nOutBytes") >= 2L * FILE_SIZE, cf.toString());

    // fib/list: the producer's route, and management's
    List<Map<String, Object>> fib = list(r, "fib");
    Map<String, Object> route = fib.stream().filter(e -> prefix.equals(e.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + " in fib/list " + fib));
    List<Map<String, Object>> hops = list(route, "nextHops");
    assertEquals(1, hops.size(), route.toString());
    assertEquals(producerFace.id(), num(hops.get(0), "faceId"));
    assertEquals(0, num(hops.get(0), "cost"));
    assertTrue(fib.stream().anyMatch(e -> "/localhost/nfd".equals(e.get("name"))), fib.toString());

    // rib/list: the route as NDNts's NfdPrefixReg asked for it (origin client 65, cost 0, CAPTURE only, an
    // expiration of 4 x its 300 s refresh interval), on the producer's face
    List<Map<String, Object>> rib = list(r, "rib");
    Map<String, Object> ribEntry = rib.stream().filter(e -> prefix.equals(e.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + " in rib/list " + rib));
    List<Map<String, Object>> routes = list(ribEntry, "routes");
    assertEquals(1, routes.size(), ribEntry.toString());
    Map<String, Object> rt = routes.get(0);
    assertEquals(producerFace.id(), num(rt, "faceId"), rt.toString());
    assertEquals(65, num(rt, "origin"), rt.toString());
    assertEquals(0, num(rt, "cost"), rt.toString());
    assertEquals(Boolean.TRUE, rt.get("flagCapture"), rt.toString());
    assertEquals(Boolean.FALSE, rt.get("flagChildInherit"), rt.toString());
    long expiration = num(rt, "expirationPeriod");
    assertTrue(expiration > 1_100_000 && expiration <= 1_200_000, "remaining lifetime of the route: " + rt);

    // cs/info: the Content Store holds the object and counted the second fetch's hits
    Map<String, Object> cs = map(r, "cs");
    assertTrue(num(cs, "nCsEntries") >= segments, cs.toString());
    assertTrue(num(cs, "nHits") >= segments, cs.toString());
    assertTrue(num(cs, "capacity") > 0, cs.toString());
    assertEquals(Boolean.TRUE, cs.get("flagEnableAdmit"), cs.toString());
    assertEquals(Boolean.TRUE, cs.get("flagEnableServe"), cs.toString());

    // status/general: our version string, our start time, counters that include this exchange
    Map<String, Object> g = map(r, "general");
    assertEquals(fwd.process().management().version(), g.get("nfdVersion"));
    assertTrue(((String) g.get("nfdVersion")).startsWith("ndnj "), g.toString());
    assertEquals(fwd.process().management().startTimestamp(), num(g, "startTimestamp"));
    assertTrue(num(g, "currentTimestamp") >= num(g, "startTimestamp"), g.toString());
    assertTrue(num(g, "currentTimestamp") <= System.currentTimeMillis() + 1000, g.toString());
    assertTrue(num(g, "nFibEntries") >= 2, g.toString());
    assertTrue(num(g, "nCsEntries") >= segments, g.toString());
    assertTrue(num(g, "nInInterests") >= num(cf, "nInInterests"), g.toString());
    assertTrue(num(g, "nOutData") >= num(cf, "nOutData"), g.toString());
    assertTrue(num(g, "nSatisfiedInterests") >= PINGS + segments, g.toString());
    ForwarderCounters now = fwd.engine().forwarder().counters();
    assertTrue(now.inInterests() >= num(g, "nInInterests"), "the dataset is not ahead of the engine: " + g);
  }

  // --- helpers ---

  static String resultLine(NodeProject.Result c) {
    return c.output().lines().filter(l -> l.startsWith("RESULT ")).map(l -> l.substring("RESULT ".length()))
        .findFirst().orElseThrow(() -> new AssertionError("no RESULT line: " + c.describe()));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String text) {
    return (Map<String, Object>) Json.parse(text);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> m, String key) {
    Object v = m.get(key);
    assertNotNull(v, "no " + key + " in " + m);
    return (List<Map<String, Object>>) v;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> m, String key) {
    Object v = m.get(key);
    assertNotNull(v, "no " + key + " in " + m);
    return (Map<String, Object>) v;
  }

  static long num(Map<String, Object> m, String key) {
    Object v = m.get(key);
    assertTrue(v instanceof Number, key + " is not a number in " + m);
    return ((Number) v).longValue();
  }

  static Map<String, Object> byFaceId(List<Map<String, Object>> faces, int id) {
    return faces.stream().filter(f -> num(f, "faceId") == id).findFirst()
        .orElseThrow(() -> new AssertionError("no face " + id + " in faces/list " + faces));
  }

  /** The object producer.mjs serves (fw-lib.mjs testObject): octet i is (i * 31 + 7) mod 256. */
  static byte[] testObject(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 31 + 7);
    }
    return b;
  }

  static String sha256(byte[] b) throws NoSuchAlgorithmException {
    return Hex.encode(MessageDigest.getInstance("SHA-256").digest(b)).toLowerCase();
  }
}
