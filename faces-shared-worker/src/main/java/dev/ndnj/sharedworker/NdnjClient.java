package dev.ndnj.sharedworker;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.app.AppFace;
import dev.ndnj.engine.app.CommandClient;
import dev.ndnj.engine.app.Consumer;
import dev.ndnj.engine.app.Promise;
import dev.ndnj.engine.app.Registration;
import dev.ndnj.engine.app.Responder;
import dev.ndnj.engine.face.Face;
import dev.ndnj.sharedworker.js.ClientApi;
import dev.ndnj.sharedworker.js.Js;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlCommand;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * A page's ndnj client: the tab's own small engine whose one upstream face is either the
 * {@link SharedWorkerProxyFace} (shared mode: one engine per origin in a SharedWorker) or a WebSocket to the
 * forwarder (tab mode: this engine is the page's only one). The application API is the same in both modes; only
 * the face differs. Implements what {@code ndnj.mjs} exposes to JavaScript: express, fetch, produce, channels,
 * status.
 */
public final class NdnjClient implements ClientApi {
  /** Content Store of the in-tab engine in tab mode (in shared mode the tab engine caches nothing). */
  public static final long TAB_CS_BYTES = 8L << 20;
  /** Segments requested at once by {@link #fetch}. */
  public static final int FETCH_WINDOW = 8;
  /** Transmissions of one segment before a fetch fails. */
  public static final int MAX_ATTEMPTS = 8;
  /** Pause before a segment is requested again after a Nack or timeout. */
  public static final int RETRY_DELAY_MS = 500;

  private final Engine engine;
  private final String mode;
  private SharedWorkerProxyFace proxy;
  private UpstreamConnection upstream;
  private final CommandClient commands;
  private final Set<Name> registered = new LinkedHashSet<>();
  private final Map<Integer, Responder> requests = new HashMap<>();
  private final Map<Integer, Producing> producers = new HashMap<>();
  private final Channels channels;
  private int nextId;

  private NdnjClient(Engine engine, String mode) {
    this.engine = engine;
    this.mode = mode;
    // Registrations go to the shared engine as to a local NFD (/localhost), or to the forwarder under /localhop
    // (it may be on another host, where /localhost would never be accepted).
    commands = new CommandClient(engine.consumer(), engine.clock(), engine.random(),
        mode.equals("shared") ? ControlCommand.LOCALHOST_PREFIX : ControlCommand.LOCALHOP_PREFIX);
    channels = new Channels(this);
  }

  /**
   * Connects in shared mode when asked and possible (else in tab mode); {@code ready} runs once the client can be
   * used: the shared engine (or, in tab mode, the page's own WebSocket) is connected to the forwarder, or
   * {@link WorkerPortFace#CONNECT_WAIT_MS} has passed without that (the engine then keeps reconnecting).
   */
  static NdnjClient connect(boolean shared, String router, String workerUrl, String workerName, int heartbeatMillis,
      Runnable ready) {
    if (shared) {
      Engine e = BrowserPlatform.newEngine(0);
      e.forwarder().cs().setAdmitEnabled(false);
      NdnjClient c = new NdnjClient(e, "shared");
      c.proxy = SharedWorkerProxyFace.open(e, workerUrl, workerName, heartbeatMillis, ready);
      if (c.proxy != null) {
        return c;
      }
      e.close();
    }
    Engine e = BrowserPlatform.newEngine(TAB_CS_BYTES);
    NdnjClient c = new NdnjClient(e, "tab");
    boolean[] readyRan = new boolean[1];
    Runnable readyOnce = () -> {
      if (!readyRan[0]) {
        readyRan[0] = true;
        ready.run();
      }
    };
    c.upstream = new UpstreamConnection(e, router, new UpstreamConnection.Listener() {
      @Override
      public void up(Face face) {
        c.upstreamUp(face);
        readyOnce.run();
      }

      @Override
      public void down() {}
    });
    c.upstream.start();
    e.scheduler().schedule(WorkerPortFace.CONNECT_WAIT_MS, readyOnce);
    return c;
  }

  Engine engine() {
    return engine;
  }

  /** The face towards the shared engine or the forwarder, or null while down. */
  Face upstreamFace() {
    return proxy != null ? proxy.face() : upstream.face();
  }

  private void upstreamUp(Face face) {
    for (Name prefix : registered) {
      commands.register(prefix, CommandClient.ORIGIN_CLIENT, 0);
    }
    channels.upstreamUp(face);
  }

  @Override
  public String mode() {
    return mode;
  }

  // -------------------------------------------------------------------------------------------- consumer

  @Override
  public void express(String name, boolean canBePrefix, boolean mustBeFresh, int lifetimeMillis,
      DataCallback cb) {
    Interest interest;
    try {
      interest = Interest.builder(Name.parse(name)).canBePrefix(canBePrefix).mustBeFresh(mustBeFresh)
          .lifetime(lifetimeMillis > 0 ? lifetimeMillis : 4000).build();
    } catch (RuntimeException e) {
      cb.done("bad name: " + e.getMessage(), null, null, 0, false);
      return;
    }
    express(interest).whenComplete((d, error) -> deliver(cb, d, error));
  }

  Promise<Data> express(Interest interest) {
    return engine.consumer().express(interest);
  }

  void deliver(DataCallback cb, Data d, Throwable error) {
    if (error != null) {
      cb.done(message(error), null, null, 0, false);
    } else {
      cb.done(null, d.name().toString(), Js.uint8(bytes(d.content())), d.freshnessPeriod(), fromCache(d));
    }
  }

  boolean fromCache(Data d) {
    return proxy != null && proxy.takeFromContentStore(d.name());
  }

  @Override
  public void fetch(String name, SegmentCallback progress, DataCallback done) {
    Name prefix;
    try {
      prefix = Name.parse(name);
    } catch (RuntimeException e) {
      done.done("bad name: " + e.getMessage(), null, null, 0, false);
      return;
    }
    new Fetch(prefix, progress, done).start();
  }

  /** A windowed fetch of /prefix/v=…/seg=0..N-1, discovering the version with CanBePrefix+MustBeFresh. */
  private final class Fetch {
    private final Name prefix;
    private final SegmentCallback progress;
    private final DataCallback done;
    private Name versioned;
    private byte[][] segments;
    private int count = -1;
    private int next;
    private int received;
    private int inFlight;
    private boolean failed;

    Fetch(Name prefix, SegmentCallback progress, DataCallback done) {
      this.prefix = prefix;
      this.progress = progress;
      this.done = done;
    }

    void start() {
      Interest discovery = Interest.builder(prefix).canBePrefix(true).mustBeFresh(true).build();
      discover(discovery, 0);
    }

    private void discover(Interest discovery, int attempt) {
      express(discovery).whenComplete((d, error) -> {
        if (error != null && attempt + 1 < MAX_ATTEMPTS) {
          engine.scheduler().schedule(RETRY_DELAY_MS, () -> discover(discovery, attempt + 1));
          return;
        }
        if (error != null) {
          fail(error);
          return;
        }
        Name n = d.name();
        if (n.size() == 0 || !n.get(n.size() - 1).isSegment()) {
          done.done(null, n.toString(), Js.uint8(bytes(d.content())), d.freshnessPeriod(), fromCache(d));
          return;
        }
        versioned = n.getPrefix(n.size() - 1);
        Component last = d.finalBlockId();
        count = last != null && last.isSegment() ? (int) last.toNumber() + 1 : 1;
        segments = new byte[count][];
        int index = (int) n.get(n.size() - 1).toNumber();
        next = 0;
        accept(index, d);
        pump();
      });
    }

    private void pump() {
      while (!failed && inFlight < FETCH_WINDOW && next < count) {
        int index = next++;
        if (segments[index] == null) {
          request(index, 0);
        }
      }
    }

    /**
     * Requests one segment; a timeout or a Nack (no route while the upstream reconnects, congestion) is retried
     * after {@link #RETRY_DELAY_MS} up to {@link #MAX_ATTEMPTS} times before the fetch fails.
     */
    private void request(int index, int attempt) {
      inFlight++;
      Interest i = Interest.builder(versioned.append(Component.segment(index))).build();
      engine.consumer().express(i).whenComplete((d, error) -> {
        inFlight--;
        if (failed) {
          return;
        }
        if (error == null) {
          accept(index, d);
          pump();
        } else if (attempt + 1 < MAX_ATTEMPTS) {
          inFlight++; // keeps the window slot while waiting
          engine.scheduler().schedule(RETRY_DELAY_MS, () -> {
            inFlight--;
            if (!failed) {
              request(index, attempt + 1);
            }
          });
        } else {
          fail(error);
        }
      });
    }

    private void accept(int index, Data d) {
      if (failed || index < 0 || index >= count || segments[index] != null) {
        return;
      }
      segments[index] = bytes(d.content());
      received++;
      progress.segment(index, count, fromCache(d));
      if (received == count) {
        int total = 0;
        for (byte[] s : segments) {
          total += s.length;
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] s : segments) {
          System.arraycopy(s, 0, all, at, s.length);
          at += s.length;
        }
        done.done(null, versioned.toString(), Js.uint8(all), 0, false);
      }
    }

    private void fail(Throwable error) {
      if (!failed) {
        failed = true;
        done.done(message(error), null, null, 0, false);
      }
    }
  }

  // -------------------------------------------------------------------------------------------- producer

  /** A produced prefix: its own app face (so the tab's consumers reach it too) and its registration. */
  private static final class Producing {
    final AppFace face;
    final Registration registration;

    Producing(AppFace face, Registration registration) {
      this.face = face;
      this.registration = registration;
    }
  }

  @Override
  public int produce(String prefix, InterestCallback handler, NumberCallback result) {
    Name p;
    try {
      p = Name.parse(prefix);
    } catch (RuntimeException e) {
      result.done("bad name: " + e.getMessage(), 0);
      return 0;
    }
    int id = ++nextId;
    AppFace face = engine.newAppFace();
    Registration reg = face.producer().produce(p, (interest, r) -> {
      int rid = ++nextId;
      requests.put(rid, r);
      // a request not answered within the Interest's lifetime is forgotten
      engine.scheduler().schedule(interest.lifetime() + 1000, () -> requests.remove(rid));
      ByteBuffer params = interest.hasApplicationParameters() ? interest.applicationParameters() : null;
      handler.interest(interest.name().toString(), rid, params == null ? null : Js.uint8(bytes(params)));
    });
    producers.put(id, new Producing(face, reg));
    registerRemote(p, error -> result.done(error, id));
    return id;
  }

  /** Registers {@code prefix} with the shared engine or the forwarder; {@code done} gets null or an error. */
  void registerRemote(Name prefix, java.util.function.Consumer<String> done) {
    registered.add(prefix);
    if (upstreamFace() == null) {
      done.accept(null); // registered when the WebSocket comes up
      return;
    }
    commands.register(prefix, CommandClient.ORIGIN_CLIENT, 0)
        .whenComplete((ok, error) -> done.accept(error == null ? null : message(error)));
  }

  void unregisterRemote(Name prefix) {
    if (registered.remove(prefix) && upstreamFace() != null) {
      commands.unregister(prefix, CommandClient.ORIGIN_CLIENT);
    }
  }

  @Override
  public void respond(int requestId, Uint8Array content, int freshnessMillis) {
    Responder r = requests.remove(requestId);
    if (r == null || r.isAnswered()) {
      return;
    }
    byte[] value = content == null ? new byte[0] : Js.bytesOf(content).clone();
    r.data(Data.builder(r.interest().name()).content(value)
        .freshnessPeriod(freshnessMillis >= 0 ? freshnessMillis : 1000).signWithDigestSha256());
  }

  @Override
  public void respondNack(int requestId, int reason) {
    Responder r = requests.remove(requestId);
    if (r != null && !r.isAnswered()) {
      r.nack(reason);
    }
  }

  @Override
  public void unproduce(int producerId) {
    Producing p = producers.remove(producerId);
    if (p != null) {
      Name prefix = p.registration.prefix();
      p.registration.close();
      p.face.close();
      unregisterRemote(prefix);
    }
  }

  // -------------------------------------------------------------------------------------------- channels

  @Override
  public int subscribe(String channel, PublicationCallback cb) {
    return channels.subscribe(Name.parse(channel), cb);
  }

  @Override
  public void unsubscribeId(int subscriptionId) {
    channels.unsubscribeId(subscriptionId);
  }

  @Override
  public void unsubscribe(String channel) {
    channels.unsubscribe(Name.parse(channel));
  }

  @Override
  public void publish(String channel, Uint8Array content, NumberCallback done) {
    channels.publish(Name.parse(channel), content == null ? new byte[0] : Js.bytesOf(content).clone(), done);
  }

  @Override
  public void get(String channel, DataCallback cb) {
    channels.latest(Name.parse(channel), cb);
  }

  int newId() {
    return ++nextId;
  }

  // -------------------------------------------------------------------------------------------- status

  @Override
  public void status(StringCallback cb) {
    if (proxy != null) {
      proxy.status(cb::done);
    } else {
      cb.done(EngineStatus.json(engine, mode, upstream, 0, 1, null));
    }
  }

  @Override
  public void disconnect() {
    channels.close();
    if (proxy != null) {
      proxy.bye();
    } else {
      upstream.stop();
    }
    engine.close();
  }

  static byte[] bytes(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }

  static String message(Throwable t) {
    String m = t.getMessage();
    return m == null ? t.getClass().getName() : m;
  }

  List<Name> registeredPrefixes() {
    return new ArrayList<>(registered);
  }
}
