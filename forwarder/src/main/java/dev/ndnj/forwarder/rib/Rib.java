package dev.ndnj.forwarder.rib;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.engine.fw.Forwarder;
import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.platform.Scheduler;
import dev.ndnj.engine.table.Fib;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Tlv;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Routing Information Base, as NFD's: routes per name prefix, registered by applications ({@code rib/register}),
 * routing daemons or configuration, from which the FIB's next hops are computed.
 *
 * <p>FIB computation (NFD's {@code Rib}/{@code FibUpdater} semantics, computed declaratively): the next hops of a
 * prefix that has a RIB entry are
 * <ul>
 *   <li>its own routes, one next hop per face at the lowest cost among that face's routes (all origins), and
 *   <li>unless one of its own routes has CAPTURE, the routes it inherits: walking the ancestors that have RIB
 *       entries from the nearest to {@code /}, each ancestor's CHILD_INHERIT routes (lowest cost per face within that
 *       ancestor), for faces not already present (own routes win, then nearer ancestors); the walk stops after an
 *       ancestor that has a CAPTURE route.
 * </ul>
 * A prefix without RIB entry gets no FIB entry of its own: the FIB's longest-prefix match then falls back to the
 * nearest one that has.
 *
 * <p>After every change the RIB recomputes the changed prefix and every RIB prefix below it (only they can inherit
 * from it) and applies the difference to the {@link Fib}: it adds, updates and removes only the next hops it
 * installed itself, so next hops added directly (management's {@code fib/add-nexthop}, the engine's application
 * producers, the management prefix) on other (prefix, face) pairs are left alone. Routes expire by the engine's
 * scheduler. When a face leaves the face table, its routes go (the forwarder has already removed its next hops).
 *
 * <p>Forwarding thread only. Names given to it are copied (a command's name is a view of the whole Interest).
 */
public final class Rib implements AutoCloseable {
  /** Most components a route prefix may have (NFD's FIB maximum depth). */
  public static final int MAX_DEPTH = 32;

  private static final Logger LOG = System.getLogger(Rib.class.getName());

  private final Fib fib;
  private final FaceTable faces;
  private final Clock clock;
  private final Scheduler scheduler;
  private final TreeMap<Name, RibEntry> entries = new TreeMap<>();
  /** The next hops this RIB put in the FIB, by prefix: face id to cost. */
  private final TreeMap<Name, Map<Integer, Long>> installed = new TreeMap<>();
  private final FaceTable.Listener faceListener = new FaceTable.Listener() {
    @Override
    public void faceRemoved(Face face) {
      removeFace(face.id());
    }
  };
  private boolean closed;

  /**
   * A RIB that drives {@code forwarder}'s FIB and follows its face table (call on the forwarding thread). The
   * forwarder's scheduler runs route expiry.
   */
  public Rib(Forwarder forwarder) {
    this.fib = forwarder.fib();
    this.faces = forwarder.faceTable();
    this.clock = forwarder.clock();
    this.scheduler = forwarder.scheduler();
    faces.addListener(faceListener);
  }

  /**
   * Adds a route, or replaces the route with the same (prefix, face, origin), and updates the FIB.
   *
   * @param expirationMillis how long the route lives, or -1 for ever; 0 removes the route (it expired at once, as
   *     in NFD)
   * @return the route now in the RIB, or null when {@code expirationMillis} was 0
   * @throws IllegalArgumentException if the face is not in the face table, the prefix is deeper than
   *     {@link #MAX_DEPTH}, or cost or origin is negative
   * @throws IllegalStateException if the RIB is closed
   */
  public Route register(Name prefix, int faceId, int origin, long cost, long flags, long expirationMillis) {
    checkOpen();
    if (prefix.size() > MAX_DEPTH) {
      throw new IllegalArgumentException("route prefix " + prefix + " has more than " + MAX_DEPTH + " components");
    }
    if (faces.get(faceId) == null) {
      throw new IllegalArgumentException("face " + faceId + " is not in the face table");
    }
    if (cost < 0 || origin < 0) {
      throw new IllegalArgumentException("cost and origin must be >= 0, got " + cost + " and " + origin);
    }
    if (expirationMillis == 0) {
      unregister(prefix, faceId, origin);
      return null;
    }
    long now = clock.monotonicMillis();
    long expiresAt = expirationMillis < 0 || expirationMillis >= Route.NEVER - now ? Route.NEVER
        : now + expirationMillis;
    Name key = compact(prefix);
    RibEntry e = entries.get(key);
    if (e == null) {
      e = new RibEntry(key);
      entries.put(key, e);
    }
    Route r = new Route(faceId, origin, cost, flags, expiresAt);
    Route old = e.put(r);
    if (old != null && old.timer != null) {
      old.timer.cancel();
    }
    if (expiresAt != Route.NEVER) {
      RibEntry entry = e;
      r.timer = scheduler.schedule(expiresAt - now, () -> onExpired(entry, r));
    }
    LOG.log(Level.DEBUG, () -> "rib register " + key + " " + r);
    syncSubtree(key);
    return r;
  }

  /**
   * Removes the route of (prefix, face, origin) and updates the FIB.
   *
   * @return whether there was such a route
   */
  public boolean unregister(Name prefix, int faceId, int origin) {
    checkOpen();
    RibEntry e = entries.get(prefix);
    if (e == null) {
      return false;
    }
    Route r = e.remove(faceId, origin);
    if (r == null) {
      return false;
    }
    if (r.timer != null) {
      r.timer.cancel();
    }
    if (e.routes.isEmpty()) {
      entries.remove(e.name());
    }
    LOG.log(Level.DEBUG, () -> "rib unregister " + e.name() + " " + r);
    syncSubtree(e.name());
    return true;
  }

  /** Removes every route through {@code faceId} and updates the FIB; returns how many went. */
  public int removeFace(int faceId) {
    if (closed) {
      return 0;
    }
    List<Name> touched = new ArrayList<>();
    int n = 0;
    for (RibEntry e : new ArrayList<>(entries.values())) {
      boolean hit = false;
      for (int i = e.routes.size() - 1; i >= 0; i--) {
        Route r = e.routes.get(i);
        if (r.faceId() == faceId) {
          if (r.timer != null) {
            r.timer.cancel();
          }
          e.routes.remove(i);
          hit = true;
          n++;
        }
      }
      if (hit) {
        touched.add(e.name());
        if (e.routes.isEmpty()) {
          entries.remove(e.name());
        }
      }
    }
    for (Name name : touched) {
      syncSubtree(name);
    }
    if (n > 0) {
      int removed = n;
      LOG.log(Level.DEBUG, () -> "rib face " + faceId + " gone: " + removed + " route(s) removed");
    }
    return n;
  }

  private void onExpired(RibEntry e, Route r) {
    if (closed || entries.get(e.name()) != e || e.route(r.faceId(), r.origin()) != r) {
      return;
    }
    r.timer = null;
    LOG.log(Level.DEBUG, () -> "rib expired " + e.name() + " " + r);
    unregister(e.name(), r.faceId(), r.origin());
  }

  /** The entry of exactly {@code prefix}, or null. */
  public RibEntry find(Name prefix) {
    return entries.get(prefix);
  }

  /** The entries in canonical name order (a snapshot list of live entries). */
  public List<RibEntry> entries() {
    return new ArrayList<>(entries.values());
  }

  /** Number of prefixes with routes. */
  public int size() {
    return entries.size();
  }

  /**
   * The next hops the RIB computes for exactly {@code prefix} (face id to cost, own routes first); empty if the
   * prefix has no RIB entry.
   */
  public Map<Integer, Long> computeNextHops(Name prefix) {
    RibEntry e = entries.get(prefix);
    if (e == null) {
      return Collections.emptyMap();
    }
    Map<Integer, Long> hops = new LinkedHashMap<>();
    for (Route r : e.routes) {
      hops.merge(r.faceId(), r.cost(), Math::min);
    }
    if (e.hasCapture()) {
      return hops;
    }
    Map<Integer, Long> inherited = new LinkedHashMap<>();
    for (int k = prefix.size() - 1; k >= 0; k--) {
      RibEntry a = entries.get(prefix.getPrefix(k));
      if (a == null) {
        continue;
      }
      Map<Integer, Long> fromA = new LinkedHashMap<>();
      for (Route r : a.routes) {
        if (r.isChildInherit()) {
          fromA.merge(r.faceId(), r.cost(), Math::min);
        }
      }
      for (Map.Entry<Integer, Long> h : fromA.entrySet()) {
        if (!hops.containsKey(h.getKey())) {
          inherited.putIfAbsent(h.getKey(), h.getValue());
        }
      }
      if (a.hasCapture()) {
        break;
      }
    }
    hops.putAll(inherited);
    return hops;
  }

  /** Recomputes {@code prefix} and every prefix below it that has a RIB entry or installed next hops. */
  private void syncSubtree(Name prefix) {
    TreeSet<Name> names = new TreeSet<>();
    for (Name n : entries.tailMap(prefix, true).keySet()) {
      if (!prefix.isPrefixOf(n)) {
        break; // names under a prefix are contiguous in canonical order
      }
      names.add(n);
    }
    for (Name n : installed.tailMap(prefix, true).keySet()) {
      if (!prefix.isPrefixOf(n)) {
        break;
      }
      names.add(n);
    }
    for (Name n : names) {
      syncPrefix(n);
    }
  }

  /** Makes the FIB hold, for the next hops this RIB owns at {@code name}, exactly what it computes. */
  private void syncPrefix(Name name) {
    Map<Integer, Long> want = computeNextHops(name);
    Map<Integer, Long> have = installed.getOrDefault(name, Collections.emptyMap());
    Map<Integer, Long> now = new LinkedHashMap<>();
    for (Integer faceId : have.keySet()) {
      if (!want.containsKey(faceId)) {
        Face f = faces.get(faceId);
        if (f != null) {
          fib.removeNextHop(name, f);
        }
      }
    }
    for (Map.Entry<Integer, Long> w : want.entrySet()) {
      Face f = faces.get(w.getKey());
      if (f == null) {
        continue; // a face on its way out: its routes go when the face table says so
      }
      if (!w.getValue().equals(have.get(w.getKey()))) {
        fib.addOrUpdateNextHop(name, f, w.getValue());
      }
      now.put(w.getKey(), w.getValue());
    }
    if (now.isEmpty()) {
      installed.remove(name);
    } else {
      installed.put(name, now);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the RIB is closed");
    }
  }

  /**
   * Stops following the face table and cancels expiry timers. The FIB keeps the next hops installed so far (the
   * forwarder removes a face's next hops when the face goes).
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    faces.removeListener(faceListener);
    for (RibEntry e : entries.values()) {
      for (Route r : e.routes) {
        if (r.timer != null) {
          r.timer.cancel();
        }
      }
    }
  }

  /** A copy of {@code name} over its own bytes, so a table does not keep a whole packet alive. */
  static Name compact(Name name) {
    ByteBuffer w = name.wire();
    return Name.decode(ByteBuffer.wrap(Tlv.copy(w, w.position(), w.remaining())));
  }
}
