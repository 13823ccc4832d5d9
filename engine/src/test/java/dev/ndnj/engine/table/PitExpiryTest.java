package dev.ndnj.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PitExpiry}: deadlines, one timer per list, removal and renewal, against a simple model. */
class PitExpiryTest {
  private final ManualClock clock = new ManualClock();
  private final List<String> expired = new ArrayList<>();
  private final List<Long> expiredAt = new ArrayList<>();
  private final PitExpiry expiry = new PitExpiry(clock, clock, e -> {
    expired.add(e.name().toString());
    expiredAt.add(clock.monotonicMillis());
  });

  private static PitEntry entry(String uri) {
    return new PitEntry(Interest.builder(Name.parse(uri)).build());
  }

  private void add(PitEntry e, long delay) {
    expiry.add(e, delay, clock.monotonicMillis());
  }

  @Test
  void entriesExpireAtTheirDeadlineInDeadlineOrder() {
    PitEntry a = entry("/a");
    PitEntry b = entry("/b");
    PitEntry c = entry("/c");
    add(a, 4000);
    clock.advance(10);
    add(b, 4000);
    add(c, 1000); // another delay, another list, earlier deadline
    assertEquals(3, expiry.size());
    assertEquals(2, expiry.lists());
    assertEquals(4000, a.expiryDeadline());
    assertEquals(1010, c.expiryDeadline());
    assertEquals(2, clock.pendingTasks(), "one timer per list");
    clock.advance(999);
    assertEquals(List.of(), expired);
    clock.advance(1);
    assertEquals(List.of("/c"), expired);
    assertEquals(List.of(1010L), expiredAt);
    assertEquals(-1, c.expiryDeadline());
    clock.advance(2989);
    assertEquals(List.of("/c"), expired);
    clock.advance(1);
    assertEquals(List.of("/c", "/a"), expired);
    clock.advance(9);
    assertEquals(List.of("/c", "/a"), expired);
    clock.advance(1);
    assertEquals(List.of("/c", "/a", "/b"), expired);
    assertEquals(List.of(1010L, 4000L, 4010L), expiredAt);
    assertEquals(0, expiry.size());
    assertEquals(0, expiry.lists(), "an emptied list goes once its timer has fired");
    assertEquals(0, clock.pendingTasks());
  }

  @Test
  void oneTimerPerListWhateverItHolds() {
    for (int i = 0; i < 100; i++) {
      add(entry("/x/" + i), 2000);
      clock.advance(1);
    }
    assertEquals(1, clock.pendingTasks());
    clock.advance(2000);
    assertEquals(100, expired.size());
    assertEquals(0, clock.pendingTasks());
  }

  @Test
  void aRemovedEntryNeverExpiresAndIsNotHeld() {
    PitEntry a = entry("/a");
    PitEntry b = entry("/b");
    PitEntry c = entry("/c");
    add(a, 100);
    add(b, 100);
    add(c, 100);
    b.setExpiryTimer(null); // middle
    a.setExpiryTimer(null); // head
    assertEquals(1, expiry.size());
    assertEquals(-1, a.expiryDeadline());
    assertTrue(a.expiryNext == null && a.expiryPrev == null && b.expiryNext == null && b.expiryPrev == null,
        "unlinked entries keep no references into the list");
    clock.advance(100);
    assertEquals(List.of("/c"), expired);
    // the tail too, and then the list's timer fires on nothing and the list goes
    PitEntry d = entry("/d");
    add(d, 100);
    d.setExpiryTimer(null);
    clock.advance(100);
    assertEquals(List.of("/c"), expired);
    assertEquals(0, expiry.lists());
  }

  @Test
  void aRenewedEntryMovesToItsNewDeadline() {
    PitEntry a = entry("/a");
    PitEntry b = entry("/b");
    add(a, 1000);
    add(b, 1000);
    clock.advance(500);
    a.setExpiryTimer(null);
    add(a, 1000); // renewed: now after b
    clock.advance(500);
    assertEquals(List.of("/b"), expired);
    clock.advance(499);
    assertEquals(List.of("/b"), expired);
    clock.advance(1);
    assertEquals(List.of("/b", "/a"), expired);
  }

  @Test
  void anEntryInAListCannotBeAddedAgain() {
    PitEntry a = entry("/a");
    add(a, 1000);
    assertThrows(IllegalStateException.class, () -> add(a, 2000));
  }

  @Test
  void anEntryAddedWhileTheListExpiresWaitsItsTurn() {
    List<PitEntry> renewed = new ArrayList<>();
    PitExpiry[] self = new PitExpiry[1];
    self[0] = new PitExpiry(clock, clock, e -> {
      expired.add(e.name() + "@" + clock.monotonicMillis());
      if (renewed.isEmpty()) {
        renewed.add(e);
        self[0].add(e, 300, clock.monotonicMillis()); // the handler gives it another lifetime in the same list
      }
    });
    PitEntry a = entry("/a");
    self[0].add(a, 300, 0);
    clock.advance(300);
    assertEquals(List.of("/a@300"), expired);
    clock.advance(300);
    assertEquals(List.of("/a@300", "/a@600"), expired);
  }

  @Test
  void deadlinesStayInOrderEvenIfTheClockGoesBack() {
    PitEntry a = entry("/a");
    PitEntry b = entry("/b");
    PitEntry c = entry("/c");
    expiry.add(a, 100, 50);
    expiry.add(b, 100, 20); // earlier "now": goes before a
    expiry.add(c, 100, 10);
    clock.advance(110);
    assertEquals(List.of("/c"), expired);
    clock.advance(10);
    assertEquals(List.of("/c", "/b"), expired);
    clock.advance(30);
    assertEquals(List.of("/c", "/b", "/a"), expired);
  }

  @Test
  void hugeDelaysDoNotOverflow() {
    PitEntry a = entry("/a");
    add(a, Long.MAX_VALUE);
    assertEquals(PitExpiry.MAX_DELAY_MILLIS, a.expiryDeadline());
    clock.advance(10_000);
    assertEquals(List.of(), expired);
  }

  @Test
  void randomOperationsMatchASimpleModel() {
    Random rnd = new Random(7);
    List<PitEntry> live = new ArrayList<>();
    java.util.Map<PitEntry, Long> model = new java.util.HashMap<>();
    PitExpiry checked = new PitExpiry(clock, clock, e -> {
      Long due = model.remove(e);
      assertEquals(due, (Long) clock.monotonicMillis(), "expired at its deadline: " + e.name());
      live.remove(e);
    });
    long[] delays = {50, 100, 4000, 17};
    for (int step = 0; step < 20_000; step++) {
      int op = rnd.nextInt(10);
      if (op < 5) {
        PitEntry e = entry("/r/" + step);
        long d = delays[rnd.nextInt(delays.length)];
        checked.add(e, d, clock.monotonicMillis());
        model.put(e, clock.monotonicMillis() + d);
        live.add(e);
      } else if (op < 7 && !live.isEmpty()) {
        PitEntry e = live.remove(rnd.nextInt(live.size()));
        e.setExpiryTimer(null);
        model.remove(e);
      } else {
        clock.advance(rnd.nextInt(20));
      }
      assertEquals(model.size(), checked.size());
    }
    clock.advance(5000);
    assertEquals(0, checked.size());
    assertTrue(model.isEmpty());
    assertEquals(0, checked.lists());
  }

  @Test
  void aFailingHandlerLeavesTheOtherEntriesOfItsListToExpire() {
    List<String> done = new ArrayList<>();
    PitExpiry failing = new PitExpiry(clock, clock, e -> {
      if (e.name().toString().equals("/bad")) {
        throw new IllegalStateException("finalize failed");
      }
      done.add(e.name() + "@" + clock.monotonicMillis());
    });
    failing.add(entry("/bad"), 100, 0);
    failing.add(entry("/good"), 100, 0);
    assertThrows(IllegalStateException.class, () -> clock.advance(100));
    assertEquals(1, failing.size(), "/good still waits");
    assertEquals(1, clock.pendingTasks(), "and its list's timer is armed again");
    clock.advance(1);
    assertEquals(List.of("/good@101"), done);
    assertEquals(0, failing.size());
    assertEquals(0, failing.lists());
  }
}
