package dev.ndnj.forwarder.rib;

import dev.ndnj.tlv.Name;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The routes of one name prefix in the {@link Rib}, kept sorted by (face id, origin). An entry exists while it has
 * routes. Read it on the forwarding thread; {@link #routes()} is a live read-only view.
 */
public final class RibEntry {
  private final Name name;
  final List<Route> routes = new ArrayList<>(2);
  private final List<Route> view = Collections.unmodifiableList(routes);

  RibEntry(Name name) {
    this.name = name;
  }

  /** The prefix. */
  public Name name() {
    return name;
  }

  /** The routes, by face id then origin (read-only live view). */
  public List<Route> routes() {
    return view;
  }

  /** The route of {@code faceId} and {@code origin}, or null. */
  public Route route(int faceId, int origin) {
    for (Route r : routes) {
      if (r.faceId() == faceId && r.origin() == origin) {
        return r;
      }
    }
    return null;
  }

  /** Whether some route has the CAPTURE flag: no shorter prefix's route is inherited here or below. */
  public boolean hasCapture() {
    for (Route r : routes) {
      if (r.isCapture()) {
        return true;
      }
    }
    return false;
  }

  /** Puts {@code r} in place of the route with the same (face, origin), keeping the order; returns the old one. */
  Route put(Route r) {
    for (int i = 0; i < routes.size(); i++) {
      Route o = routes.get(i);
      if (o.faceId() == r.faceId() && o.origin() == r.origin()) {
        routes.set(i, r);
        return o;
      }
      if (o.faceId() > r.faceId() || o.faceId() == r.faceId() && o.origin() > r.origin()) {
        routes.add(i, r);
        return null;
      }
    }
    routes.add(r);
    return null;
  }

  /** Removes the route of (face, origin); returns it or null. */
  Route remove(int faceId, int origin) {
    for (int i = 0; i < routes.size(); i++) {
      Route o = routes.get(i);
      if (o.faceId() == faceId && o.origin() == origin) {
        routes.remove(i);
        return o;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "RibEntry(" + name + " " + routes + ")";
  }
}
