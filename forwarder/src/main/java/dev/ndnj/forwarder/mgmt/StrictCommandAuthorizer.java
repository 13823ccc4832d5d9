package dev.ndnj.forwarder.mgmt;

import dev.ndnj.security.TrustRule;
import dev.ndnj.security.Validator;
import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Name;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link CommandAuthorizer} that verifies who signed a command, as NFD does with its {@code authorizations} and
 * {@code localhop_security} sections: the command's signature must verify with a key its trust policy accepts (a
 * {@link Validator}: trust anchors, which are the allowed keys, and rules). Each management module may have its own
 * policy; modules without one use the default policy; a module with neither refuses every command.
 * {@code /localhop/nfd} commands from non-local faces are checked against their own policy and refused when there
 * is none (or when {@code /localhop} is off).
 *
 * <p>With {@link Builder#localFacesTrusted(boolean) localFacesTrusted} (the forwarder's default mode), commands
 * from local faces are decided as {@link LocalCommandAuthorizer} does (the operating system's boundary is the trust
 * boundary), and only {@code /localhop} commands from other faces are verified. Otherwise (strict mode) every
 * command is verified: a DigestSha256 command, which names no signer, is refused.
 *
 * <p>A refused command is logged at INFO with its module, verb, face and signer (the KeyLocator), and answered 403
 * by the dispatcher; replay protection stays with the dispatcher, in every mode. Thread-safe.
 */
public final class StrictCommandAuthorizer implements CommandAuthorizer {
  private static final Logger LOG = System.getLogger(StrictCommandAuthorizer.class.getName());

  private final boolean localFacesTrusted;
  private final LocalCommandAuthorizer local;
  private final Map<String, Validator> modules;
  private final Validator defaultPolicy;
  private final Validator localhopPolicy;
  private final boolean localhopEnabled;
  private final boolean localhopAnySigner;

  private StrictCommandAuthorizer(Builder b) {
    localhopAnySigner = b.localhopAnySigner;
    localFacesTrusted = b.localFacesTrusted;
    local = new LocalCommandAuthorizer(b.localhopEnabled);
    modules = Map.copyOf(b.modules);
    defaultPolicy = b.defaultPolicy;
    localhopPolicy = b.localhopPolicy;
    localhopEnabled = b.localhopEnabled;
  }

  /** A builder (strict by default). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A policy that accepts commands signed directly by one of {@code allowedKeys}' keys (each a certificate, used as
   * a trust anchor) or by a key with a certificate issued by one of them that the validator already holds.
   */
  public static Validator allowedKeys(List<Certificate> allowedKeys) {
    Validator.Builder v = Validator.builder().rule(TrustRule.anySigner(Name.ROOT)).maxChainLength(0);
    allowedKeys.forEach(v::anchor);
    return v.build();
  }

  /**
   * A policy that accepts commands signed by an anchor's key or by a key certified, through at most
   * {@code maxChain} certificates, by one of them; missing certificates come from {@code fetcher} (typically over
   * NDN through the forwarder's own engine) and are cached. Validity periods are checked against {@code clock}.
   */
  public static Validator trustPolicy(List<Certificate> anchors, dev.ndnj.security.CertificateFetcher fetcher,
      int maxChain, java.util.function.LongSupplier clock) {
    Validator.Builder v = Validator.builder().rule(TrustRule.anySigner(Name.ROOT)).maxChainLength(maxChain)
        .fetcher(fetcher).clock(clock);
    anchors.forEach(v::anchor);
    return v.build();
  }

  @Override
  public void authorize(CommandRequest request, Consumer<Decision> done) {
    String what = request.module() + "/" + request.verb();
    if (request.isLocalhop() && !request.ingressLocal()) {
      if (!localhopEnabled) {
        done.accept(refuse(request, "/localhop commands from non-local faces are not enabled"));
      } else if (localhopAnySigner) {
        SignedCommand sig = request.signature();
        done.accept(sig.signatureType() == dev.ndnj.tlv.TlvTypes.SIGNATURE_DIGEST_SHA256 && !sig.verifyDigestSha256()
            ? refuse(request, "DigestSha256 signature does not match the command") : Decision.accept());
      } else if (localhopPolicy == null) {
        done.accept(refuse(request, "no /localhop trust policy is configured"));
      } else {
        verify(request, localhopPolicy, done);
      }
      return;
    }
    if (localFacesTrusted) {
      Decision d = local.decide(request);
      done.accept(d.isAccepted() ? d : refuse(request, d.reason()));
      return;
    }
    if (!request.isLocalhop() && !request.ingressLocal()) {
      done.accept(refuse(request, "commands under /localhost are accepted from local faces only"));
      return;
    }
    Validator policy = modules.getOrDefault(request.module(), defaultPolicy);
    if (policy == null) {
      done.accept(refuse(request, "no trust policy for module " + request.module()));
      return;
    }
    verify(request, policy, done);
  }

  private void verify(CommandRequest request, Validator policy, Consumer<Decision> done) {
    SignedCommand sig = request.signature();
    policy.validate(request.interest().name(), sig.signatureInfo(), sig.signedPortions(), sig.signatureValue())
        .whenComplete((ok, err) -> done.accept(err == null ? Decision.accept()
            : refuse(request, err.getMessage() == null ? err.toString() : err.getMessage())));
  }

  private static Decision refuse(CommandRequest request, String reason) {
    Name signer = request.signature().keyName();
    String who = signer != null ? signer.toString()
        : request.signature().signatureInfo().keyLocator() != null ? "a KeyDigest" : "no KeyLocator (DigestSha256 or unnamed)";
    LOG.log(Level.INFO, () -> "management refused " + request.module() + "/" + request.verb() + " from face "
        + request.ingressFaceId() + " signed by " + who + ": " + reason);
    return Decision.reject(reason + " (signer " + who + ")");
  }

  /** Builds a {@link StrictCommandAuthorizer}. */
  public static final class Builder {
    private boolean localFacesTrusted;
    private final Map<String, Validator> modules = new HashMap<>();
    private Validator defaultPolicy;
    private Validator localhopPolicy;
    private boolean localhopEnabled;
    private boolean localhopAnySigner;

    private Builder() {}

    /** Whether local faces are trusted as the default mode trusts them (default false: strict). */
    public Builder localFacesTrusted(boolean on) {
      localFacesTrusted = on;
      return this;
    }

    /** The policy of {@code module} ({@code faces}, {@code fib}, {@code rib}, {@code strategy-choice}, {@code cs}). */
    public Builder module(String module, Validator policy) {
      modules.put(module, policy);
      return this;
    }

    /** The policy of modules without their own (default none: refuse). */
    public Builder defaultPolicy(Validator policy) {
      defaultPolicy = policy;
      return this;
    }

    /**
     * Serve /localhop commands from non-local faces if {@code enabled}, checked against {@code policy} (null, an
     * empty policy: refuse them all, with a 403 and a log line naming the signer).
     */
    public Builder localhop(boolean enabled, Validator policy) {
      localhopAnySigner = false;
      localhopEnabled = enabled;
      localhopPolicy = policy;
      return this;
    }

    /**
     * Serve /localhop commands from non-local faces signed by anyone (any well-formed signed command; a DigestSha256
     * must match): NFD's sample {@code localhop_security} with {@code trust-anchor any}. Only where every neighbour
     * may add routes.
     */
    public Builder localhopAnySigner() {
      localhopEnabled = true;
      localhopAnySigner = true;
      localhopPolicy = null;
      return this;
    }

    /** The authorizer. */
    public StrictCommandAuthorizer build() {
      return new StrictCommandAuthorizer(this);
    }
  }
}
