package dev.ndnj.demo;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.faces.websocket.WsUris;
import dev.ndnj.forwarder.fwd.ForwarderProcess;
import dev.ndnj.forwarder.fwd.FwdConfig;
import dev.ndnj.forwarder.fwd.FwdLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link ForwarderProcess} in the test JVM for browser tests: loopback only ({@code 127.0.0.1}), ephemeral TCP and
 * WebSocket ports, no UDP or Unix channel, the demo on. Its log lines are kept ({@link #log()}); helpers read the face
 * table on the forwarding thread and wait for it to reach a state (on a face-table listener, not by sleeping).
 */
public final class TestForwarder implements AutoCloseable {
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final ForwarderProcess process;

  private TestForwarder(FwdConfig config) throws InterruptedException {
    process = new ForwarderProcess(config, new FwdLog(log::add)).start();
  }

  /** Starts a forwarder on free loopback ports with the demo on. */
  public static TestForwarder start() throws InterruptedException {
    return start(0);
  }

  /** Starts a forwarder with its WebSocket (and demo) on {@code wsPort} (0: a free one), e.g. to restart one. */
  public static TestForwarder start(int wsPort) throws InterruptedException {
    return new TestForwarder(new FwdConfig().bind("127.0.0.1").tcpPort(0).udpPort(FwdConfig.DISABLED)
        .wsPort(wsPort).unixPath(null));
  }

  /** The WebSocket (and demo) port. */
  public int wsPort() {
    return java.net.URI.create(url()).getPort();
  }

  /** The process (its engine, management, channels). */
  public ForwarderProcess process() {
    return process;
  }

  /** The engine. */
  public Engine engine() {
    return process.engine();
  }

  /** The demo page's URL, {@code http://127.0.0.1:<port>/}. */
  public String url() {
    return process.demoUrl();
  }

  /** {@code url()} plus {@code pathAndQuery} (no leading slash). */
  public String url(String pathAndQuery) {
    return url() + pathAndQuery;
  }

  /** {@code tcp4://127.0.0.1:<port>}, for JVM clients. */
  public String tcpUri() {
    return process.channelUris().stream().filter(u -> u.startsWith("tcp4://")).findFirst().orElseThrow();
  }

  /** The log lines so far (without timestamps). */
  public List<String> log() {
    return List.copyOf(log);
  }

  /** Runs {@code f} on the forwarding thread and returns its result. */
  public <T> T onLoop(Function<Engine, T> f) {
    CompletableFuture<T> r = new CompletableFuture<>();
    Engine e = engine();
    e.execute(() -> {
      try {
        r.complete(f.apply(e));
      } catch (RuntimeException x) {
        r.completeExceptionally(x);
      }
    });
    return get(r, Duration.ofSeconds(10), "the forwarding thread");
  }

  /** Whether a face is a WebSocket face a browser (or any client) opened to this forwarder. */
  public static boolean isWebSocketFace(Face f) {
    return f.remoteUri().startsWith(WsUris.CLIENT_SCHEME + "://");
  }

  /** The faces (forwarding thread snapshot) that {@code which} accepts. */
  public List<Face> faces(Predicate<Face> which) {
    return onLoop(e -> e.forwarder().faceTable().faces().stream().filter(which).toList());
  }

  /** The WebSocket faces clients opened to this forwarder. */
  public List<Face> webSocketFaces() {
    return faces(TestForwarder::isWebSocketFace);
  }

  /**
   * Waits until exactly {@code count} faces satisfy {@code which}, checking at each face added or removed.
   *
   * @return those faces
   * @throws AssertionError if that does not happen within {@code timeout}, with the faces there are
   */
  public List<Face> awaitFaces(Predicate<Face> which, int count, Duration timeout) {
    CompletableFuture<Void> reached = new CompletableFuture<>();
    FaceTable.Listener listener = new FaceTable.Listener() {
      @Override
      public void faceAdded(Face face) {
        check();
      }

      @Override
      public void faceRemoved(Face face) {
        check();
      }

      void check() {
        // the listener runs while the table is changing: look once the change is done
        engine().execute(() -> {
          if (engine().forwarder().faceTable().faces().stream().filter(which).count() == count) {
            reached.complete(null);
          }
        });
      }
    };
    onLoop(e -> {
      e.forwarder().faceTable().addListener(listener);
      if (e.forwarder().faceTable().faces().stream().filter(which).count() == count) {
        reached.complete(null);
      }
      return null;
    });
    try {
      reached.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("expected " + count + " matching faces within " + timeout.toMillis() + " ms, have "
          + faces(which).stream().map(Face::toString).toList());
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError(e);
    } finally {
      onLoop(e -> {
        e.forwarder().faceTable().removeListener(listener);
        return null;
      });
    }
    return faces(which);
  }

  /** {@link #awaitFaces} for WebSocket faces. */
  public List<Face> awaitWebSocketFaces(int count, Duration timeout) {
    return awaitFaces(TestForwarder::isWebSocketFace, count, timeout);
  }

  private static <T> T get(CompletableFuture<T> f, Duration timeout, String what) {
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError(what + " did not answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Stops the forwarder. */
  @Override
  public void close() {
    process.close();
  }
}
