package dev.ndnj.engine.table;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.platform.Scheduler;
import java.util.HashMap;

/**
 * When pending PIT entries expire, without a timer per entry: the entries waiting with the same delay form one list
 * in deadline order (they arrived in time order), linked through the entries themselves, and each list has at most
 * one scheduler timer, for its earliest deadline. Adding an entry appends it to its list and removing one (satisfied,
 * renewed or erased) unlinks it: O(1), no allocation, where a timer per entry costs a timer object, a task and a heap
 * insertion and removal (O(log n)). Nearly every Interest carries one of a few lifetimes (4 s by default), so there are
 * few lists; Interests with many different lifetimes make many lists, each costing what one timer did.
 *
 * <p>{@link PitEntry#setExpiryTimer} takes an entry out of its list, so the Pit's erase does too. Forwarding thread
 * only; TeaVM-compilable.
 */
public final class PitExpiry {
  /** Longest delay kept (about 35 years): deadlines never overflow. */
  static final long MAX_DELAY_MILLIS = 1L << 40;

  /** What runs when an entry's deadline has passed; the entry has left its list already. */
  public interface Handler {
    /** {@code entry} expired. */
    void expired(PitEntry entry);
  }

  private final Scheduler scheduler;
  private final Clock clock;
  private final Handler handler;
  private final HashMap<Long, Lane> lanes = new HashMap<>();
  /** The list used last: the next entry nearly always has the same delay, found without a map lookup. */
  private Lane last;
  private int size;

  /** Expiry on {@code scheduler}'s timers and {@code clock}'s time, calling {@code handler} for each expired entry. */
  public PitExpiry(Scheduler scheduler, Clock clock, Handler handler) {
    this.scheduler = scheduler;
    this.clock = clock;
    this.handler = handler;
  }

  /**
   * Makes {@code entry} expire {@code delayMillis} (above 0) after {@code now} (the forwarder's current time on
   * {@code clock}); the entry must not be in a list (call {@link PitEntry#setExpiryTimer} with null first).
   */
  public void add(PitEntry entry, long delayMillis, long now) {
    if (entry.expiryLane != null) {
      throw new IllegalStateException("entry already waits for expiry");
    }
    long delay = Math.max(1, Math.min(delayMillis, MAX_DELAY_MILLIS));
    Lane lane = last;
    if (lane == null || lane.delay != delay) {
      lane = lanes.get(delay);
      if (lane == null) {
        lane = new Lane(delay);
        lanes.put(delay, lane);
      }
      last = lane;
    }
    entry.expiryDeadline = now + delay;
    lane.append(entry);
    size++;
    if (!lane.armed) {
      lane.armed = true;
      scheduler.schedule(delay, lane);
    }
  }

  /** Entries waiting for expiry. */
  public int size() {
    return size;
  }

  /** Lists of entries with one delay (for tests and diagnostics). */
  public int lists() {
    return lanes.size();
  }

  /**
   * {@code lane}'s timer fired: expires its entries whose deadline has passed and arms the timer for the next. If the
   * handler throws, the timer is armed all the same (the rest expire a millisecond later) and the error goes on to
   * the scheduler, so one failing entry never leaves the others of its list waiting forever.
   */
  private void fire(Lane lane) {
    long now = clock.monotonicMillis();
    try {
      PitEntry e;
      while ((e = lane.head) != null && e.expiryDeadline <= now) {
        lane.unlink(e);
        handler.expired(e);
      }
    } finally {
      if (lane.head == null) {
        if (!lane.armed) { // the handler may have added to this list and armed it
          lanes.remove(lane.delay);
          if (last == lane) {
            last = null;
          }
        }
      } else if (!lane.armed) {
        lane.armed = true;
        scheduler.schedule(Math.max(1, lane.head.expiryDeadline - now), lane);
      }
    }
  }

  /** The entries waiting with one delay, earliest deadline first; its own timer task. */
  final class Lane implements Runnable {
    final long delay;
    PitEntry head;
    PitEntry tail;
    boolean armed;

    Lane(long delay) {
      this.delay = delay;
    }

    void append(PitEntry e) {
      PitEntry after = tail;
      // entries come in time order, so this loop does not run unless the clock went back
      while (after != null && after.expiryDeadline > e.expiryDeadline) {
        after = after.expiryPrev;
      }
      PitEntry before = after == null ? head : after.expiryNext;
      e.expiryPrev = after;
      e.expiryNext = before;
      if (after == null) {
        head = e;
      } else {
        after.expiryNext = e;
      }
      if (before == null) {
        tail = e;
      } else {
        before.expiryPrev = e;
      }
      e.expiryLane = this;
    }

    /** Takes {@code e} out of this list. */
    void unlink(PitEntry e) {
      PitEntry p = e.expiryPrev;
      PitEntry n = e.expiryNext;
      if (p == null) {
        head = n;
      } else {
        p.expiryNext = n;
      }
      if (n == null) {
        tail = p;
      } else {
        n.expiryPrev = p;
      }
      e.expiryPrev = null;
      e.expiryNext = null;
      e.expiryLane = null;
      size--;
    }

    @Override
    public void run() {
      armed = false;
      fire(this);
    }
  }
}
