package dev.ndnj.sharedworker.selftest;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.app.AppFace;
import dev.ndnj.engine.app.Consumer;
import dev.ndnj.engine.app.ConsumerCounters;
import dev.ndnj.engine.app.FetchException;
import dev.ndnj.engine.app.FetchOptions;
import dev.ndnj.engine.app.InterestTimeoutException;
import dev.ndnj.engine.app.NackException;
import dev.ndnj.engine.app.Producer;
import dev.ndnj.engine.app.Promise;
import dev.ndnj.engine.app.Responder;
import dev.ndnj.engine.app.SegmentedFetcher;
import dev.ndnj.engine.app.SegmentedProducer;
import dev.ndnj.engine.app.ValidationException;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceCounters;
import dev.ndnj.engine.face.GenericLinkService;
import dev.ndnj.engine.face.mem.MemoryLink;
import dev.ndnj.engine.fw.Forwarder;
import dev.ndnj.engine.fw.ForwarderCounters;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.platform.RandomSource;
import dev.ndnj.engine.platform.SchedulerTaskQueue;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.engine.table.ContentStoreCounters;
import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.engine.table.LruContentStore;
import dev.ndnj.engine.table.NextHop;
import dev.ndnj.engine.table.PitEntry;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * A deterministic report of what the engine ({@code dev.ndnj.engine}) does in a small scenario on a single-threaded
 * platform: an {@link Engine} built with a {@link ManualClock} (clock, scheduler and, through a
 * {@code SchedulerTaskQueue}, task queue), a seeded {@link RandomSource} and an {@link LruContentStore}, used through
 * its application API ({@link Consumer}, {@link Producer}, {@link Promise}, {@link SegmentedFetcher}) and, in the
 * last part, two engines joined by a {@link MemoryLink} with a {@link GenericLinkService} on each side that fragments
 * to an MTU of 1400.
 *
 * <p>Plain Java with no JSO, so it runs unchanged on the JVM and, compiled by TeaVM into
 * {@code target/teavm/engine-selftest.js}, in JavaScript. {@code EngineSelfTestJsTest} requires the two reports to be
 * equal line by line: that proves the engine (with the LRU Content Store; the Caffeine store is never referenced)
 * compiles under TeaVM and forwards, caches, aggregates, times out, fetches and fragments the same way in the browser.
 *
 * <p>Nothing printed depends on wall time, identity hash codes, {@code HashMap} iteration order, floating point or
 * JDK exception messages; time moves only through {@link ManualClock#advance}.
 */
public final class EngineSelfTest {
  /** Seed of the scenario's random source (Nonces, initial LpPacket Sequence numbers). */
  static final int SEED = 0x5eed1234;
  /** Link MTU of the fragmentation part. */
  static final int MTU = 1400;
  /** Content length of the Data sent over the fragmenting link. */
  static final int BIG_DATA_LENGTH = 8000;
  /** Length of the segmented object. */
  static final int OBJECT_LENGTH = 5000;
  /** Segment size of the segmented object. */
  static final int SEGMENT_SIZE = 1024;
  /** Version of the segmented object. */
  static final long OBJECT_VERSION = 7;

  static final Name HELLO = Name.parse("/selftest/hello");
  static final Name NOWHERE = Name.parse("/selftest/nowhere");
  static final Name SILENT = Name.parse("/selftest/silent");
  static final Name AGG = Name.parse("/selftest/agg");
  static final Name OBJECT = Name.parse("/selftest/object");
  static final Name FAR = Name.parse("/selftest/far");

  private EngineSelfTest() {}

  /**
   * Runs the scenario and builds the report: one {@code section.label: value} line per observation, each ending
   * with a newline, the last one {@code end.lines: <number of lines before it>}. Never throws: an exception escaping
   * a section is reported as that section's {@code aborted} line and the next section runs.
   */
  public static String run() {
    Report r = new Report();
    Scenario s = new Scenario(r);
    section(r, "setup", s::setup);
    section(r, "express", s::express);
    section(r, "cs", s::contentStoreHit);
    section(r, "nack", s::nack);
    section(r, "timeout", s::timeout);
    section(r, "aggregate", s::aggregate);
    section(r, "fetch", s::fetch);
    section(r, "tables", s::tables);
    section(r, "link", s::link);
    section(r, "close", s::close);
    r.section("end");
    r.line("lines", r.lineCount());
    return r.toString();
  }

  private static void section(Report r, String name, Runnable body) {
    r.section(name);
    try {
      body.run();
    } catch (RuntimeException e) {
      r.section(name);
      r.line("aborted", describe(e));
    }
  }

  /**
   * A 32-bit xorshift generator: the same sequence on the JVM and in JavaScript (unlike {@code java.util.Random},
   * whose TeaVM implementation is not required to match).
   */
  static final class XorShiftRandom implements RandomSource {
    private int x;
    int calls;

    XorShiftRandom(int seed) {
      x = seed == 0 ? 1 : seed;
    }

    @Override
    public int nextInt() {
      calls++;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x;
    }
  }

  /** The scenario's state; each method is one section and runs after the previous ones. */
  private static final class Scenario {
    final Report r;
    final ManualClock clock = new ManualClock();
    final XorShiftRandom random = new XorShiftRandom(SEED);
    Engine engine;
    Consumer consumer;
    Producer producer;
    int helloCalls;
    int silentCalls;
    int aggCalls;
    Data helloData;

    Scenario(Report r) {
      this.r = r;
    }

    void setup() {
      engine = Engine.builder().manual(clock).random(random).contentStore(new LruContentStore(clock, 1 << 20))
          .build();
      r.line("inLoop", engine.inLoop());
      r.line("taskQueue", engine.tasks() instanceof SchedulerTaskQueue ? "SchedulerTaskQueue" : "other");
      r.line("cs", engine.forwarder().cs() instanceof LruContentStore ? "LruContentStore" : "other");
      r.line("cs.capacityBytes", engine.forwarder().cs().capacityBytes());
      consumer = engine.consumer();
      producer = engine.producer();
      r.line("consumerFace", describeFace(consumer.face().face()));
      r.line("producerFace", describeFace(producer.face().face()));
      producer.produce(HELLO, (interest, responder) -> {
        helloCalls++;
        responder.data(Data.builder(interest.name())
            .content("hello from ndnj".getBytes(StandardCharsets.UTF_8))
            .freshnessPeriod(10_000)
            .signWithDigestSha256());
      });
      clock.runDue();
      r.line("faces", engine.forwarder().faceTable().size());
      r.line("fib", describeFib(engine.forwarder()));
    }

    /** A consumer expresses an Interest; the producer answers with a DigestSha256-signed Data. */
    void express() {
      Promise<Data> p = consumer.express(HELLO);
      r.line("doneBeforeRun", p.isDone());
      clock.runDue();
      r.line("result", outcome(p));
      Data d = p.value();
      helloData = d;
      r.line("name", d.name().toString());
      r.line("content", Report.hex(d.content()));
      r.line("contentText", text(d));
      r.line("freshnessPeriod", d.freshnessPeriod());
      r.line("signatureType", d.signatureInfo().type());
      r.line("digestValid", d.verifyDigestSha256());
      r.line("implicitDigest", Report.hex(d.implicitDigest()));
      r.line("fullName", d.fullName().toString());
      r.line("wire", Report.hex(d.wire()));
      r.line("producerCalls", helloCalls);
      r.line("forwarder", csCounters(engine.forwarder().counters()));
      r.line("pit", engine.forwarder().pit().size());
      r.line("consumer", describe(consumer.counters()));
    }

    /** The same Interest again is answered from the Content Store; the producer is not asked. */
    void contentStoreHit() {
      Promise<Data> p = consumer.express(HELLO);
      clock.runDue();
      r.line("result", outcome(p));
      r.line("sameWire", Report.hex(p.value().wire()).equals(Report.hex(helloData.wire())));
      r.line("forwarder", csCounters(engine.forwarder().counters()));
      r.line("store", describe(engine.forwarder().cs().counters()));
      r.line("producerCalls", helloCalls);
      // the full name (with the implicit digest) finds the same Data in the store
      Promise<Data> full = consumer.express(helloData.fullName());
      clock.runDue();
      r.line("fullNameResult", outcome(full));
      r.line("fullNameForwarder", csCounters(engine.forwarder().counters()));
      r.line("fullNameProducerCalls", helloCalls);
    }

    /** No route: the forwarder Nacks NoRoute. */
    void nack() {
      Promise<Data> p = consumer.express(NOWHERE);
      clock.runDue();
      r.line("result", outcome(p));
      Throwable e = p.error();
      if (e instanceof NackException) {
        NackException n = (NackException) e;
        r.line("reason", n.reasonName());
        r.line("reasonCode", n.reason());
        r.line("nackedName", n.interest().name().toString());
      }
      r.line("outNacks", engine.forwarder().counters().outNacks());
      r.line("pit", engine.forwarder().pit().size());
    }

    /** A producer that never answers: the expression times out after the Interest's lifetime, not before. */
    void timeout() {
      producer.produce(SILENT, (interest, responder) -> silentCalls++);
      Interest i = Interest.builder(SILENT.append(Component.generic("1"))).lifetime(1000).build();
      Promise<Data> p = consumer.express(i);
      clock.runDue();
      r.line("producerCalls", silentCalls);
      r.line("pit", engine.forwarder().pit().size());
      clock.advance(999);
      r.line("after999ms", outcome(p));
      clock.advance(1);
      r.line("after1000ms", outcome(p));
      Throwable e = p.error();
      if (e instanceof InterestTimeoutException) {
        r.line("attempts", ((InterestTimeoutException) e).attempts());
      }
      r.line("now", clock.monotonicMillis());
      r.line("pitAfter", engine.forwarder().pit().size());
      r.line("unsatisfied", engine.forwarder().counters().unsatisfiedInterests());
      r.line("consumer", describe(consumer.counters()));
    }

    /** Two consumers on two faces ask for the same name: one PIT entry, one producer call, both answered. */
    void aggregate() {
      List<Responder> held = new ArrayList<>();
      producer.produce(AGG, (interest, responder) -> {
        aggCalls++;
        held.add(responder);
      });
      AppFace second = engine.newAppFace();
      r.line("secondFace", describeFace(second.face()));
      Name x = AGG.append(Component.generic("x"));
      Promise<Data> p1 = consumer.express(x);
      Promise<Data> p2 = second.consumer().express(x);
      clock.runDue();
      r.line("producerCalls", aggCalls);
      r.line("pit", engine.forwarder().pit().size());
      List<PitEntry> entries = engine.forwarder().pit().entries();
      if (!entries.isEmpty()) {
        PitEntry e = entries.get(0);
        r.line("entry", e.name() + " inRecords=" + e.inRecords().size() + " outRecords=" + e.outRecords().size());
      }
      r.line("beforeAnswer", outcome(p1) + " / " + outcome(p2));
      Data d = Data.builder(x).content(new byte[] {1, 2, 3, 4}).freshnessPeriod(1000).signWithDigestSha256();
      held.get(0).data(d);
      clock.runDue();
      r.line("consumer1", outcome(p1));
      r.line("consumer2", outcome(p2));
      r.line("sameData", p1.isDone() && p2.isDone() && p1.error() == null && p2.error() == null
          && Report.hex(p1.value().wire()).equals(Report.hex(p2.value().wire())));
      r.line("producerCallsAfter", aggCalls);
      r.line("pitAfter", engine.forwarder().pit().size());
      r.line("producerFace", describeCounters(producer.face().face()));
    }

    /** A 5000-octet object in 1024-octet segments, fetched with version discovery. */
    void fetch() {
      byte[] content = objectContent(OBJECT_LENGTH);
      SegmentedProducer.serve(producer, OBJECT, content, SEGMENT_SIZE, OBJECT_VERSION);
      StringBuilder progress = new StringBuilder();
      int[] progressCalls = {0};
      FetchOptions options = FetchOptions.DEFAULT.withWindow(3).withProgress((done, total, bytes) -> {
        progressCalls[0]++;
        progress.append(progress.length() == 0 ? "" : " ").append(done).append('/').append(total).append(':')
            .append(bytes);
      });
      Promise<byte[]> f = SegmentedFetcher.fetch(consumer, OBJECT, options);
      clock.runDue();
      r.line("result", outcome(f));
      if (f.isDone() && f.error() == null) {
        byte[] got = f.value();
        r.line("length", got.length);
        r.line("sha256", Report.hex(Sha256.digest(got)));
        r.line("equalsContent", Arrays.equals(content, got));
      }
      r.line("expectedSha256", Report.hex(Sha256.digest(content)));
      r.line("progressCalls", progressCalls[0]);
      r.line("progress", progress.toString());
      r.line("cs.size", engine.forwarder().cs().size());
      r.line("consumer", describe(consumer.counters()));
      r.line("pit", engine.forwarder().pit().size());
    }

    /** The tables and counters once every PIT entry has expired. */
    void tables() {
      clock.advance(5000);
      Forwarder fw = engine.forwarder();
      r.line("now", clock.monotonicMillis());
      r.line("pit", fw.pit().size());
      r.line("fib.size", fw.fib().size());
      r.line("fib", describeFib(fw));
      ContentStore cs = fw.cs();
      r.line("cs.size", cs.size());
      r.line("cs.sizeBytes", cs.sizeBytes());
      r.line("cs.counters", describe(cs.counters()));
      r.line("deadNonceList", fw.deadNonceList().size());
      r.line("forwarder", describe(fw.counters()));
      r.line("faces", fw.faceTable().size());
      for (Face f : fw.faceTable().faces()) {
        r.line("face." + f.id(), describeFace(f) + " " + describeCounters(f));
      }
      r.line("consumer", describe(consumer.counters()));
      r.line("consumer.pending", consumer.pendingCount());
      r.line("random.calls", random.calls);
    }

    /**
     * Two engines joined by a MemoryLink (MTU 1400, 2 ms latency) with a GenericLinkService on each side: an
     * 8000-octet Data from the far engine's producer reaches the near engine's consumer in fragments.
     */
    void link() {
      Engine near = Engine.builder().manual(clock).random(random).contentStore(new LruContentStore(clock, 1 << 20))
          .build();
      Engine far = Engine.builder().manual(clock).random(random).contentStore(new LruContentStore(clock, 1 << 20))
          .build();
      MemoryLink link = MemoryLink.pair(clock, clock, new MemoryLink.Config().name("selftest").mtu(MTU)
          .latencyMillis(2));
      Face nearFace = new Face(new GenericLinkService(new GenericLinkService.Options(clock, clock, random)), link.a());
      Face farFace = new Face(new GenericLinkService(new GenericLinkService.Options(clock, clock, random)), link.b());
      near.forwarder().faceTable().add(nearFace);
      far.forwarder().faceTable().add(farFace);
      near.forwarder().fib().addOrUpdateNextHop(FAR, nearFace, 10);
      r.line("nearFace", describeFace(nearFace));
      r.line("farFace", describeFace(farFace));

      Name big = FAR.append(Component.generic("big"));
      Data sent = Data.builder(big).content(objectContent(BIG_DATA_LENGTH)).freshnessPeriod(10_000)
          .signWithDigestSha256();
      int[] farCalls = {0};
      far.producer().produce(FAR, (interest, responder) -> {
        farCalls[0]++;
        responder.data(sent);
      });
      clock.runDue();
      r.line("dataWireLength", sent.wireLength());

      Promise<Data> p = near.consumer().express(big);
      clock.runDue();
      r.line("afterRunDue", outcome(p));
      clock.advance(1);
      r.line("after1ms", outcome(p));
      clock.advance(1);
      r.line("after2ms", outcome(p) + " farCalls=" + farCalls[0]);
      clock.advance(1);
      r.line("after3ms", outcome(p));
      clock.advance(1);
      r.line("after4ms", outcome(p));
      if (p.isDone() && p.error() == null) {
        Data got = p.value();
        r.line("contentLength", got.contentLength());
        byte[] c = new byte[got.contentLength()];
        got.content().duplicate().get(c);
        r.line("contentSha256", Report.hex(Sha256.digest(c)));
        r.line("implicitDigest", Report.hex(got.implicitDigest()));
        r.line("sameAsSent", Report.hex(got.wire()).equals(Report.hex(sent.wire())));
        r.line("digestValid", got.verifyDigestSha256());
      }
      r.line("near", describeCounters(nearFace));
      r.line("far", describeCounters(farFace));
      FaceCounters fc = farFace.counters();
      r.line("fragmentsSent", fc.outFrames());
      r.line("fragmentsReceived", nearFace.counters().inFrames());
      r.line("framesFitMtu", fc.outBytes() <= (long) MTU * fc.outFrames());
      GenericLinkService nearLink = (GenericLinkService) nearFace.linkService();
      r.line("reassembly", "partial=" + nearLink.reassemblyPartialCount() + " bytesHeld="
          + nearLink.reassemblyBytesHeld() + " duplicates=" + nearLink.duplicateFragmentsReceived() + " drops="
          + nearFace.counters().totalDrops());

      // asked again at the near engine: answered from its Content Store, no frame crosses the link
      Promise<Data> again = near.consumer().express(big);
      clock.advance(10);
      r.line("again", outcome(again));
      r.line("againFrames", "near.out=" + nearFace.counters().outFrames() + " far.out="
          + farFace.counters().outFrames());
      r.line("near.forwarder", describe(near.forwarder().counters()));
      r.line("far.forwarder", describe(far.forwarder().counters()));
      r.line("farCalls", farCalls[0]);
      near.close();
      far.close();
      clock.runDue();
      r.line("closed", "near.faces=" + near.forwarder().faceTable().size() + " far.faces="
          + far.forwarder().faceTable().size());
    }

    /** Closing the engine fails what is pending and removes every face. */
    void close() {
      Promise<Data> p = consumer.express(Interest.builder(SILENT.append(Component.generic("2")))
          .lifetime(60_000).build());
      clock.runDue();
      r.line("before", outcome(p));
      engine.close();
      clock.runDue();
      r.line("after", outcome(p));
      r.line("faces", engine.forwarder().faceTable().size());
      r.line("fib", engine.forwarder().fib().size());
      r.line("pit", engine.forwarder().pit().size());
      r.line("isClosed", engine.isClosed());
      r.line("expressAfterClose", outcome(consumer.express(HELLO)));
      r.line("random.calls", random.calls);
    }
  }

  /** Deterministic content: a simple byte pattern that is not periodic in 256. */
  static byte[] objectContent(int length) {
    byte[] b = new byte[length];
    int v = 17;
    for (int i = 0; i < length; i++) {
      v = v * 1103515245 + 12345;
      b[i] = (byte) (v >>> 16);
    }
    return b;
  }

  private static String text(Data d) {
    byte[] b = new byte[d.contentLength()];
    d.content().duplicate().get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** What a promise holds, as report text. */
  static String outcome(Promise<?> p) {
    if (!p.isDone()) {
      return "pending";
    }
    Throwable e = p.error();
    if (e != null) {
      return "failed " + describe(e);
    }
    Object v = p.value();
    if (v instanceof Data) {
      Data d = (Data) v;
      return "data " + d.name() + " (" + d.contentLength() + " octets)";
    }
    if (v instanceof byte[]) {
      return "bytes " + ((byte[]) v).length;
    }
    return v == null ? "null" : "value";
  }

  /** A failure as report text: the engine's own exceptions keep their message (part of what is checked). */
  static String describe(Throwable e) {
    if (e instanceof NackException) {
      return "NackException: " + e.getMessage();
    }
    if (e instanceof InterestTimeoutException) {
      return "InterestTimeoutException: " + e.getMessage();
    }
    if (e instanceof FetchException) {
      return "FetchException: " + e.getMessage();
    }
    if (e instanceof ValidationException) {
      return "ValidationException: " + e.getMessage();
    }
    if (e instanceof CancellationException) {
      return "CancellationException";
    }
    if (e instanceof RuntimeException) {
      return Report.describe((RuntimeException) e);
    }
    return e instanceof Error ? "Error" : "Throwable";
  }

  private static String describeFace(Face f) {
    return "id=" + f.id() + " " + f.remoteUri() + " scope=" + f.scope().name().toLowerCase() + " link="
        + f.linkType().name().toLowerCase() + " mtu=" + f.transport().mtu() + " up=" + f.isUp();
  }

  private static String describeCounters(Face f) {
    FaceCounters c = f.counters();
    return c + " frames=" + c.inFrames() + "/" + c.outFrames();
  }

  private static String describeFib(Forwarder fw) {
    StringBuilder sb = new StringBuilder();
    for (FibEntry e : fw.fib().entries()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(e.prefix()).append(" ->");
      for (NextHop h : e.nextHops()) {
        sb.append(' ').append(h.face().id()).append(":").append(h.cost());
      }
    }
    return sb.length() == 0 ? "empty" : sb.toString();
  }

  private static String csCounters(ForwarderCounters c) {
    return "csHits=" + c.csHits() + " csMisses=" + c.csMisses();
  }

  private static String describe(ForwarderCounters c) {
    return "inInterests=" + c.inInterests() + " outInterests=" + c.outInterests() + " inData=" + c.inData()
        + " outData=" + c.outData() + " inNacks=" + c.inNacks() + " outNacks=" + c.outNacks()
        + " satisfied=" + c.satisfiedInterests() + " unsatisfied=" + c.unsatisfiedInterests()
        + " csHits=" + c.csHits() + " csMisses=" + c.csMisses() + " loops=" + c.loops()
        + " unsolicited=" + c.unsolicitedData() + " nacksDropped=" + c.nacksDropped();
  }

  private static String describe(ContentStoreCounters c) {
    return "hits=" + c.hits() + " misses=" + c.misses() + " inserts=" + c.inserts() + " evictions="
        + c.evictions();
  }

  private static String describe(ConsumerCounters c) {
    return "expressed=" + c.expressed() + " retransmitted=" + c.retransmitted() + " satisfied=" + c.satisfied()
        + " nacked=" + c.nacked() + " timedOut=" + c.timedOut() + " unmatched=" + c.unmatched();
  }
}
