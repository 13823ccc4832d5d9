package dev.ndnj.engine.fw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.LruContentStore;
import dev.ndnj.engine.table.PitEntry;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyChoiceTest {
  private static final String BEST_ROUTE = "/localhost/nfd/strategy/best-route/v=5";
  private static final String MULTICAST = "/localhost/nfd/strategy/multicast/v=4";

  private final ManualClock clock = new ManualClock();
  private final Forwarder fw =
      new Forwarder(new ForwarderConfig(), clock, clock, () -> 1, new LruContentStore(clock, 1 << 20));
  private final StrategyChoice sc = fw.strategyChoice();

  private static Name n(String uri) {
    return Name.parse(uri);
  }

  private String effective(String uri) {
    return sc.findEffectiveStrategy(n(uri)).instanceName();
  }

  @Test
  void nfdDefaults() {
    assertEquals(Map.of(Name.ROOT, BEST_ROUTE, n("/localhost"), MULTICAST, n("/localhost/nfd"), BEST_ROUTE,
        n("/ndn/broadcast"), MULTICAST), sc.entries());
    assertEquals(BEST_ROUTE, effective("/a/b"));
    assertEquals(MULTICAST, effective("/localhost/x"));
    assertEquals(BEST_ROUTE, effective("/localhost/nfd/rib/register"));
    assertEquals(MULTICAST, effective("/ndn/broadcast/chat"));
    assertEquals(BEST_ROUTE, effective("/ndn/other"));
    assertInstanceOf(BestRouteStrategy.class, sc.findEffectiveStrategy(n("/x")));
    assertInstanceOf(MulticastStrategy.class, sc.findEffectiveStrategy(n("/localhost")));
  }

  @Test
  void availableStrategiesCarryTheirVersions() {
    assertEquals(List.of(BEST_ROUTE, MULTICAST), sc.available());
  }

  @Test
  void setWithoutVersionTakesTheNewest() {
    Strategy s = sc.set(n("/a"), "/localhost/nfd/strategy/multicast");
    assertEquals(MULTICAST, s.instanceName());
    assertSame(s, sc.findEffectiveStrategy(n("/a/b/c")));
    assertEquals(BEST_ROUTE, effective("/ab"));
  }

  @Test
  void setWithTheRegisteredVersion() {
    Strategy s = sc.set(n("/a/b"), MULTICAST);
    assertEquals(MULTICAST, effective("/a/b/c"));
    assertEquals(BEST_ROUTE, effective("/a"));
    // setting again replaces the instance
    Strategy t = sc.set(n("/a/b"), BEST_ROUTE);
    assertNotSame(s, t);
    assertEquals(BEST_ROUTE, effective("/a/b/c"));
  }

  @Test
  void unknownStrategyOrVersionIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> sc.set(n("/a"), "/localhost/nfd/strategy/best-route/v=99"));
    assertThrows(IllegalArgumentException.class, () -> sc.set(n("/a"), "/localhost/nfd/strategy/best-route/v=4"));
    assertThrows(IllegalArgumentException.class, () -> sc.set(n("/a"), "/localhost/nfd/strategy/unknown"));
    assertThrows(IllegalArgumentException.class, () -> sc.set(n("/a"), "/localhost/nfd/strategy/unknown/v=1"));
    assertFalse(sc.entries().containsKey(n("/a")));
  }

  @Test
  void unsetFallsBackToTheParent() {
    sc.set(n("/a"), MULTICAST);
    assertTrue(sc.unset(n("/a")));
    assertFalse(sc.unset(n("/a")));
    assertEquals(BEST_ROUTE, effective("/a/b"));
    assertTrue(sc.unset(n("/localhost/nfd")));
    assertEquals(MULTICAST, effective("/localhost/nfd/status"));
  }

  @Test
  void rootCannotBeUnset() {
    assertThrows(IllegalArgumentException.class, () -> sc.unset(Name.ROOT));
    assertEquals(BEST_ROUTE, effective("/"));
  }

  @Test
  void aRegisteredStrategyCanBeChosen() {
    sc.register("/localhost/nfd/strategy/drop", 1, f -> new Strategy(f, "/localhost/nfd/strategy/drop/v=1") {
      @Override
      public void afterReceiveInterest(Interest interest, Face ingress, PitEntry entry) {}
    });
    assertEquals("/localhost/nfd/strategy/drop/v=1", sc.set(n("/d"), "/localhost/nfd/strategy/drop").instanceName());
    assertEquals("/localhost/nfd/strategy/drop/v=1", effective("/d/e"));
    assertTrue(sc.available().contains("/localhost/nfd/strategy/drop/v=1"));
  }

  @Test
  void aPitEntryKeepsItsStrategyUntilTheChoicesChange() {
    PitEntry e = fw.pit().insert(Interest.builder(n("/p/q")).build());
    Strategy first = sc.findEffectiveStrategy(e);
    assertInstanceOf(BestRouteStrategy.class, first);
    assertSame(first, sc.findEffectiveStrategy(e));
    Strategy multicast = sc.set(n("/p"), MULTICAST);
    assertSame(multicast, sc.findEffectiveStrategy(e), "a new choice applies to pending entries at once");
    assertSame(multicast, sc.findEffectiveStrategy(e));
    assertTrue(sc.unset(n("/p")));
    assertInstanceOf(BestRouteStrategy.class, sc.findEffectiveStrategy(e), "and so does an unset");
    assertFalse(sc.unset(n("/p")));
    Strategy root = sc.findEffectiveStrategy(e);
    sc.set(n("/elsewhere"), MULTICAST); // any change: looked up again, same answer
    assertSame(root, sc.findEffectiveStrategy(e));
    assertSame(sc.findEffectiveStrategy(n("/p/q")), sc.findEffectiveStrategy(e));
  }
}
