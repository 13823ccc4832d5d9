package dev.ndnj.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.app.Promise;
import dev.ndnj.engine.app.ValidationException;
import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The validator with an in-memory certificate source and a controllable clock. */
class ValidatorTest {
  static final long NOW = Certificate.toEpochMillis("20261122T000000");
  static final long DAY = 86_400_000L;

  /** A root (anchor) /org, an intermediate /org/dept issued by it, a user /org/dept/alice issued by the dept. */
  static final class Pki {
    final KeyPair rootKp = Keys.generate(KeyType.EC);
    final Name rootKey = Name.parse("/org").append(Certificate.KEY, Component.generic("r"));
    final Certificate root = Certificates.selfSigned(rootKey, rootKp.getPrivate(), rootKp.getPublic(), NOW - DAY,
        NOW + 365 * DAY, NOW);
    final KeyPair deptKp = Keys.generate(KeyType.ED25519);
    final Name deptKey = Name.parse("/org/dept").append(Certificate.KEY, Component.generic("d"));
    final Certificate dept = Certificates.issue(deptKey, deptKp.getPublic(), Component.generic("org"),
        Signers.of(rootKp.getPrivate(), root.name()), NOW - DAY, NOW + 30 * DAY, Map.of(), NOW);
    final KeyPair aliceKp = Keys.generate(KeyType.RSA);
    final Name aliceKey = Name.parse("/org/dept/alice").append(Certificate.KEY, Component.generic("a"));
    final Certificate alice = Certificates.issue(aliceKey, aliceKp.getPublic(), Component.generic("dept"),
        Signers.of(deptKp.getPrivate(), dept.name()), NOW - DAY, NOW + 10 * DAY, Map.of(), NOW);
    final Map<Name, Certificate> published = new HashMap<>(Map.of(dept.name(), dept, alice.name(), alice));
    final AtomicInteger fetches = new AtomicInteger();

    CertificateFetcher fetcher() {
      return name -> {
        fetches.incrementAndGet();
        for (Certificate c : published.values()) {
          if (name.isPrefixOf(c.name())) {
            return Promise.completed(c);
          }
        }
        return Promise.failed(new IllegalStateException("timeout"));
      };
    }

    Data signedByAlice(String name) {
      return PacketSigning.sign(Data.builder(Name.parse(name)).content(new byte[] {1}),
          Signers.of(aliceKp.getPrivate(), alice.name()));
    }
  }

  static String reason(Promise<Void> p) {
    assertTrue(p.isDone(), "validation finished");
    return p.error() == null ? null : p.error().getMessage();
  }

  @Test
  void chainToTheAnchorIsFetchedVerifiedAndCached() {
    Pki pki = new Pki();
    AtomicLong clock = new AtomicLong(NOW);
    Validator v = Validator.builder().anchor(pki.root).rule(TrustRule.signerUnder(Name.parse("/org"),
        Name.parse("/org"))).fetcher(pki.fetcher()).clock(clock::get).build();
    assertNull(reason(v.validate(pki.signedByAlice("/org/dept/alice/doc/1"))));
    assertEquals(2, pki.fetches.get(), "alice's and dept's certificates fetched");
    assertEquals(2, v.cache().size());
    assertNull(reason(v.validate(pki.signedByAlice("/org/dept/alice/doc/2"))));
    assertEquals(2, pki.fetches.get(), "the second Data uses the cached chain");
  }

  @Test
  void tamperedDataFailsWithAReason() {
    Pki pki = new Pki();
    Validator v = Validator.builder().anchor(pki.root).rule(TrustRule.anySigner(Name.ROOT))
        .fetcher(pki.fetcher()).clock(() -> NOW).build();
    Data good = pki.signedByAlice("/org/dept/alice/doc");
    byte[] w = PacketSigningTest.toBytes(good.wire());
    w[w.length - 1] ^= 1; // last octet of the signature
    Promise<Void> p = v.validate(Data.decode(java.nio.ByteBuffer.wrap(w)));
    assertTrue(p.error() instanceof ValidationException);
    assertTrue(reason(p).contains("signature does not verify with " + pki.alice.name()), reason(p));
  }

  @Test
  void ruleRefusesASignerOutsideItsPrefix() {
    Pki pki = new Pki();
    Validator v = Validator.builder().anchor(pki.root)
        .rule(TrustRule.signerUnder(Name.parse("/org/hr"), Name.parse("/org/hr")))
        .rule(TrustRule.hierarchical(Name.parse("/org"))).fetcher(pki.fetcher()).clock(() -> NOW).build();
    assertTrue(reason(v.validate(pki.signedByAlice("/org/hr/payroll"))).contains("is not under /org/hr"));
    assertTrue(reason(v.validate(pki.signedByAlice("/org/other/x"))).contains("is not a prefix of"));
    assertNull(reason(v.validate(pki.signedByAlice("/org/dept/alice/x"))));
    assertTrue(reason(v.validate(pki.signedByAlice("/elsewhere"))).contains("no trust rule"));
  }

  @Test
  void expiredCertificateInTheChainFails() {
    Pki pki = new Pki();
    Validator v = Validator.builder().anchor(pki.root).rule(TrustRule.anySigner(Name.ROOT))
        .fetcher(pki.fetcher()).clock(() -> NOW + 11 * DAY).build();
    String r = reason(v.validate(pki.signedByAlice("/org/dept/alice/doc")));
    assertTrue(r.contains("certificate " + pki.alice.name() + " is not valid now"), r);
  }

  @Test
  void unknownAnchorAndUnfetchableCertificatesFail() {
    Pki pki = new Pki();
    KeyPair other = Keys.generate(KeyType.EC);
    Name otherKey = Name.parse("/x").append(Certificate.KEY, Component.generic("x"));
    Certificate otherRoot = Certificates.selfSigned(otherKey, other.getPrivate(), other.getPublic(), NOW - DAY,
        NOW + DAY, NOW);
    Validator v = Validator.builder().anchor(otherRoot).rule(TrustRule.anySigner(Name.ROOT))
        .fetcher(pki.fetcher()).clock(() -> NOW).build();
    String r = reason(v.validate(pki.signedByAlice("/org/dept/alice/doc")));
    assertTrue(r.contains("cannot fetch certificate " + pki.root.name()), r);
    Validator noFetch = Validator.builder().anchor(pki.root).rule(TrustRule.anySigner(Name.ROOT)).build();
    assertTrue(reason(noFetch.validate(pki.signedByAlice("/a"))).contains("no fetcher"));
  }

  @Test
  void digestAndMissingKeyLocatorAreRejectedAndHmacUsesSharedKeys() {
    Validator v = Validator.builder().rule(TrustRule.anySigner(Name.ROOT))
        .hmacKey(Name.parse("/shared/KEY/1"), new byte[] {1, 2, 3}).build();
    Data digest = Data.builder(Name.parse("/d")).signWithDigestSha256();
    assertTrue(reason(v.validate(digest)).contains("DigestSha256 names no signer"));
    Data hmac = PacketSigning.sign(Data.builder(Name.parse("/d")), Signers.hmac(new byte[] {1, 2, 3},
        Name.parse("/shared/KEY/1")));
    assertNull(reason(v.validate(hmac)));
    Data wrongKey = PacketSigning.sign(Data.builder(Name.parse("/d")), Signers.hmac(new byte[] {9},
        Name.parse("/shared/KEY/1")));
    assertTrue(reason(v.validate(wrongKey)).contains("HMAC signature does not verify"));
  }

  @Test
  void signedInterestsValidateToo() {
    Pki pki = new Pki();
    Validator v = Validator.builder().anchor(pki.root).rule(TrustRule.anySigner(Name.ROOT))
        .fetcher(pki.fetcher()).clock(() -> NOW).build();
    Interest i = new InterestSigner(Signers.of(pki.aliceKp.getPrivate(), pki.alice.name()))
        .sign(Interest.builder(Name.parse("/org/cmd")));
    assertNull(reason(v.validate(i)));
    Interest digest = new InterestSigner(Signers.digestSha256()).sign(Interest.builder(Name.parse("/org/cmd")));
    assertTrue(reason(v.validate(digest)).contains("DigestSha256"));
  }
}
