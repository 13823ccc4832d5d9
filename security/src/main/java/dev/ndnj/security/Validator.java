package dev.ndnj.security;

import dev.ndnj.engine.app.DataValidator;
import dev.ndnj.engine.app.Promise;
import dev.ndnj.engine.app.ValidationException;
import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Checks that a packet is signed by a key the trust policy accepts: the signature verifies with the signer's
 * certificate, each certificate of the chain is within its ValidityPeriod and verifies with its issuer's, the chain
 * ends at a trust anchor, and at every step the first {@link TrustRule} covering the packet's name accepts the
 * signer. Missing certificates come from the {@link CertificateFetcher} (over NDN through the engine), verified ones
 * are kept in a {@link CertificateCache}. HMAC signatures verify with the shared keys given to the builder.
 *
 * <p>Implements the engine's {@link DataValidator}: set it on a {@code Consumer} and a Data that fails makes the
 * expression fail with a {@link ValidationException} carrying the reason. Thread-safe; never blocks (fetches are
 * asynchronous).
 */
public final class Validator implements DataValidator {
  private final Map<Name, Certificate> anchors;
  private final Map<Name, Verifier> anchorVerifiers;
  private final Map<Name, Verifier> hmacKeys;
  private final List<TrustRule> rules;
  private final CertificateFetcher fetcher;
  private final CertificateCache cache;
  private final LongSupplier clock;
  private final int maxChain;

  private Validator(Builder b) {
    anchors = Map.copyOf(b.anchors);
    Map<Name, Verifier> av = new HashMap<>();
    anchors.forEach((n, c) -> av.put(n, Certificates.verifierOf(c)));
    anchorVerifiers = Map.copyOf(av);
    hmacKeys = Map.copyOf(b.hmacKeys);
    rules = List.copyOf(b.rules);
    fetcher = b.fetcher;
    cache = b.cache != null ? b.cache : new CertificateCache(1000, 3_600_000L, b.clock);
    clock = b.clock;
    maxChain = b.maxChain;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The cache of verified certificates. */
  public CertificateCache cache() {
    return cache;
  }

  @Override
  public Promise<Void> validate(Data data) {
    Promise<Void> out = new Promise<>();
    check(data.name(), data.signatureInfo(), new ByteBuffer[] {data.signedPortion()}, data.signatureValue(), 0,
        new ArrayList<>()).whenComplete((v, err) -> {
          if (err == null) {
            out.complete(null);
          } else {
            out.fail(err instanceof ValidationException ? err : new ValidationException(data, reasonOf(err), err));
          }
        });
    return out;
  }

  /**
   * Validates a v0.3 signed Interest (e.g. a command): the same checks as for Data, on its signed portions. Replay
   * (SignatureNonce, SignatureTime) is the receiver's business. Fails with an {@link IllegalArgumentException} whose
   * message is the reason.
   */
  public Promise<Void> validate(Interest interest) {
    SignatureInfo info;
    ByteBuffer[] portions;
    try {
      info = interest.signatureInfo();
      if (info == null || interest.signatureValue() == null) {
        return Promise.failed(new IllegalArgumentException("Interest is not signed"));
      }
      if (!interest.isParametersDigestValid()) {
        return Promise.failed(new IllegalArgumentException("ParametersSha256DigestComponent is wrong"));
      }
      portions = interest.signedPortions();
    } catch (RuntimeException e) {
      return Promise.failed(new IllegalArgumentException("malformed signed Interest: " + e.getMessage(), e));
    }
    return check(interest.name(), info, portions, interest.signatureValue(), 0, new ArrayList<>());
  }

  /**
   * Validates a signature given by its parts: the packet name the rules see, its SignatureInfo, the signed portions
   * (borrowed) and the value. Fails with an {@link IllegalArgumentException} whose message is the reason.
   */
  public Promise<Void> validate(Name packetName, SignatureInfo info, ByteBuffer[] portions, ByteBuffer value) {
    return check(packetName, info, portions, value, 0, new ArrayList<>());
  }

  private static String reasonOf(Throwable err) {
    return err.getMessage() == null ? err.toString() : err.getMessage();
  }

  private static Promise<Void> reject(String reason) {
    return Promise.failed(new IllegalArgumentException(reason));
  }

  private Promise<Void> check(Name name, SignatureInfo info, ByteBuffer[] portions, ByteBuffer value, int depth,
      List<Name> chain) {
    int type = info.type();
    if (type == TlvTypes.SIGNATURE_DIGEST_SHA256) {
      return reject(name + ": DigestSha256 names no signer");
    }
    Name signer = info.keyLocator() == null ? null : info.keyLocator().name();
    if (signer == null) {
      return reject(name + ": SignatureInfo has no KeyLocator name");
    }
    TrustRule rule = null;
    for (TrustRule r : rules) {
      if (r.covers(name)) {
        rule = r;
        break;
      }
    }
    if (rule == null) {
      return reject(name + ": no trust rule covers this name");
    }
    String denied = rule.check(name, signer);
    if (denied != null) {
      return reject(name + ": " + denied);
    }
    if (type == TlvTypes.SIGNATURE_HMAC_WITH_SHA256) {
      Verifier hv = hmacKeys.get(signer);
      if (hv == null) {
        return reject(name + ": no shared key " + signer);
      }
      return hv.verify(portions, value) ? Promise.completed(null)
          : reject(name + ": HMAC signature does not verify with " + signer);
    }
    // a trust anchor, or a certificate verified before
    Certificate anchor = findAnchor(signer);
    if (anchor != null) {
      return verifyWith(name, info, portions, value, anchorVerifiers.get(anchor.name()), anchor);
    }
    CertificateCache.Entry cached = cache.find(signer);
    if (cached != null) {
      return verifyWith(name, info, portions, value, cached.verifier(), cached.certificate());
    }
    if (depth >= maxChain) {
      return reject(name + (maxChain == 0 ? ": signer " + signer + " is not a trust anchor"
          : ": certificate chain longer than " + maxChain + " at " + signer));
    }
    if (fetcher == null) {
      return reject(name + ": certificate " + signer + " is not known and no fetcher is configured");
    }
    Promise<Void> out = new Promise<>();
    fetcher.fetch(signer).whenComplete((cert, err) -> {
      if (err != null) {
        out.fail(new IllegalArgumentException(name + ": cannot fetch certificate " + signer + ": " + reasonOf(err),
            err));
        return;
      }
      onCertificate(name, info, portions, value, depth, chain, cert, out);
    });
    return out;
  }

  private void onCertificate(Name name, SignatureInfo info, ByteBuffer[] portions, ByteBuffer value, int depth,
      List<Name> chain, Certificate cert, Promise<Void> out) {
    try {
      if (chain.contains(cert.name())) {
        out.fail(new IllegalArgumentException(name + ": certificate loop at " + cert.name()));
        return;
      }
      long now = clock.getAsLong();
      if (!cert.isValidAt(now)) {
        out.fail(new IllegalArgumentException(name + ": certificate " + cert.name() + " is not valid now ("
            + cert.notBefore() + ".." + cert.notAfter() + ")"));
        return;
      }
      Verifier v;
      try {
        v = Certificates.verifierOf(cert);
      } catch (IllegalArgumentException e) {
        out.fail(new IllegalArgumentException(name + ": certificate " + cert.name() + " holds no usable key: "
            + e.getMessage(), e));
        return;
      }
      if (v.signatureType() != info.type() || !v.verify(portions, value)) {
        out.fail(new IllegalArgumentException(name + ": signature does not verify with " + cert.name()));
        return;
      }
      List<Name> longer = new ArrayList<>(chain);
      longer.add(cert.name());
      Data cd = cert.data();
      check(cert.name(), cd.signatureInfo(), new ByteBuffer[] {cd.signedPortion()}, cd.signatureValue(), depth + 1,
          longer).whenComplete((ok, err) -> {
            if (err != null) {
              out.fail(err);
            } else {
              cache.put(cert, v);
              out.complete(null);
            }
          });
    } catch (RuntimeException e) {
      out.fail(new IllegalArgumentException(name + ": " + e.getMessage(), e));
    }
  }

  private Promise<Void> verifyWith(Name name, SignatureInfo info, ByteBuffer[] portions, ByteBuffer value,
      Verifier v, Certificate cert) {
    if (v.signatureType() != info.type()) {
      return reject(name + ": SignatureType " + info.type() + " does not match the key of " + cert.name());
    }
    return v.verify(portions, value) ? Promise.completed(null)
        : reject(name + ": signature does not verify with " + cert.name());
  }

  private Certificate findAnchor(Name signer) {
    Certificate c = anchors.get(signer);
    if (c != null) {
      return c;
    }
    if (Certificate.isKeyName(signer)) {
      for (Certificate a : anchors.values()) {
        if (a.keyName().equals(signer)) {
          return a;
        }
      }
    }
    return null;
  }

  /** Builds a {@link Validator}. */
  public static final class Builder {
    private final Map<Name, Certificate> anchors = new HashMap<>();
    private final Map<Name, Verifier> hmacKeys = new HashMap<>();
    private final List<TrustRule> rules = new ArrayList<>();
    private CertificateFetcher fetcher;
    private CertificateCache cache;
    private LongSupplier clock = System::currentTimeMillis;
    private int maxChain = 5;

    private Builder() {}

    /** Adds a trust anchor (trusted as is, its own signature and validity not checked). */
    public Builder anchor(Certificate cert) {
      anchors.put(cert.name(), cert);
      return this;
    }

    /** Adds a rule; rules are tried in the order added. */
    public Builder rule(TrustRule rule) {
      rules.add(rule);
      return this;
    }

    /** Adds a shared HMAC key, named as the KeyLocators of what it signs. */
    public Builder hmacKey(Name keyName, byte[] secret) {
      hmacKeys.put(keyName, Verifiers.hmac(secret));
      return this;
    }

    /** Where missing certificates come from (default none: only anchors and cached certificates). */
    public Builder fetcher(CertificateFetcher f) {
      fetcher = f;
      return this;
    }

    /** The cache of verified certificates (default: 1000 for one hour). */
    public Builder cache(CertificateCache c) {
      cache = c;
      return this;
    }

    /** The clock validity periods are checked against (epoch ms; default the system clock). */
    public Builder clock(LongSupplier c) {
      clock = c;
      return this;
    }

    /** How many certificates a chain may have below the anchor (default 5). */
    public Builder maxChainLength(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("max chain length must be >= 0");
      }
      maxChain = n;
      return this;
    }

    /** The validator. */
    public Validator build() {
      if (rules.isEmpty()) {
        throw new IllegalStateException("a validator needs at least one trust rule");
      }
      return new Validator(this);
    }
  }
}
