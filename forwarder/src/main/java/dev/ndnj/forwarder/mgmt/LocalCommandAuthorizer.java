package dev.ndnj.forwarder.mgmt;

import dev.ndnj.tlv.TlvTypes;
import java.util.function.Consumer;

/**
 * The default {@link CommandAuthorizer}: trust the host. It accepts any well-formed signed command that came in on
 * a local face under {@code /localhost/nfd} or {@code /localhop/nfd} (a local face is trusted alike under both),
 * and, when {@code /localhop} is enabled, any well-formed signed {@code /localhop/nfd} command whatever the face. It does not verify who signed (no keys here): the only signature
 * it checks is DigestSha256, whose value must match (a mismatch means a corrupted or forged command). This is what
 * NFD's sample configuration amounts to ({@code certfile any} for the forwarder's modules, {@code trust-anchor any}
 * for the RIB), and it is adequate only while every local process may manage the forwarder.
 */
public final class LocalCommandAuthorizer implements CommandAuthorizer {
  private final boolean localhopEnabled;

  /** An authorizer that accepts /localhop commands from non-local faces only if {@code localhopEnabled}. */
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
      if (!localhopEnabled && !request.ingressLocal()) {
        return Decision.reject("/localhop commands from non-local faces are not enabled");
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
