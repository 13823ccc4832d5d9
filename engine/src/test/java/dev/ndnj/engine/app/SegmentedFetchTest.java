package dev.ndnj.engine.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.SignatureInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentedFetchTest {
  private static final Name PREFIX = Name.parse("/files/report");
  private static final long VERSION = 7;

  private final ManualEngine m = new ManualEngine();
  private final byte[] content = pattern(1000);
  private final SegmentedProducer source = new SegmentedProducer(PREFIX, content, 100, VERSION, 10_000);
  private final List<Interest> seen = new ArrayList<>();
  private int inFlight;
  private int maxInFlight;

  private static byte[] pattern(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 7 + i / 256);
    }
    return b;
  }

  /** Serves {@link #source}, answering each Interest 10 ms later, except segments for which {@code answer} says no. */
  private void serveDelayed(java.util.function.BiPredicate<Interest, Responder> answer) {
    m.engine.producer().produce(PREFIX, (interest, responder) -> {
      seen.add(interest);
      if (!answer.test(interest, responder)) {
        return;
      }
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      m.clock.schedule(10, () -> {
        inFlight--;
        source.onInterest(interest, responder);
      });
    });
  }

  private static long segmentOf(Interest i) {
    Component last = i.name().get(-1);
    return last.isSegment() ? last.toNumber() : -1;
  }

  private void runFor(long millis) {
    m.settle();
    for (long t = 0; t < millis; t += 10) {
      m.clock.advance(10);
    }
  }

  @Test
  void producerCutsTheContentIntoSignedSegmentsWithFinalBlockId() {
    assertEquals(10, source.segmentCount());
    Data seg3 = source.segment(3);
    assertEquals(PREFIX.append(Component.version(VERSION), Component.segment(3)), seg3.name());
    assertEquals(Component.segment(9), seg3.finalBlockId());
    assertEquals(100, seg3.contentLength());
    assertTrue(seg3.verifyDigestSha256());
    assertEquals(10_000, seg3.freshnessPeriod());
  }

  @Test
  void segmentsAreSignedByTheGivenFunctionOnceEach() {
    List<Data> signed = new ArrayList<>();
    SignatureInfo hmac = SignatureInfo.builder(4).build();
    SegmentedProducer p = new SegmentedProducer(PREFIX, pattern(250), 100, VERSION, 10_000, b -> {
      Data d = b.build(hmac, new byte[32]);
      signed.add(d);
      return d;
    });
    Data seg1 = p.segment(1);
    assertEquals(4, seg1.signatureInfo().type(), "signed by the function, not with DigestSha256");
    assertEquals(Component.segment(2), seg1.finalBlockId());
    assertEquals(List.of(seg1), signed);
    assertTrue(p.segment(1) == seg1, "built and signed once, then kept");
    assertEquals(1, signed.size());
  }

  @Test
  void fetchesTenSegmentsWithAWindowOfFour() {
    serveDelayed((i, r) -> true);
    List<long[]> progress = new ArrayList<>();
    FetchOptions options = FetchOptions.DEFAULT.withWindow(4)
        .withProgress((done, total, bytes) -> progress.add(new long[] {done, total, bytes}));
    Promise<byte[]> p = SegmentedFetcher.fetch(m.engine.consumer(), source.versionedName(), options);
    runFor(200);
    assertArrayEquals(content, p.value());
    assertEquals(4, maxInFlight, "at most 4 Interests outstanding, and the window is used");
    assertEquals(10, seen.size());
    assertEquals(10, progress.size());
    assertArrayEquals(new long[] {10, 10, 1000}, progress.get(9));
    assertEquals(0, m.engine.consumer().pendingCount());
  }

  @Test
  void discoversTheVersionFirstWhenThePrefixHasNone() {
    serveDelayed((i, r) -> true);
    Promise<byte[]> p = SegmentedFetcher.fetch(m.engine.consumer(), PREFIX, FetchOptions.DEFAULT.withWindow(4));
    runFor(200);
    assertArrayEquals(content, p.value());
    Interest first = seen.get(0);
    assertEquals(PREFIX, first.name());
    assertTrue(first.canBePrefix());
    assertTrue(first.mustBeFresh());
    // segment 0 came with the discovery answer and is not asked for again
    assertEquals(10, seen.size());
  }

  @Test
  void segmentsPastTheFinalBlockAreNotWaitedFor() {
    SegmentedProducer small = new SegmentedProducer(PREFIX, pattern(250), 100, VERSION, 10_000);
    m.engine.producer().produce(PREFIX, (i, r) -> {
      seen.add(i);
      m.clock.schedule(10, () -> small.onInterest(i, r));
    });
    Promise<byte[]> p = SegmentedFetcher.fetch(m.engine.consumer(), small.versionedName(), FetchOptions.DEFAULT);
    runFor(50);
    assertArrayEquals(pattern(250), p.value());
    assertEquals(8, seen.size(), "the first window went past the end before FinalBlockId was known");
  }

  @Test
  void emptyContentIsOneEmptySegment() {
    SegmentedProducer.serve(m.engine.producer(), PREFIX, new byte[0], 100, 1);
    Promise<byte[]> p = SegmentedFetcher.fetch(m.engine.consumer(), PREFIX, FetchOptions.DEFAULT);
    runFor(10);
    assertEquals(0, p.value().length);
  }

  @Test
  void aSegmentThatNeverComesFailsTheFetchAfterItsRetransmissions() {
    serveDelayed((i, r) -> segmentOf(i) != 5);
    FetchOptions options = FetchOptions.DEFAULT.withWindow(4).withRetries(2).withLifetime(1000);
    Promise<byte[]> p = SegmentedFetcher.fetch(m.engine.consumer(), PREFIX, options);
    runFor(2900);
    assertFalse(p.isDone());
    runFor(200);
    InterestTimeoutException e = assertInstanceOf(InterestTimeoutException.class, p.error());
    assertEquals(5, segmentOf(e.interest()));
    assertEquals(3, e.attempts());
    long asked5 = seen.stream().filter(i -> segmentOf(i) == 5).count();
    assertEquals(3, asked5);
  }

  @Test
  void aNackedSegmentFailsTheFetch() {
    serveDelayed((i, r) -> {
      if (segmentOf(i) == 3) {
        r.nack(NackReason.CONGESTION);
        return false;
      }
      return true;
    });
    Promise<byte[]> p = SegmentedFetcher.fetch(m.engine.consumer(), PREFIX, FetchOptions.DEFAULT.withWindow(4));
    runFor(200);
    NackException e = assertInstanceOf(NackException.class, p.error());
    assertEquals(NackReason.CONGESTION, e.reason());
    assertEquals(3, segmentOf(e.interest()));
  }

  @Test
  void discoveryWithoutVersionIsAFetchException() {
    m.engine.producer().produce(PREFIX, (i, r) -> r.data(Data.builder(PREFIX.append("plain")).freshnessPeriod(1000)
        .content(new byte[] {1}).signWithDigestSha256()));
    Promise<byte[]> p = SegmentedFetcher.fetch(m.engine.consumer(), PREFIX, FetchOptions.DEFAULT);
    runFor(10);
    FetchException e = assertInstanceOf(FetchException.class, p.error());
    assertTrue(e.getMessage().contains("no version"), e.getMessage());
  }

  @Test
  void cancellingTheFetchStopsIt() {
    serveDelayed((i, r) -> segmentOf(i) < 2);
    Promise<byte[]> p = SegmentedFetcher.fetch(m.engine.consumer(), source.versionedName(),
        FetchOptions.DEFAULT.withWindow(2));
    runFor(30);
    assertTrue(p.cancel());
    int asked = seen.size();
    runFor(10_000);
    assertEquals(asked, seen.size(), "no Interest after cancel");
    assertEquals(0, m.engine.consumer().pendingCount());
  }

  @Test
  void aSecondFetchIsServedFromTheContentStore() {
    serveDelayed((i, r) -> true);
    Promise<byte[]> first = SegmentedFetcher.fetch(m.engine.consumer(), source.versionedName(), FetchOptions.DEFAULT);
    runFor(100);
    assertNotNull(first.value());
    int asked = seen.size();
    Promise<byte[]> second = SegmentedFetcher.fetch(m.engine.newAppFace().consumer(), source.versionedName(),
        FetchOptions.DEFAULT);
    m.settle();
    assertArrayEquals(content, second.value());
    assertEquals(asked, seen.size());
  }
}
