package dev.ndnj.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.app.AppFace;
import dev.ndnj.engine.app.FetchOptions;
import dev.ndnj.engine.app.NackException;
import dev.ndnj.engine.app.Promise;
import dev.ndnj.engine.app.SegmentedProducer;
import dev.ndnj.engine.jvm.EventLoop;
import dev.ndnj.engine.jvm.FutureConsumer;
import dev.ndnj.engine.jvm.JvmEngines;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class EngineTest {
  private static Data data(Name name) {
    return Data.builder(name).content(name.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .signWithDigestSha256();
  }

  @Test
  void builderNeedsThePlatformParts() {
    assertThrows(IllegalStateException.class, () -> Engine.builder().build());
    ManualClock clock = new ManualClock();
    Engine e = Engine.builder().manual(clock).random(() -> 4).build();
    assertTrue(e.inLoop());
    assertEquals(0, e.forwarder().faceTable().size());
  }

  @Test
  void expressAndProduceFromSeveralThreadsConcurrently() throws Exception {
    try (Engine engine = JvmEngines.start()) {
      ExecutorService answerers = Executors.newFixedThreadPool(2);
      AtomicInteger handlerOffLoop = new AtomicInteger();
      engine.producer().produce(Name.parse("/load"), (interest, responder) -> {
        if (!engine.inLoop()) {
          handlerOffLoop.incrementAndGet();
        }
        Data d = data(interest.name());
        if (interest.name().get(-1).toString().hashCode() % 2 == 0) {
          responder.data(d);
        } else {
          answerers.execute(() -> responder.data(d)); // answered from another thread
        }
      });
      int threads = 4;
      int perThread = 250;
      List<CompletableFuture<Data>> futures = new ArrayList<>();
      List<Thread> consumers = new ArrayList<>();
      List<List<CompletableFuture<Data>>> perThreadFutures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<CompletableFuture<Data>> mine = new ArrayList<>();
        perThreadFutures.add(mine);
        int id = t;
        FutureConsumer consumer = new FutureConsumer(t % 2 == 0 ? engine.consumer() : engine.newAppFace().consumer());
        Thread th = new Thread(() -> {
          for (int i = 0; i < perThread; i++) {
            mine.add(consumer.express(Name.parse("/load/t" + id + "/i" + i)));
          }
        });
        consumers.add(th);
        th.start();
      }
      for (Thread th : consumers) {
        th.join(20_000);
      }
      for (List<CompletableFuture<Data>> l : perThreadFutures) {
        futures.addAll(l);
      }
      assertEquals(threads * perThread, futures.size());
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
      for (int t = 0; t < threads; t++) {
        for (int i = 0; i < perThread; i++) {
          assertEquals(Name.parse("/load/t" + t + "/i" + i), perThreadFutures.get(t).get(i).get().name());
        }
      }
      assertEquals(0, handlerOffLoop.get(), "handlers run on the forwarding thread");
      answerers.shutdown();
    }
  }

  @Test
  void segmentedFetchOnTheJvmLoop() throws Exception {
    try (Engine engine = JvmEngines.start()) {
      byte[] content = new byte[100_000];
      new java.util.Random(5).nextBytes(content);
      SegmentedProducer.serve(engine.producer(), Name.parse("/big"), content, 4096, 3);
      byte[] got = new FutureConsumer(engine.consumer()).fetch(Name.parse("/big"), FetchOptions.DEFAULT)
          .get(20, TimeUnit.SECONDS);
      assertTrue(java.util.Arrays.equals(content, got));
    }
  }

  @Test
  void nackAndCancelThroughFutures() throws Exception {
    try (Engine engine = JvmEngines.start()) {
      FutureConsumer consumer = new FutureConsumer(engine.consumer());
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> consumer.express(Name.parse("/nowhere")).get(10, TimeUnit.SECONDS));
      assertEquals(NackReason.NO_ROUTE, assertInstanceOf(NackException.class, e.getCause()).reason());

      engine.producer().produce(Name.parse("/never"), (i, r) -> { });
      CompletableFuture<Data> f = consumer.express(Interest.builder(Name.parse("/never/x")).lifetime(60_000).build());
      assertTrue(f.cancel(false));
      CompletableFuture<Integer> pending = new CompletableFuture<>();
      engine.execute(() -> pending.complete(engine.consumer().pendingCount()));
      // the cancelled expression is forgotten lazily (at its timer); cancelling must not break the consumer
      assertTrue(pending.get(10, TimeUnit.SECONDS) <= 1);
    }
  }

  @Test
  void closeStopsTheForwardingThreadAndFailsWhatIsPending() throws Exception {
    EventLoop loop = EventLoop.start("close-test");
    Engine engine = JvmEngines.builder(loop).build();
    CompletableFuture<Thread> ranOn = new CompletableFuture<>();
    engine.execute(() -> ranOn.complete(Thread.currentThread()));
    assertSame(loop.thread(), ranOn.get(10, TimeUnit.SECONDS));

    engine.producer().produce(Name.parse("/hold"), (i, r) -> { });
    Promise<Data> pending = engine.consumer().express(Interest.builder(Name.parse("/hold/x")).lifetime(60_000).build());
    CompletableFuture<Integer> routes = new CompletableFuture<>();
    engine.execute(() -> routes.complete(engine.forwarder().fib().size()));
    assertEquals(1, routes.get(10, TimeUnit.SECONDS));

    engine.close();
    assertTrue(loop.isTerminated(), "close returns once the thread ended");
    loop.thread().join(10_000);
    assertFalse(loop.thread().isAlive());
    assertInstanceOf(IllegalStateException.class, pending.error());
    assertTrue(engine.isClosed());
    assertFalse(engine.execute(() -> { }));
    assertInstanceOf(IllegalStateException.class, engine.consumer().express(Name.parse("/x")).error());
    engine.close(); // idempotent
  }

  @Test
  void closingFromTheForwardingThreadDoesNotDeadlock() throws Exception {
    EventLoop loop = EventLoop.start("close-from-loop");
    Engine engine = JvmEngines.builder(loop).build();
    AppFace face = engine.newAppFace();
    engine.execute(engine::close);
    assertTrue(loop.awaitTermination(10, TimeUnit.SECONDS));
    assertTrue(face.isClosed());
  }
}
