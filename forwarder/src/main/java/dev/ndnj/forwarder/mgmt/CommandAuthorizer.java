package dev.ndnj.forwarder.mgmt;

import java.util.function.Consumer;

/**
 * The one place that decides whether a signed command may run: the seam where the security module plugs in real
 * signature verification and per-module privileges (NFD's {@code authorizations} section and RIB validators).
 *
 * <p>The dispatcher calls {@link #authorize} on the forwarding thread for every command Interest that is well formed,
 * fresh (its timestamp is within the grace period) and not a replay; the authorizer answers through {@code done}
 * exactly once, at once or later, from any thread (e.g. after fetching a certificate). A rejected command gets
 * ControlResponse 403 and changes nothing. The replay records are updated only for accepted commands.
 *
 * <p>The default is {@link LocalCommandAuthorizer}.
 */
@FunctionalInterface
public interface CommandAuthorizer {
  /** Decides on {@code request}; must call {@code done} exactly once. It must not block the forwarding thread. */
  void authorize(CommandRequest request, Consumer<Decision> done);

  /** An authorizer that decides synchronously with {@code rule}. */
  static CommandAuthorizer of(java.util.function.Function<CommandRequest, Decision> rule) {
    return (request, done) -> done.accept(rule.apply(request));
  }

  /** The outcome of an authorization: accept, or reject with a reason (logged, and sent as StatusText). */
  final class Decision {
    private static final Decision ACCEPT = new Decision(true, "");
    private final boolean accepted;
    private final String reason;

    private Decision(boolean accepted, String reason) {
      this.accepted = accepted;
      this.reason = reason;
    }

    /** The command may run. */
    public static Decision accept() {
      return ACCEPT;
    }

    /** The command is refused because of {@code reason}. */
    public static Decision reject(String reason) {
      return new Decision(false, reason == null ? "" : reason);
    }

    /** Whether accepted. */
    public boolean isAccepted() {
      return accepted;
    }

    /** Why rejected ("" when accepted). */
    public String reason() {
      return reason;
    }

    @Override
    public String toString() {
      return accepted ? "accept" : "reject(" + reason + ")";
    }
  }
}
