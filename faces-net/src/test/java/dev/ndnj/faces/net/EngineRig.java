package dev.ndnj.faces.net;

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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One engine on its own forwarding thread, for tests of network faces over real loopback sockets: the faces the
 * subclass's channels add and remove (those {@code watched} accepts) are queued as the forwarding thread sees them.
 * Waits are futures with timeouts; conditions on engine state are checked on the forwarding thread by its own timer.
 * Shared by the faces-net and faces-websocket tests (this module's test jar).
 */
public abstract class EngineRig implements AutoCloseable {
  /** How long every wait lasts at most. */
  public static final long TIMEOUT_SECONDS = 10;

  /** The engine. */
  public final Engine engine = JvmEngines.start();
  /** Watched faces added to this engine's table, in order, seen on the forwarding thread. */
  public final BlockingQueue<Face> added = new LinkedBlockingQueue<>();
  /** Watched faces removed from it. */
  public final BlockingQueue<Face> removed = new LinkedBlockingQueue<>();

  /** Starts the engine and watches the faces {@code watched} accepts. */
  protected EngineRig(Predicate<Face> watched) {
    onLoop(() -> {
      engine.forwarder().faceTable().addListener(new FaceTable.Listener() {
        @Override
        public void faceAdded(Face face) {
          if (watched.test(face)) {
            added.add(face);
          }
        }

        @Override
        public void faceRemoved(Face face) {
          if (watched.test(face)) {
            removed.add(face);
          }
        }
      });
      return null;
    });
  }

  /** {@code 127.0.0.1:0}. */
  public static InetSocketAddress loopback4() {
    return new InetSocketAddress("127.0.0.1", 0);
  }

  /** Runs {@code body} on the forwarding thread and returns its result. */
  public <T> T onLoop(Supplier<T> body) {
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
  public void await(String what, BooleanSupplier cond) {
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

  /** The next watched face added to this engine. */
  public Face nextAdded() {
    return poll(added, "a face to be added");
  }

  /** The next watched face removed from this engine. */
  public Face nextRemoved() {
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
  public void route(String prefix, Face face) {
    onLoop(() -> engine.forwarder().fib().addOrUpdateNextHop(Name.parse(prefix), face, 10));
  }

  /** Answers every Interest under {@code prefix} with a Data of {@code size} octets of content. */
  public void produce(String prefix, int size) {
    engine.producer().produce(Name.parse(prefix), (interest, responder) -> responder.data(
        Data.builder(interest.name()).freshnessPeriod(1000).content(content(size)).signWithDigestSha256()));
  }

  /** Expresses {@code name} from this engine's consumer and waits for the Data. */
  public Data fetch(String name) {
    return get(new FutureConsumer(engine.consumer()).express(Name.parse(name)));
  }

  /** {@code size} octets of a fixed pattern. */
  public static byte[] content(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 31 + 7);
    }
    return b;
  }

  /** The wire of an Interest for {@code name} (a fresh array). */
  public static byte[] interestWire(String name) {
    ByteBuffer w = Interest.builder(Name.parse(name)).lifetime(4000).build().wire();
    byte[] b = new byte[w.remaining()];
    w.duplicate().get(b);
    return b;
  }

  /** {@code f}'s value within the timeout, or an AssertionError. */
  public static <T> T get(CompletableFuture<T> f) {
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not complete: " + e, e);
    }
  }

  /** Closes the subclass's faces. */
  protected abstract void closeFaces();

  @Override
  public void close() {
    closeFaces();
    engine.close();
  }
}
