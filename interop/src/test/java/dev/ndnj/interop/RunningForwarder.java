package dev.ndnj.interop;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceCounters;
import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.faces.net.NetChannel;
import dev.ndnj.forwarder.fwd.ForwarderProcess;
import dev.ndnj.forwarder.fwd.FwdConfig;
import dev.ndnj.forwarder.fwd.FwdLog;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A {@link ForwarderProcess} in the test JVM, as {@code ndnj fwd} runs it, on loopback only: TCP, UDP and WebSocket
 * on ephemeral ports of 127.0.0.1 and a Unix socket in a test's temporary directory, so several test classes can run
 * side by side. Gives the channels' URIs per transport and a way to read the engine's state on its forwarding
 * thread.
 */
final class RunningForwarder implements AutoCloseable {
  /** The four kinds of channel, with how a client's URI and the face the forwarder makes for it look. */
  enum Transport {
    UNIX("unix://", "fd://"),
    TCP("tcp4://", "tcp4://127.0.0.1:"),
    UDP("udp4://", "udp4://127.0.0.1:"),
    WS("ws://", "wsclient://127.0.0.1:");

    final String channelScheme;
    /** How the remote URI of the forwarder's face for a client of this transport starts. */
    final String faceRemotePrefix;

    Transport(String channelScheme, String faceRemotePrefix) {
      this.channelScheme = channelScheme;
      this.faceRemotePrefix = faceRemotePrefix;
    }
  }

  /** A face as the forwarder sees it, with its counters, copied on the forwarding thread. */
  record FaceView(int id, String remoteUri, String localUri, boolean local, long inInterests, long outData,
      long outNacks, Map<FaceDrop, Long> drops, String counters) {
    static FaceView of(Face f) {
      FaceCounters c = f.counters();
      Map<FaceDrop, Long> drops = new EnumMap<>(FaceDrop.class);
      for (FaceDrop d : FaceDrop.values()) {
        drops.put(d, c.drops(d));
      }
      return new FaceView(f.id(), f.remoteUri(), f.localUri(), f.isLocal(), c.inInterests(), c.outData(),
          c.outNacks(), drops, c.toString());
    }

    long drops(FaceDrop reason) {
      return drops.get(reason);
    }

    long totalDrops() {
      return drops.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final ForwarderProcess process;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<FaceView> removed = new CopyOnWriteArrayList<>();

  /** Starts a forwarder with the Unix socket at {@code dir/ndnj.sock}; {@code tune} may change the config first. */
  RunningForwarder(Path dir, Function<FwdConfig, FwdConfig> tune) throws InterruptedException {
    FwdConfig config = new FwdConfig().bind("127.0.0.1").tcpPort(0).udpPort(0).wsPort(0)
        .unixPath(dir.resolve("ndnj.sock"));
    process = new ForwarderProcess(tune.apply(config), new FwdLog(log::add)).start();
    onLoop(() -> {
      engine().forwarder().faceTable().addListener(new FaceTable.Listener() {
        @Override
        public void faceRemoved(Face face) {
          removed.add(FaceView.of(face));
        }
      });
      return null;
    });
  }

  /** Faces that have left the table since the start, with their last counters. */
  List<FaceView> removedFaces() {
    return List.copyOf(removed);
  }

  /** Every face with an id not in {@code ids}, gone (last counters) or still there (counters now). */
  List<FaceView> facesExcept(java.util.Set<Integer> ids) throws InterruptedException {
    Map<Integer, FaceView> all = new java.util.TreeMap<>();
    for (FaceView f : faces()) {
      all.put(f.id(), f);
    }
    for (FaceView f : removedFaces()) {
      all.put(f.id(), f);
    }
    all.keySet().removeAll(ids);
    return List.copyOf(all.values());
  }

  ForwarderProcess process() {
    return process;
  }

  Engine engine() {
    return process.engine();
  }

  /** The forwarder's log lines so far. */
  List<String> log() {
    return List.copyOf(log);
  }

  /** The URI a client of {@code t} connects to ({@code unix:///…/ndnj.sock}, {@code tcp4://127.0.0.1:port}, ...). */
  String uri(Transport t) {
    return process.channelUris().stream().filter(u -> u.startsWith(t.channelScheme)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + t + " channel in " + process.channelUris()));
  }

  /** The port of {@code t}'s channel (not for Unix). */
  int port(Transport t) {
    String u = uri(t);
    return Integer.parseInt(u.substring(u.lastIndexOf(':') + 1).replace("/", ""));
  }

  /** Runs {@code read} on the forwarding thread and returns its result (fails the test after 10 s). */
  <T> T onLoop(Supplier<T> read) throws InterruptedException {
    CompletableFuture<T> f = new CompletableFuture<>();
    boolean queued = engine().execute(() -> {
      try {
        f.complete(read.get());
      } catch (RuntimeException | Error e) {
        f.completeExceptionally(e);
      }
    });
    if (!queued) {
      throw new AssertionError("the forwarder's engine is closed");
    }
    try {
      return f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("reading the forwarder's state failed", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("the forwarding thread did not answer in 10 s", e);
    }
  }

  /** The faces in the face table now. */
  List<FaceView> faces() throws InterruptedException {
    return onLoop(() -> engine().forwarder().faceTable().faces().stream().map(FaceView::of).toList());
  }

  /** The face with {@code id}, or null when it is gone. */
  FaceView face(int id) throws InterruptedException {
    return onLoop(() -> {
      Face f = engine().forwarder().faceTable().get(id);
      return f == null ? null : FaceView.of(f);
    });
  }

  /**
   * The first face that matches, already in the table or added later, as it was when found. Completes on the
   * forwarding thread.
   */
  CompletableFuture<FaceView> awaitFace(Predicate<Face> match) {
    CompletableFuture<FaceView> found = new CompletableFuture<>();
    engine().execute(() -> {
      FaceTable table = engine().forwarder().faceTable();
      for (Face f : table.faces()) {
        if (match.test(f)) {
          found.complete(FaceView.of(f));
          return;
        }
      }
      table.addListener(new FaceTable.Listener() {
        @Override
        public void faceAdded(Face face) {
          if (match.test(face)) {
            table.removeListener(this);
            found.complete(FaceView.of(face));
          }
        }
      });
    });
    return found;
  }

  /**
   * The face with {@code id} as it was when it left the table (its last counters). Call it while the face is still
   * there; fails at once if it is already gone.
   */
  CompletableFuture<FaceView> awaitRemoval(int id) {
    CompletableFuture<FaceView> gone = new CompletableFuture<>();
    engine().execute(() -> {
      FaceTable table = engine().forwarder().faceTable();
      if (table.get(id) == null) {
        gone.completeExceptionally(new IllegalStateException("face " + id + " is already gone"));
        return;
      }
      table.addListener(new FaceTable.Listener() {
        @Override
        public void faceRemoved(Face face) {
          if (face.id() == id) {
            table.removeListener(this);
            gone.complete(FaceView.of(face));
          }
        }
      });
    });
    return gone;
  }

  /** The channel whose local URI starts with {@code t}'s scheme. */
  NetChannel channel(Transport t) {
    return process.channels().stream().filter(c -> c.localUri().startsWith(t.channelScheme)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + t + " channel"));
  }

  @Override
  public void close() {
    process.close();
  }
}
