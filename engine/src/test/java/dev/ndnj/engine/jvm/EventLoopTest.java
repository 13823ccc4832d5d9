package dev.ndnj.engine.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.platform.Cancellable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EventLoopTest {
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();
  private final EventLoop loop = EventLoop.start("test-loop", true, 16, errors::add);

  @AfterEach
  void stop() {
    loop.close();
  }

  /** Runs {@code r} on the loop and waits for it. */
  private void onLoop(Runnable r) throws Exception {
    CompletableFuture<Void> f = new CompletableFuture<>();
    assertTrue(loop.execute(() -> {
      r.run();
      f.complete(null);
    }));
    f.get(10, TimeUnit.SECONDS);
  }

  @Test
  void tasksFromManyThreadsAllRunOnTheLoopThreadInSubmissionOrderPerThread() throws Exception {
    int threads = 4;
    int perThread = 5000;
    List<List<Integer>> seen = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      seen.add(new ArrayList<>());
    }
    AtomicInteger offLoop = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(threads * perThread);
    List<Thread> submitters = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread th = new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          int n = i;
          loop.execute(() -> {
            if (!loop.inLoop()) {
              offLoop.incrementAndGet();
            }
            seen.get(id).add(n); // loop thread only: no synchronization needed
            done.countDown();
          });
        }
      });
      submitters.add(th);
      th.start();
    }
    assertTrue(done.await(20, TimeUnit.SECONDS));
    onLoop(() -> {
      for (List<Integer> s : seen) {
        assertEquals(perThread, s.size());
        for (int i = 0; i < perThread; i++) {
          assertEquals(i, s.get(i));
        }
      }
    });
    assertEquals(0, offLoop.get());
    assertFalse(loop.inLoop());
  }

  @Test
  void timersRunInDeadlineOrderAndCancelledOnesNever() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> last = new CompletableFuture<>();
    onLoop(() -> {
      loop.schedule(60, () -> {
        order.add("60");
        last.complete(null);
      });
      loop.schedule(20, () -> order.add("20a"));
      Cancellable c = loop.schedule(30, () -> order.add("cancelled"));
      loop.schedule(20, () -> order.add("20b"));
      loop.schedule(0, () -> order.add("0"));
      c.cancel();
      assertEquals(4, loop.pendingTimers());
    });
    last.get(10, TimeUnit.SECONDS);
    assertEquals(List.of("0", "20a", "20b", "60"), order);
  }

  @Test
  void manyTimersCancelledFromTheHeapKeepItOrdered() throws Exception {
    // each timer records the deadline it was given (the test's reading of nanoTime plus its delay)
    List<Long> fired = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> end = new CompletableFuture<>();
    onLoop(() -> {
      List<Cancellable> all = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        long delay = (i * 37L) % 50;
        long deadline = System.nanoTime() + delay * 1_000_000;
        all.add(loop.schedule(delay, () -> fired.add(deadline)));
      }
      for (int i = 0; i < 500; i += 2) {
        all.get(i).cancel();
      }
      assertEquals(250, loop.pendingTimers());
      loop.schedule(80, () -> end.complete(null));
    });
    end.get(10, TimeUnit.SECONDS);
    assertEquals(250, fired.size());
    for (int i = 1; i < fired.size(); i++) {
      // deadline order, up to the time between the test's nanoTime and the loop's (microseconds, more when the
      // thread is preempted in between on a busy machine); distinct delays are at least 1 ms apart
      assertTrue(fired.get(i - 1) - fired.get(i) < 500_000, "timer " + i + " fired out of deadline order");
    }
  }

  @Test
  void aTimerScheduledFromAnotherThreadRunsOnTheLoop() throws Exception {
    CompletableFuture<Thread> ran = new CompletableFuture<>();
    loop.schedule(5, () -> ran.complete(Thread.currentThread()));
    assertSame(loop.thread(), ran.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aFailingTaskIsReportedAndTheLoopGoesOn() throws Exception {
    loop.execute(() -> {
      throw new IllegalStateException("boom");
    });
    onLoop(() -> { });
    assertEquals(1, errors.size());
    assertEquals("boom", errors.get(0).getMessage());
  }

  @Test
  void shutdownRunsAcceptedTasksThenRefusesNewOnesAndEndsTheThread() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    loop.execute(() -> {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    for (int i = 0; i < 100; i++) {
      assertTrue(loop.execute(ran::incrementAndGet));
    }
    loop.shutdown();
    assertFalse(loop.execute(ran::incrementAndGet));
    gate.countDown();
    assertTrue(loop.awaitTermination(10, TimeUnit.SECONDS));
    assertEquals(100, ran.get());
    assertTrue(loop.isTerminated());
    loop.thread().join(10_000);
    assertFalse(loop.thread().isAlive());
  }

  @Test
  void aShutdownRacingWithSubmittersRunsExactlyTheTasksItAccepted() throws Exception {
    for (int round = 0; round < 20; round++) {
      EventLoop l = EventLoop.start("race-loop", true, 16, errors::add);
      int threads = 3;
      AtomicInteger accepted = new AtomicInteger();
      AtomicInteger ran = new AtomicInteger();
      CountDownLatch started = new CountDownLatch(threads);
      List<Thread> submitters = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread th = new Thread(() -> {
          started.countDown();
          while (l.execute(ran::incrementAndGet)) {
            accepted.incrementAndGet();
          }
        });
        submitters.add(th);
        th.start();
      }
      started.await();
      l.shutdown();
      for (Thread th : submitters) {
        th.join(10_000);
        assertFalse(th.isAlive(), "every submitter is refused once the loop has stopped");
      }
      assertTrue(l.awaitTermination(10, TimeUnit.SECONDS));
      assertEquals(accepted.get(), ran.get(), "round " + round);
      assertFalse(l.execute(ran::incrementAndGet));
    }
    assertTrue(errors.isEmpty(), errors.toString());
  }

  @Test
  void clockIsMonotonicAndWall() {
    long a = loop.monotonicMillis();
    long b = loop.monotonicMillis();
    assertTrue(b >= a);
    assertTrue(Math.abs(loop.epochMillis() - System.currentTimeMillis()) < 1000);
  }

  /** On the loop thread the clock is read once per task: constant within a task, current again in the next one. */
  @Test
  void theLoopThreadSeesTheTimeItsTaskStarted() throws Exception {
    long[] seen = new long[3];
    onLoop(() -> {
      seen[0] = loop.monotonicMillis();
      long until = System.nanoTime() + 5_000_000;
      while (System.nanoTime() < until) {
        Thread.onSpinWait(); // a task that runs for 5 ms
      }
      seen[1] = loop.monotonicMillis();
    });
    onLoop(() -> seen[2] = loop.monotonicMillis());
    assertEquals(seen[0], seen[1], "the same reading within one task");
    assertTrue(seen[2] >= seen[0] + 5, "the next task reads the clock again: " + seen[0] + " then " + seen[2]);
    assertTrue(loop.monotonicMillis() >= seen[2], "other threads read the clock itself");
  }
}
