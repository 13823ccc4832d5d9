package dev.ndnj.bench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.table.Fib;
import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jol.info.GraphLayout;

/**
 * Checks that the engine benchmarks measure what they say: their setups really exchange packets (the consumer gets
 * a Data for every Interest, from the producer or from the Content Store as intended), the FIB lookups match the
 * routes the workload says they match, and the footprint figures count the table's objects. A broken benchmark fails
 * the build instead of reporting a fast nothing.
 */
class EngineBenchmarksTest {
  private static final int INVOCATIONS = 20;

  @ParameterizedTest
  @ValueSource(strings = {"lru:built", "caffeine:built", "lru:received", "caffeine:received", "lru:batched",
      "caffeine:batched"})
  void exchangeBenchmarkGetsEveryDataFromTheProducer(String variant) {
    ExchangeBenchmark b = new ExchangeBenchmark();
    b.cs = variant.substring(0, variant.indexOf(':'));
    b.csBytes = 1 << 20;
    b.setUp();
    String mode = variant.substring(variant.indexOf(':') + 1);
    try {
      b.rig().setChecking(true);
      for (int i = 0; i < INVOCATIONS; i++) {
        switch (mode) {
          case "received" -> b.exchangeReceived();
          case "batched" -> b.exchangeReceivedBatched();
          default -> b.exchange();
        }
      }
      b.rig().drain();
      long n = (long) INVOCATIONS * ExchangeBenchmark.BATCH;
      ExchangeRig.Counts c = b.rig().counts();
      assertEquals(n, c.producerInterests(), "Interests forwarded to the producer: " + c);
      assertEquals(0, c.producerMismatches(), "Data staged for another name: " + c);
      assertEquals(0, c.producerUnanswered(), c.toString());
      assertEquals(n, c.producerData(), c.toString());
      assertEquals(n, c.consumerData(), "Data back at the consumer: " + c);
      assertEquals(0, c.consumerNacks(), c.toString());
      assertEquals(n, c.csMisses(), "every Interest is new to the CS: " + c);
      assertEquals(0, c.csHits(), c.toString());
      assertEquals(n, c.satisfied(), "every PIT entry finalized as satisfied: " + c);
      assertEquals(0, c.pitSize(), c.toString());
      assertTrue(c.storeSize() > 100, "the CS caches the Data: " + c);
    } finally {
      b.tearDown();
    }
  }

  @Test
  void cpuRateCountsTheForwardingThreadsTimePerExchange() {
    double[][] r = ExchangeCpuRate.measure("lru", 1 << 20, "received", 3, 20);
    for (double[] rates : r) {
      assertEquals(3, rates.length);
      for (int i = 0; i < rates.length; i++) {
        assertTrue(rates[i] > 0 && Double.isFinite(rates[i]), "a rate per round: " + Arrays.toString(rates));
        assertTrue(i == 0 || rates[i] >= rates[i - 1], "sorted: " + Arrays.toString(rates));
      }
    }
    // the forwarding thread cannot have spent more CPU time than the wall-clock time its rounds took
    assertTrue(r[0][2] >= r[1][0], "CPU rate " + Arrays.toString(r[0]) + " vs wall " + Arrays.toString(r[1]));
  }

  @Test
  void buildAndDecodeBaselinesForwardNothing() {
    ExchangeBenchmark b = new ExchangeBenchmark();
    b.cs = "lru";
    b.csBytes = 1 << 20;
    b.setUp();
    try {
      for (int i = 0; i < INVOCATIONS; i++) {
        b.buildPacketsOnly();
        b.decodeReceivedOnly();
      }
      b.rig().drain();
      ExchangeRig.Counts c = b.rig().counts();
      assertEquals(0, c.producerInterests(), c.toString());
      assertEquals(0, c.consumerData(), c.toString());
    } finally {
      b.tearDown();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lru", "caffeine"})
  void csHitBenchmarkGetsEveryDataFromTheContentStore(String cs) {
    CsHitExchangeBenchmark b = new CsHitExchangeBenchmark();
    b.cs = cs;
    b.workingSet = 1024;
    b.setUp();
    try {
      for (int i = 0; i < INVOCATIONS; i++) {
        b.exchange();
      }
      b.rig().drain();
      long n = (long) INVOCATIONS * ExchangeBenchmark.BATCH;
      ExchangeRig.Counts c = b.rig().counts();
      assertEquals(n, c.consumerData(), "Data back at the consumer: " + c);
      assertEquals(n, c.csHits(), "every Interest answered by the CS: " + c);
      assertEquals(0, c.csMisses(), c.toString());
      assertEquals(n, c.storeHits(), c.toString());
      assertEquals(0, c.producerInterests(), "nothing reaches the producer: " + c);
      assertEquals(1024, c.storeSize(), "the working set stays in the CS: " + c);
      assertEquals(0, c.pitSize(), c.toString());
      for (int i = 0; i < INVOCATIONS; i++) {
        b.decodeInterestOnly();
      }
      b.rig().drain();
      assertEquals(n, b.rig().counts().consumerData(), "the decode baseline forwards nothing");
    } finally {
      b.tearDown();
    }
  }

  @Test
  void exchangePacketsAreUniqueAndMatch() {
    ExchangeWorkload w = new ExchangeWorkload(42);
    Set<Name> names = new HashSet<>();
    for (long s = 0; s < 3 * ExchangeWorkload.TEMPLATES; s++) {
      Interest i = w.interest(s);
      Data d = w.data(s);
      assertTrue(i.matches(d), "Data " + s + " answers its Interest");
      assertTrue(names.add(i.name()), "name " + i.name() + " is new");
      assertEquals(7, i.name().size());
      assertTrue(i.hasNonce());
      assertFalse(i.hasHopLimit(), "no HopLimit: the forwarder does not copy the Interest");
    }
  }

  @Test
  void fibLookupsMatchTheIntendedRoutes() {
    FibLookupBenchmark b = new FibLookupBenchmark();
    b.routes = 1000;
    b.setUp();
    Fib fib = b.fib();
    assertEquals(1000, fib.size());
    List<FibWorkload.Lookup> lookups = FibWorkload.lookups(FibWorkload.routes(1000, 7), FibLookupBenchmark.LOOKUPS,
        FibLookupBenchmark.MISS_FRACTION, 11);
    int[] byDepth = new int[9];
    int misses = 0;
    for (FibWorkload.Lookup l : lookups) {
      FibEntry e = fib.findLongestPrefixMatch(l.name());
      assertTrue(l.name().size() >= 5 && l.name().size() <= 8, l.name().toString());
      if (l.expectedMatchLength() < 0) {
        assertFalse(e.hasNextHops(), "miss " + l.name() + " matched " + e.prefix());
        misses++;
      } else {
        assertTrue(e.hasNextHops(), "hit " + l.name());
        assertEquals(l.expectedMatchLength(), e.prefix().size(), l.name() + " matched " + e.prefix());
        byDepth[l.expectedMatchLength()]++;
      }
    }
    assertTrue(misses > 0.05 * lookups.size() && misses < 0.15 * lookups.size(), "misses " + misses);
    for (int depth = 2; depth <= 5; depth++) {
      assertTrue(byDepth[depth] > 0.02 * lookups.size(), "hits at depth " + depth + ": " + byDepth[depth]);
    }
    for (int i = 0; i < 2 * FibLookupBenchmark.LOOKUPS; i++) {
      assertNotNull(b.lookup());
      assertNotNull(b.lookupFreshName());
      assertNotNull(b.decodeNameOnly());
    }
  }

  @Test
  void footprintCountsOneSetOfTableObjectsPerEntry() throws InterruptedException {
    System.setProperty("jol.magicFieldOffset", "true");
    int n = 2000;
    GraphLayout pit = EngineFootprint.pitEntry(n);
    assertEquals(n, count(pit, "dev.ndnj.engine.table.PitEntry"), pit.toFootprint());
    assertEquals(n, count(pit, "dev.ndnj.engine.table.InRecord"), pit.toFootprint());
    assertEquals(n, count(pit, "dev.ndnj.engine.table.OutRecord"), pit.toFootprint());
    assertEquals(0, count(pit, "dev.ndnj.tlv.Interest"), "Interests are not counted: " + pit.toFootprint());
    double perPit = (double) pit.totalSize() / n;
    assertTrue(perPit > 150 && perPit < 1500, "bytes per PIT entry " + perPit);
    for (String impl : new String[] {"lru", "caffeine"}) {
      GraphLayout cs = EngineFootprint.csEntry(impl, n);
      assertEquals(0, count(cs, "dev.ndnj.tlv.Data"), "Data are not counted: " + cs.toFootprint());
      double perCs = (double) cs.totalSize() / n;
      assertTrue(perCs > 50 && perCs < 1500, impl + ": bytes per CS entry " + perCs);
    }
  }

  private static long count(GraphLayout g, String className) {
    return EngineFootprint.count(g, className);
  }
}
