package dev.ndnj.forwarder.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.security.CertificateIo;
import dev.ndnj.security.Certificates;
import dev.ndnj.security.KeyChain;
import dev.ndnj.security.KeyType;
import dev.ndnj.security.PacketSigning;
import dev.ndnj.security.Verifiers;
import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools sign with the keychain: poke and put sign their Data with the default identity (or the one asked for),
 * peek and get {@code --verify} validate against a trust anchor, and management commands signed with the default
 * key pass a strict-mode forwarder that trusts it.
 */
class SigningToolsTest {
  @TempDir
  Path dir;

  private CliFixture f;

  @AfterEach
  void stop() throws Exception {
    if (f != null) {
      f.close();
    }
  }

  /** A keychain under the test directory with {@code identity} (an EC key and its self-signed certificate). */
  private KeyChain keychain(String subdir, String identity) throws IOException {
    KeyChain kc = KeyChain.open(dir.resolve(subdir));
    kc.createIdentity(Name.parse(identity), KeyType.EC);
    return kc;
  }

  private static Certificate cert(KeyChain kc, String identity) throws IOException {
    return kc.defaultCertificate(kc.defaultKey(Name.parse(identity)));
  }

  private Path certFile(String file, Certificate c) throws IOException {
    Path p = dir.resolve(file);
    Files.writeString(p, CertificateIo.toBase64(c));
    return p;
  }

  /** Expresses {@code interest} from a client of the test's own and returns the Data (null on failure). */
  private Data fetch(Interest interest) throws Exception {
    try (ForwarderClient c = ForwarderClient.connect(f.uri)) {
      return c.consumer().express(interest).get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void pokeSignsWithTheDefaultIdentityAndPeekVerifiesWithTheKeychainsCertificates() throws Exception {
    f = new CliFixture(dir);
    KeyChain alice = keychain("alice", "/alice");
    Certificate aliceCert = cert(alice, "/alice");
    String kc = alice.directory().toString();

    CliFixture.Running poke = f.start("hi".getBytes(StandardCharsets.UTF_8), "poke", "--keychain", kc,
        "/alice/note");
    poke.err.awaitLine(l -> l.startsWith("poke: serving /alice/note (2 bytes) signed with key "
        + aliceCert.keyName()), 10_000);
    Data d = fetch(Interest.builder(Name.parse("/alice/note")).build());
    assertEquals(0, poke.exit.get(10, TimeUnit.SECONDS));
    assertEquals(TlvTypes.SIGNATURE_SHA256_WITH_ECDSA, d.signatureInfo().type());
    assertEquals(aliceCert.keyName(), d.signatureInfo().keyLocator().name(), "KeyLocator: the key name");
    assertTrue(PacketSigning.verify(d, Verifiers.ofSpki(aliceCert.publicKey())));

    // peek --verify with the keychain's certificates as anchors (the default)
    CliFixture.Running again = f.start("hi".getBytes(StandardCharsets.UTF_8), "poke", "--keychain", kc,
        "/alice/note2");
    again.err.awaitLine(l -> l.contains("waiting for an Interest"), 10_000);
    CliFixture.Result peek = f.run("peek", "--verify", "--keychain", kc, "/alice/note2");
    assertEquals(0, peek.exit(), peek.toString());
    assertEquals("hi", peek.out());

    // --identity picks another identity of the keychain; --digest forces DigestSha256
    Name bobKey = alice.createIdentity(Name.parse("/bob"), KeyType.ED25519);
    CliFixture.Running bob = f.start("b".getBytes(StandardCharsets.UTF_8), "poke", "--keychain", kc,
        "--identity", "/bob", "/bob/note");
    bob.err.awaitLine(l -> l.contains("waiting for an Interest"), 10_000);
    Data b = fetch(Interest.builder(Name.parse("/bob/note")).build());
    assertEquals(bobKey, b.signatureInfo().keyLocator().name());
    assertTrue(PacketSigning.verify(b, Verifiers.ofSpki(alice.defaultCertificate(bobKey).publicKey())));
    CliFixture.Running digest = f.start("d".getBytes(StandardCharsets.UTF_8), "poke", "--keychain", kc,
        "--digest", "/alice/digest");
    digest.err.awaitLine(l -> l.contains("waiting for an Interest"), 10_000);
    Data dd = fetch(Interest.builder(Name.parse("/alice/digest")).build());
    assertEquals(TlvTypes.SIGNATURE_DIGEST_SHA256, dd.signatureInfo().type());
    assertTrue(PacketSigning.verify(dd, Verifiers.digestSha256()));

    // an identity the keychain does not have: exit 1, nothing served
    CliFixture.Result none = f.run("poke", "--keychain", kc, "--identity", "/carol", "/carol/x", "-w", "100");
    assertEquals(1, none.exit(), none.toString());
    assertTrue(none.err().contains("no identity /carol"), none.err());
    assertEquals(2, f.run("poke", "--digest", "--identity", "/bob", "/x").exit(), "exclusive options");
  }

  @Test
  void withoutAnIdentityPokeNotesTheDigestFallbackAndPeekVerifyRefusesIt() throws Exception {
    f = new CliFixture(dir);
    KeyChain ca = keychain("ca", "/ca");
    Path anchor = certFile("ca.cert", cert(ca, "/ca"));

    CliFixture.Running poke = f.start("x".getBytes(StandardCharsets.UTF_8), "poke", "/plain/x");
    poke.err.awaitLine(l -> l.contains("waiting for an Interest"), 10_000);
    assertTrue(poke.err.text().contains("has no identity; signing with DigestSha256"), poke.err.text());
    CliFixture.Result peek = f.run("peek", "--verify", "--trust-anchor", anchor.toString(), "/plain/x");
    assertEquals(1, peek.exit(), peek.toString());
    assertTrue(peek.err().contains("validation failed for /plain/x")
        && peek.err().contains("DigestSha256 names no signer"), peek.err());
    assertEquals("", peek.out(), "nothing printed from a Data that failed");
    assertEquals(0, poke.exit.get(10, TimeUnit.SECONDS));

    // --verify without an anchor and without a keychain: exit 1, saying what is missing
    CliFixture.Result noAnchor = f.run("peek", "--verify", "/plain/x");
    assertEquals(1, noAnchor.exit(), noAnchor.toString());
    assertTrue(noAnchor.err().contains("--verify needs a trust anchor"), noAnchor.err());
  }

  @Test
  void putSignsSegmentsWithACertifiedKeyAndVerifyFollowsTheChainToTheAnchor() throws Exception {
    f = new CliFixture(dir);
    KeyChain ca = keychain("ca", "/example");
    KeyChain producer = keychain("producer", "/example/alice");
    Certificate request = cert(producer, "/example/alice");
    long now = System.currentTimeMillis();
    Certificate issued = ca.issue(Name.parse("/example"), request, "example-ca", now - 60_000, now + 86_400_000L,
        Map.of());
    producer.addCertificate(issued);
    producer.setDefaultCertificate(issued.name());
    Path anchor = certFile("example.cert", cert(ca, "/example"));
    Path otherAnchor = certFile("other.cert", cert(keychain("other", "/other"), "/other"));
    byte[] content = new byte[20_000];
    new Random(7).nextBytes(content);
    Path file = dir.resolve("report.bin");
    Files.write(file, content);

    CliFixture.Running put = f.start("put", "--keychain", producer.directory().toString(), "/example/report",
        file.toString(), "--segment-size", "8000");
    String published = put.out.awaitLine(l -> l.startsWith("published "), 10_000);
    Name versioned = Name.parse(published.split(" ")[1]);
    put.out.awaitLine(l -> l.startsWith("serving until Ctrl-C (signed with key " + request.keyName() + ")"), 10_000);

    Data seg1 = fetch(Interest.builder(versioned.append(Component.segment(1))).build());
    assertEquals(request.keyName(), seg1.signatureInfo().keyLocator().name());
    assertTrue(PacketSigning.verify(seg1, Verifiers.ofSpki(request.publicKey())));
    // the key's certificate is served under the key name: the one the CA issued
    Data served = fetch(Interest.builder(request.keyName()).canBePrefix(true).mustBeFresh(true).build());
    assertEquals(issued.name(), served.name());
    assertTrue(Certificates.isSignedBy(Certificate.fromData(served), cert(ca, "/example")));

    // get --verify: every segment is validated through the fetched certificate up to the anchor
    Path copy = dir.resolve("copy.bin");
    CliFixture.Result get = f.run("get", "--verify", "--trust-anchor", anchor.toString(), "/example/report",
        copy.toString(), "-q");
    assertEquals(0, get.exit(), get.toString());
    assertArrayEquals(content, Files.readAllBytes(copy));
    CliFixture.Result peek = f.run("peek", "--verify", "--trust-anchor", anchor.toString(),
        versioned.append(Component.segment(2)).toString(), "--output", dir.resolve("seg2").toString());
    assertEquals(0, peek.exit(), peek.toString());
    assertEquals(20_000 - 16_000, Files.size(dir.resolve("seg2")));

    // another anchor: the chain does not end at it
    CliFixture.Result wrong = f.run("peek", "--verify", "--trust-anchor", otherAnchor.toString(),
        versioned.append(Component.segment(0)).toString());
    assertEquals(1, wrong.exit(), wrong.toString());
    assertTrue(wrong.err().contains("validation failed for " + versioned.append(Component.segment(0))),
        wrong.err());
    CliFixture.Result wrongGet = f.run("get", "--verify", "--trust-anchor", otherAnchor.toString(),
        versioned.toString(), dir.resolve("never.bin").toString(), "-q");
    assertEquals(1, wrongGet.exit(), wrongGet.toString());
    assertTrue(wrongGet.err().contains("validation failed"), wrongGet.err());
    assertFalse(Files.exists(dir.resolve("never.bin")));
    assertEquals(0, put.stop());
  }

  @Test
  void peekVerifyRefusesDataSignedByAKeyTheAnchorDidNotCertify() throws Exception {
    f = new CliFixture(dir);
    KeyChain ca = keychain("ca", "/example");
    Path anchor = certFile("example.cert", cert(ca, "/example"));
    KeyChain mallory = keychain("mallory", "/example/mallory");
    CliFixture.Running put = f.start("put", "--keychain", mallory.directory().toString(), "/example/fake",
        writeFile("fake.bin", "forged"));
    put.out.awaitLine(l -> l.startsWith("serving until Ctrl-C"), 10_000);
    CliFixture.Result peek = f.run("peek", "--verify", "--trust-anchor", anchor.toString(), "--prefix",
        "/example/fake");
    assertEquals(1, peek.exit(), peek.toString());
    assertTrue(peek.err().contains("validation failed"), peek.err());
    assertEquals("", peek.out());
    // without --verify the same Data is accepted
    CliFixture.Result plain = f.run("peek", "--prefix", "/example/fake");
    assertEquals(0, plain.exit(), plain.toString());
    assertEquals("forged", plain.out());
    assertEquals(0, put.stop());
  }

  private String writeFile(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  void strictForwarderAcceptsRouteAddSignedWithTheTrustedDefaultKeyAndRefusesAnother() throws Exception {
    KeyChain admin = keychain("admin", "/site/admin");
    Path adminCert = certFile("admin.cert", cert(admin, "/site/admin"));
    KeyChain intruder = keychain("intruder", "/site/intruder");
    f = new CliFixture(dir, c -> c.strictManagement(true).managementTrustAnchor(null, adminCert));
    String adminKc = admin.directory().toString();

    CliFixture.Result face = f.run("face", "create", "udp4://127.0.0.1:9", "--keychain", adminKc);
    assertEquals(0, face.exit(), face.toString());
    String id = face.out().replaceAll("(?s)^face-created id=(\\d+) .*", "$1");
    CliFixture.Result ok = f.run("route", "add", "/allowed", id, "--keychain", adminKc);
    assertEquals(0, ok.exit(), ok.toString());
    assertTrue(ok.out().startsWith("route-add-accepted prefix=/allowed"), ok.out());

    CliFixture.Result refused = f.run("route", "add", "/refused", id, "--keychain",
        intruder.directory().toString());
    assertEquals(1, refused.exit(), refused.toString());
    assertTrue(refused.err().contains("403"), refused.err());
    assertTrue(refused.err().contains(cert(intruder, "/site/intruder").keyName().toString()), refused.err());
    // DigestSha256 (no keychain) names no signer: refused too
    CliFixture.Result digest = f.run("route", "add", "/digest", id);
    assertEquals(1, digest.exit(), digest.toString());
    assertTrue(digest.err().contains("403"), digest.err());

    CliFixture.Result list = f.run("route", "list");
    assertEquals(0, list.exit(), list.toString());
    assertTrue(list.out().contains("/allowed"), list.out());
    assertFalse(list.out().contains("/refused") || list.out().contains("/digest"), list.out());
  }
}
