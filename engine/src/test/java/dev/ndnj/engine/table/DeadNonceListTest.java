package dev.ndnj.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.tlv.Name;
import org.junit.jupiter.api.Test;

class DeadNonceListTest {
  private final ManualClock clock = new ManualClock();

  private static Name n(String uri) {
    return Name.parse(uri);
  }

  @Test
  void capacityMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new DeadNonceList(clock, 6000, 0));
  }

  @Test
  void aPairIsRememberedForSixSeconds() {
    DeadNonceList dnl = new DeadNonceList(clock, DeadNonceList.DEFAULT_LIFETIME_MILLIS, 100);
    assertEquals(6000, dnl.lifetime());
    dnl.add(n("/a/b"), 0x12345678);
    assertTrue(dnl.has(n("/a/b"), 0x12345678));
    assertFalse(dnl.has(n("/a/b"), 0x12345679), "other Nonce");
    assertFalse(dnl.has(n("/a"), 0x12345678), "other name");
    assertFalse(dnl.has(n("/a/b/c"), 0x12345678), "other name");
    clock.advance(5999);
    assertTrue(dnl.has(n("/a/b"), 0x12345678));
    assertEquals(1, dnl.size());
    clock.advance(1);
    assertFalse(dnl.has(n("/a/b"), 0x12345678));
    assertEquals(0, dnl.size());
  }

  @Test
  void pairsExpireInTheOrderTheyCame() {
    DeadNonceList dnl = new DeadNonceList(clock, 6000, 100);
    dnl.add(n("/a"), 1);
    clock.advance(1000);
    dnl.add(n("/a"), 2);
    dnl.add(n("/b"), 1);
    assertEquals(3, dnl.size());
    clock.advance(5000);
    assertFalse(dnl.has(n("/a"), 1));
    assertTrue(dnl.has(n("/a"), 2));
    assertTrue(dnl.has(n("/b"), 1));
    assertEquals(2, dnl.size());
    clock.advance(1000);
    assertEquals(0, dnl.size());
  }

  @Test
  void addingTheSamePairTwiceKeepsOneCopy() {
    DeadNonceList dnl = new DeadNonceList(clock, 6000, 100);
    dnl.add(n("/a"), 1);
    dnl.add(n("/a"), 1);
    assertEquals(1, dnl.size());
    assertTrue(dnl.has(n("/a"), 1));
  }

  @Test
  void capacityBoundForgetsTheOldestAndCountsIt() {
    DeadNonceList dnl = new DeadNonceList(clock, 6000, 3);
    dnl.add(n("/a"), 1);
    clock.advance(1);
    dnl.add(n("/a"), 2);
    dnl.add(n("/a"), 3);
    assertEquals(0, dnl.evictedEarly());
    dnl.add(n("/a"), 4);
    assertEquals(3, dnl.size());
    assertEquals(1, dnl.evictedEarly());
    assertFalse(dnl.has(n("/a"), 1), "the oldest went first");
    assertTrue(dnl.has(n("/a"), 2));
    assertTrue(dnl.has(n("/a"), 3));
    assertTrue(dnl.has(n("/a"), 4));
    dnl.add(n("/b"), 5);
    dnl.add(n("/b"), 6);
    assertEquals(3, dnl.evictedEarly());
    assertFalse(dnl.has(n("/a"), 2));
    assertFalse(dnl.has(n("/a"), 3));
    assertTrue(dnl.has(n("/b"), 6));
  }

  @Test
  void manyPairsThroughASmallListStayConsistent() {
    int capacity = 64;
    DeadNonceList dnl = new DeadNonceList(clock, 6000, capacity);
    for (int i = 0; i < 10_000; i++) {
      dnl.add(n("/p/" + (i % 37)), i);
      if (i % 7 == 0) {
        clock.advance(3);
      }
      // exactly the newest `capacity` pairs still younger than the lifetime are remembered
      assertTrue(dnl.has(n("/p/" + (i % 37)), i));
      if (i >= capacity) {
        assertFalse(dnl.has(n("/p/" + ((i - capacity) % 37)), i - capacity));
      }
      assertTrue(dnl.size() <= capacity);
    }
    assertEquals(10_000 - capacity, dnl.evictedEarly());
    clock.advance(6000);
    assertEquals(0, dnl.size());
  }

  @Test
  void aPairIsFoundByTheNamesHashAsByTheName() {
    DeadNonceList dnl = new DeadNonceList(clock, 6000, 100);
    Name name = n("/a/b");
    assertFalse(dnl.has(name.hashCode(), 7));
    dnl.add(name, 7);
    assertTrue(dnl.has(name.hashCode(), 7));
    assertFalse(dnl.has(name.hashCode(), 8));
    assertFalse(dnl.has(n("/a/c").hashCode(), 7));
    clock.advance(6000);
    assertFalse(dnl.has(name.hashCode(), 7), "expired");
  }
}
