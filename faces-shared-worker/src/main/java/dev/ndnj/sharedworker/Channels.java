package dev.ndnj.sharedworker;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.app.AppFace;
import dev.ndnj.engine.app.InterestTimeoutException;
import dev.ndnj.engine.app.NackException;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publish/subscribe channels over plain NDN. A channel is a name; publication number k is the Data
 * {@code /<channel>/seq=k} (FreshnessPeriod {@value #FRESHNESS_MS} ms). A subscriber learns the latest number with a
 * CanBePrefix+MustBeFresh Interest for the channel name, then keeps one Interest pending for the next number and
 * re-expresses it when it expires: so the subscribers of every tab of an origin send the same Interest, which the
 * shared engine aggregates into one upstream. A publisher produces the channel prefix (registered like any
 * producer), keeps its last {@value #KEEP} publications and answers pending Interests when it publishes; in the
 * tab's engine the channel uses the multicast strategy towards both the local publisher and the upstream, so
 * several publishers (tabs, browsers, JVM programs) can share a channel. Numbers are chosen as one more than the
 * highest seen: two publishers publishing at the same instant may pick the same number, and subscribers then see
 * only one of the two publications.
 */
final class Channels {
  static final int KEEP = 64;
  static final int FRESHNESS_MS = 250;
  static final int LIFETIME_MS = 4000;
  static final int DISCOVERY_LIFETIME_MS = 1000;
  static final int RETRY_MS = 1000;
  private static final int UPSTREAM_COST = 100;
  private static final String MULTICAST = "/localhost/nfd/strategy/multicast";

  private final NdnjClient client;
  private final Engine engine;
  private final Map<Name, Channel> channels = new HashMap<>();
  private final Map<Integer, Channel> bySubscription = new HashMap<>();
  private boolean closed;

  Channels(NdnjClient client) {
    this.client = client;
    this.engine = client.engine();
  }

  private static final class Waiting {
    final Responder responder;
    final long expiry;

    Waiting(Responder responder, long expiry) {
      this.responder = responder;
      this.expiry = expiry;
    }
  }

  private static final class Channel {
    final Name prefix;
    final Map<Integer, ClientApi.PublicationCallback> subscribers = new LinkedHashMap<>();
    long latest;
    boolean looping;
    Promise<Data> pending;
    // publisher side
    AppFace face;
    Registration registration;
    boolean registered;
    final List<Runnable> afterRegistration = new ArrayList<>();
    final LinkedHashMap<Long, Data> recent = new LinkedHashMap<>();
    final List<Waiting> waiting = new ArrayList<>();
    long lastPublished;

    Channel(Name prefix) {
      this.prefix = prefix;
    }
  }

  private Channel channel(Name prefix) {
    return channels.computeIfAbsent(prefix, Channel::new);
  }

  // ------------------------------------------------------------------------------------------ subscriber

  int subscribe(Name prefix, ClientApi.PublicationCallback cb) {
    Channel c = channel(prefix);
    int id = client.newId();
    c.subscribers.put(id, cb);
    bySubscription.put(id, c);
    if (!c.looping) {
      c.looping = true;
      discover(c);
    }
    return id;
  }

  void unsubscribeId(int id) {
    Channel c = bySubscription.remove(id);
    if (c != null) {
      c.subscribers.remove(id);
      stopIfIdle(c);
    }
  }

  void unsubscribe(Name prefix) {
    Channel c = channels.get(prefix);
    if (c != null) {
      for (Integer id : new ArrayList<>(c.subscribers.keySet())) {
        bySubscription.remove(id);
      }
      c.subscribers.clear();
      stopIfIdle(c);
    }
  }

  private void stopIfIdle(Channel c) {
    if (c.subscribers.isEmpty() && c.pending != null) {
      c.pending.cancel();
      c.pending = null;
      c.looping = false;
    }
  }

  private boolean keepGoing(Channel c) {
    if (closed || c.subscribers.isEmpty()) {
      c.looping = false;
      return false;
    }
    return true;
  }

  private void discover(Channel c) {
    if (!keepGoing(c)) {
      return;
    }
    Interest i = Interest.builder(c.prefix).canBePrefix(true).mustBeFresh(true).lifetime(DISCOVERY_LIFETIME_MS)
        .build();
    Promise<Data> p = client.express(i);
    c.pending = p;
    p.whenComplete((d, error) -> {
      if (p.isCancelled()) {
        return;
      }
      long seq = d == null ? -1 : seqOf(c.prefix, d.name());
      if (seq > 0) {
        deliver(c, seq, d);
        next(c, Math.max(c.latest, seq) + 1);
      } else if (error instanceof InterestTimeoutException || d != null) {
        next(c, c.latest + 1);
      } else {
        engine.scheduler().schedule(RETRY_MS, () -> next(c, c.latest + 1));
      }
    });
  }

  private void next(Channel c, long k) {
    if (!keepGoing(c)) {
      return;
    }
    Interest i = Interest.builder(c.prefix.append(Component.sequenceNumber(k))).lifetime(LIFETIME_MS).build();
    Promise<Data> p = client.express(i);
    c.pending = p;
    p.whenComplete((d, error) -> {
      if (p.isCancelled()) {
        return;
      }
      if (d != null) {
        deliver(c, k, d);
        next(c, Math.max(c.latest, k) + 1);
      } else if (error instanceof InterestTimeoutException) {
        discover(c); // nothing new for a lifetime: catch up in case the publisher moved on
      } else {
        engine.scheduler().schedule(RETRY_MS, () -> discover(c));
      }
    });
  }

  private void deliver(Channel c, long seq, Data d) {
    if (seq <= c.latest) {
      return;
    }
    c.latest = seq;
    String name = d.name().toString();
    for (ClientApi.PublicationCallback cb : new ArrayList<>(c.subscribers.values())) {
      try {
        cb.publication(name, seq, Js.uint8(NdnjClient.bytes(d.content())));
      } catch (RuntimeException e) {
        Js.warn("ndnj: a subscriber of " + c.prefix + " failed: " + e);
      }
    }
  }

  static long seqOf(Name prefix, Name name) {
    if (name.size() != prefix.size() + 1 || !prefix.isPrefixOf(name)) {
      return -1;
    }
    Component last = name.get(name.size() - 1);
    return last.type() == Component.sequenceNumber(0).type() ? last.toNumber() : -1;
  }

  void latest(Name prefix, ClientApi.DataCallback cb) {
    Channel c = channels.get(prefix);
    if (c != null && c.lastPublished > 0 && c.lastPublished >= c.latest) {
      client.deliver(cb, c.recent.get(c.lastPublished), null);
      return;
    }
    Interest i = Interest.builder(prefix).canBePrefix(true).mustBeFresh(true).lifetime(DISCOVERY_LIFETIME_MS)
        .build();
    client.express(i).whenComplete((d, error) -> {
      if (d != null) {
        client.deliver(cb, d, null);
      } else if (error instanceof InterestTimeoutException || error instanceof NackException) {
        cb.done(null, null, null, 0, false); // no publication, or no publisher: no latest value
      } else {
        cb.done(NdnjClient.message(error), null, null, 0, false);
      }
    });
  }

  // ------------------------------------------------------------------------------------------- publisher

  void publish(Name prefix, byte[] content, ClientApi.NumberCallback done) {
    Channel c = channel(prefix);
    ensureProducer(c, error -> {
      if (error != null) {
        done.done(error, 0);
        return;
      }
      long seq = Math.max(c.latest, c.lastPublished) + 1;
      Data d = Data.builder(prefix.append(Component.sequenceNumber(seq))).content(content)
          .freshnessPeriod(FRESHNESS_MS).signWithDigestSha256();
      c.lastPublished = seq;
      c.recent.put(seq, d);
      if (c.recent.size() > KEEP) {
        Iterator<Long> it = c.recent.keySet().iterator();
        it.next();
        it.remove();
      }
      long now = engine.clock().monotonicMillis();
      for (Iterator<Waiting> it = c.waiting.iterator(); it.hasNext(); ) {
        Waiting w = it.next();
        if (w.expiry < now || w.responder.isAnswered()) {
          it.remove();
        } else if (w.responder.interest().matches(d)) {
          it.remove();
          w.responder.data(d);
        }
      }
      deliver(c, seq, d);
      done.done(null, seq);
    });
  }

  private void ensureProducer(Channel c, java.util.function.Consumer<String> then) {
    if (c.registered) {
      then.accept(null);
      return;
    }
    c.afterRegistration.add(() -> then.accept(null));
    if (c.registration != null) {
      return; // registration under way
    }
    c.face = engine.newAppFace();
    c.registration = c.face.producer().produce(c.prefix, (interest, r) -> onInterest(c, interest, r));
    if (!c.prefix.isEmpty()) {
      engine.forwarder().strategyChoice().set(c.prefix, MULTICAST);
    }
    Face up = client.upstreamFace();
    if (up != null) {
      engine.forwarder().fib().addOrUpdateNextHop(c.prefix, up, UPSTREAM_COST);
    }
    client.registerRemote(c.prefix, error -> {
      if (error != null) {
        Js.warn("ndnj: registration of channel " + c.prefix + " failed: " + error);
      }
      // publishing works locally even if the upstream refused; subscribers elsewhere will not see it
      c.registered = true;
      List<Runnable> run = new ArrayList<>(c.afterRegistration);
      c.afterRegistration.clear();
      for (Runnable r : run) {
        r.run();
      }
    });
  }

  private void onInterest(Channel c, Interest interest, Responder r) {
    Name n = interest.name();
    if (n.equals(c.prefix)) {
      Data last = c.recent.get(c.lastPublished);
      if (last != null && interest.canBePrefix()) {
        r.data(last);
      } else {
        hold(c, r);
      }
      return;
    }
    long seq = seqOf(c.prefix, n);
    Data d = seq > 0 ? c.recent.get(seq) : null;
    if (d != null) {
      r.data(d);
    } else if (seq > c.lastPublished) {
      hold(c, r);
    }
  }

  private void hold(Channel c, Responder r) {
    long now = engine.clock().monotonicMillis();
    c.waiting.removeIf(w -> w.expiry < now || w.responder.isAnswered());
    if (c.waiting.size() < 1024) {
      c.waiting.add(new Waiting(r, now + r.interest().lifetime()));
    }
  }

  void upstreamUp(Face face) {
    for (Channel c : channels.values()) {
      if (c.registration != null) {
        engine.forwarder().fib().addOrUpdateNextHop(c.prefix, face, UPSTREAM_COST);
      }
    }
  }

  void close() {
    closed = true;
    for (Channel c : channels.values()) {
      if (c.pending != null) {
        c.pending.cancel();
      }
    }
  }
}
