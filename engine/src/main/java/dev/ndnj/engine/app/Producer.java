package dev.ndnj.engine.app;

import dev.ndnj.engine.table.NameTable;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;

/**
 * The producer side of an {@link AppFace}: {@link #produce} routes a prefix to this face in the FIB (cost 0) and
 * gives each Interest under it to the handler of the longest registered prefix. An Interest that reaches the face
 * with no registration left (closed meanwhile) is Nacked NoRoute.
 *
 * <p>{@link #produce} may be called from any thread; the route is in place once the call's task has run on the
 * forwarding thread (at once when called there), before anything the same thread does afterwards.
 */
public final class Producer {
  private final AppFace face;
  private NameTable<Registration> registrations = new NameTable<>();

  Producer(AppFace face) {
    this.face = face;
  }

  /** The face this producer answers on. */
  public AppFace face() {
    return face;
  }

  /**
   * Serves {@code prefix} with {@code handler}. Registering a prefix again on the same producer replaces the
   * handler (closing the older registration then does nothing).
   *
   * @throws IllegalStateException if the engine is closed
   */
  public Registration produce(Name prefix, InterestHandler handler) {
    if (prefix == null || handler == null) {
      throw new IllegalArgumentException("prefix and handler are required");
    }
    Registration reg = new Registration(this, prefix, handler);
    if (!face.run(() -> register(reg))) {
      throw new IllegalStateException("the engine is closed");
    }
    return reg;
  }

  /** Number of open registrations (read on the forwarding thread). */
  public int registrationCount() {
    return registrations.size();
  }

  // ------------------------------------------------------------------------------------- forwarding thread

  private void register(Registration reg) {
    if (reg.isClosed() || face.isClosed()) {
      return;
    }
    registrations.put(reg.prefix(), reg);
    face.forwarder().fib().addOrUpdateNextHop(reg.prefix(), face.face(), 0);
  }

  void unregister(Registration reg) {
    if (registrations.get(reg.prefix()) != reg) {
      return;
    }
    registrations.remove(reg.prefix());
    if (face.face().isUp()) {
      face.forwarder().fib().removeNextHop(reg.prefix(), face.face());
    }
  }

  void onInterest(Interest interest, int ingressFaceId) {
    Registration reg = registrations.longestPrefixMatch(interest.name());
    if (reg == null) {
      face.putNack(interest, NackReason.NO_ROUTE, null);
      return;
    }
    reg.handler().onInterest(interest, new Responder(face, interest, ingressFaceId));
  }

  /** The face closed: the forwarder dropped the routes; forget the handlers. */
  void onFaceClosed() {
    registrations = new NameTable<>();
  }
}
