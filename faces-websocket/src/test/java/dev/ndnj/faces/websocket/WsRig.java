package dev.ndnj.faces.websocket;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.engine.jvm.FutureConsumer;
import dev.ndnj.engine.jvm.JvmEngines;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One engine on its own forwarding thread with its WebSocket faces, for tests over real loopback sockets. Waits are
 * futures with timeouts; conditions on engine state are checked on the forwarding thread by its own timer.
 */
final class WsRig implements AutoCloseable {
  static final long TIMEOUT_SECONDS = 10;

  final Engine engine = JvmEngines.start();
  final WebSocketFaces ws;
  /** WebSocket faces added to this engine's table, in order (and removed, below), seen on the forwarding thread. */
  final BlockingQueue<Face> added = new LinkedBlockingQueue<>();
  final BlockingQueue<Face> removed = new LinkedBlockingQueue<>();

  WsRig(WebSocketFacesConfig config) {
    ws = new WebSocketFaces(engine, config);
    onLoop(() -> {
      engine.forwarder().faceTable().addListener(new FaceTable.Listener() {
        @Override
        public void faceAdded(Face face) {
          if (face.transport() instanceof WebSocketTransport) {
            added.add(face);
          }
        }

        @Override
        public void faceRemoved(Face face) {
          if (face.transport() instanceof WebSocketTransport) {
            removed.add(face);
          }
        }
      });
      return null;
    });
  }

  /** A config that listens on nothing by itself: tests listen on loopback with ephemeral ports. */
  static WebSocketFacesConfig quiet() {
    return new WebSocketFacesConfig().listen(List.of()).ioThreads(2);
  }

  static InetSocketAddress loopback4() {
    return new InetSocketAddress("127.0.0.1", 0);
  }

  static int port(WebSocketChannel ch) {
    return ((InetSocketAddress) ch.localAddress()).getPort();
  }

  /** Runs {@code body} on the forwarding thread and returns its result. */
  <T> T onLoop(Supplier<T> body) {
    CompletableFuture<T> f = new CompletableFuture<>();
    engine.execute(() -> {
      try {
        f.complete(body.get());
      } catch (Throwable t) {
        f.completeExceptionally(t);
      }
    });
    return get(f);
  }

  /** Waits until {@code cond} (evaluated on the forwarding thread, every 5 ms) holds. */
  void await(String what, BooleanSupplier cond) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    engine.execute(new Runnable() {
      @Override
      public void run() {
        if (cond.getAsBoolean()) {
          f.complete(null);
        } else if (!f.isDone()) {
          engine.scheduler().schedule(5, this);
        }
      }
    });
    try {
      f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      f.cancel(false);
      fail("timed out waiting for " + what, e);
    }
  }

  /** The next WebSocket face added to this engine. */
  Face nextAdded() {
    return poll(added, "a face to be added");
  }

  /** The next WebSocket face removed from this engine. */
  Face nextRemoved() {
    return poll(removed, "a face to be removed");
  }

  private static Face poll(BlockingQueue<Face> q, String what) {
    try {
      Face f = q.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (f == null) {
        fail("timed out waiting for " + what);
      }
      return f;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Routes {@code prefix} to {@code face} (cost 10). */
  void route(String prefix, Face face) {
    onLoop(() -> engine.forwarder().fib().addOrUpdateNextHop(Name.parse(prefix), face, 10));
  }

  /** Answers every Interest under {@code prefix} with a Data of {@code size} octets of content. */
  void produce(String prefix, int size) {
    engine.producer().produce(Name.parse(prefix), (interest, responder) -> responder.data(
        Data.builder(interest.name()).freshnessPeriod(1000).content(content(size)).signWithDigestSha256()));
  }

  /** Expresses {@code name} from this engine's consumer and waits for the Data. */
  Data fetch(String name) {
    return get(new FutureConsumer(engine.consumer()).express(Name.parse(name)));
  }

  static byte[] content(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 31 + 7);
    }
    return b;
  }

  /** The wire of an Interest for {@code name} (a fresh array). */
  static byte[] interestWire(String name) {
    ByteBuffer w = Interest.builder(Name.parse(name)).lifetime(4000).build().wire();
    byte[] b = new byte[w.remaining()];
    w.duplicate().get(b);
    return b;
  }

  static <T> T get(CompletableFuture<T> f) {
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not complete: " + e, e);
    }
  }

  @Override
  public void close() {
    ws.close();
    engine.close();
  }
}
