package dev.ndnj.engine.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MpscTaskQueueTest {
  @Test
  void pollsInOfferOrderAndIsEmptyWhenDrained() {
    MpscTaskQueue q = new MpscTaskQueue();
    assertTrue(q.isEmpty());
    assertNull(q.poll());
    Runnable a = () -> { };
    Runnable b = () -> { };
    assertTrue(q.offer(a));
    assertTrue(q.offer(b));
    assertFalse(q.isEmpty());
    assertSame(a, q.poll());
    assertSame(b, q.poll());
    assertNull(q.poll());
    assertTrue(q.isEmpty());
  }

  @Test
  void closeCountsWhatIsLeftAndRefusesLaterOffers() {
    MpscTaskQueue q = new MpscTaskQueue();
    Runnable a = () -> { };
    q.offer(a);
    q.offer(a);
    q.poll();
    q.offer(a);
    assertEquals(2, q.close());
    assertFalse(q.offer(a));
    assertEquals(0, q.close(), "closing again finds nothing more");
    assertSame(a, q.poll());
    assertSame(a, q.poll());
    assertNull(q.poll());
  }

  @Test
  void tasksOfManyProducersArriveOnceEachInOrderPerProducer() throws Exception {
    MpscTaskQueue q = new MpscTaskQueue();
    int producers = 4;
    int perProducer = 50_000;
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int id = p;
      Thread t = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < perProducer; i++) {
          q.offer(new Tagged(id, i));
        }
      });
      threads.add(t);
      t.start();
    }
    go.countDown();
    int[] next = new int[producers];
    int received = 0;
    while (received < producers * perProducer) {
      Runnable r = q.poll();
      if (r == null) {
        Thread.onSpinWait();
        continue;
      }
      Tagged t = (Tagged) r;
      assertEquals(next[t.producer], t.seq, "producer " + t.producer + "'s order");
      next[t.producer]++;
      received++;
    }
    for (Thread t : threads) {
      t.join();
    }
    assertNull(q.poll());
    assertTrue(q.isEmpty());
  }

  private static final class Tagged implements Runnable {
    final int producer;
    final int seq;

    Tagged(int producer, int seq) {
      this.producer = producer;
      this.seq = seq;
    }

    @Override
    public void run() {}
  }
}
