package dev.ndnj.forwarder.mgmt;

import dev.ndnj.tlv.TlvTypes;
import java.util.function.Consumer;

/**
 * The default {@link CommandAuthorizer}: trust the host. It accepts any well-formed signed command that came in on
 * a local face under {@code /localhost/nfd} or {@code /localhop/nfd} (a local face is trusted alike under both). It
 * does not verify who signed (no keys here): the only signature it checks is DigestSha256, whose value must match (a
 * mismatch means a corrupted or forged command). This is what NFD's sample configuration amounts to for local
 * applications ({@code certfile any}), and it is adequate only while every local process may manage the forwarder.
 *
 * <p>It has no /localhop trust policy, so it refuses {@code /localhop/nfd} commands from non-local faces, whether
 * /localhop is enabled or not: a neighbour's registration is always checked against a /localhop policy, which
 * {@link StrictCommandAuthorizer} provides (its anchors, or NFD's {@code trust-anchor any} as an explicit opt-in).
 */
public final class LocalCommandAuthorizer implements CommandAuthorizer {
  private final boolean localhopEnabled;

  /**
   * An authorizer for a dispatcher whose /localhop is {@code localhopEnabled} (which only changes the reason given
   * when a non-local face's /localhop command is refused).
   */
  public LocalCommandAuthorizer(boolean localhopEnabled) {
    this.localhopEnabled = localhopEnabled;
  }

  @Override
  public void authorize(CommandRequest request, Consumer<Decision> done) {
    done.accept(decide(request));
  }

  /** The decision for {@code request}. */
  public Decision decide(CommandRequest request) {
    if (request.isLocalhop()) {
      if (!request.ingressLocal()) {
        return Decision.reject(localhopEnabled ? "no /localhop trust policy is configured"
            : "/localhop commands from non-local faces are not enabled");
      }
    } else if (!request.ingressLocal()) {
      return Decision.reject("commands under /localhost are accepted from local faces only");
    }
    if (request.signature().signatureType() == TlvTypes.SIGNATURE_DIGEST_SHA256
        && !request.signature().verifyDigestSha256()) {
      return Decision.reject("DigestSha256 signature does not match the command");
    }
    return Decision.accept();
  }
}
