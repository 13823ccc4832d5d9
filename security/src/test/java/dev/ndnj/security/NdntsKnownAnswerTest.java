package dev.ndnj.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Known-answer tests against NDNts (the version pinned in {@code interop/ndnts}), both directions, for every
 * signature type: packets NDNts signs (with keys it generates in the run) verify in ndnj, and packets ndnj signs
 * verify in NDNts; a tampered copy fails on both sides. Certificates go both ways too: NDNts's self-signed and
 * CA-issued certificates decode and validate in ndnj, and ndnj's in NDNts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NdntsKnownAnswerTest {
  private static final List<String> TYPES = List.of("digest", "ec", "rsa", "ed25519", "hmac");
  private static final Map<String, Integer> SIG_TYPE = Map.of("digest", 0, "rsa", 1, "ec", 3, "hmac", 4,
      "ed25519", 5);

  private NdntsScripts node;

  @BeforeAll
  void prepare() throws IOException, InterruptedException {
    StringBuilder why = new StringBuilder();
    node = NdntsScripts.prepare(why);
    if (node == null) {
      fail(why.toString());
    }
  }

  private static byte[] hex(String s) {
    return Hex.decode(s.strip());
  }

  /** A copy of {@code wire} with one bit flipped in the first occurrence of {@code marker} (inside the name). */
  private static byte[] tamper(byte[] wire, String marker) {
    byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + m.length <= wire.length; i++) {
      for (int j = 0; j < m.length; j++) {
        if (wire[i + j] != m[j]) {
          continue outer;
        }
      }
      byte[] out = wire.clone();
      out[i] ^= 0x01;
      return out;
    }
    throw new IllegalArgumentException("marker " + marker + " not found");
  }

  @Test
  void packetsAndCertificatesSignedByNdntsVerifyInNdnj() throws IOException, InterruptedException {
    Path out = node.work().resolve("ndnts-signed.tsv");
    NdntsScripts.Result r = node.node("ndnts-sign.mjs", out.toString());
    assertTrue(r.ok(), r::describe);
    Map<String, Map<String, String>> items = NdntsScripts.readTsv(out);
    for (String type : TYPES) {
      Map<String, String> it = items.get(type);
      assertNotNull(it, "NDNts produced nothing for " + type);
      Verifier v;
      if (type.equals("digest")) {
        v = Verifiers.digestSha256();
      } else if (type.equals("hmac")) {
        v = Verifiers.hmac(hex(it.get("secret")));
      } else {
        Certificate cert = Certificate.decode(ByteBuffer.wrap(hex(it.get("cert"))));
        assertTrue(cert.isSelfSigned(), type);
        assertEquals(TlvTypes.CONTENT_TYPE_KEY, cert.data().contentType());
        assertTrue(cert.isValidAt(System.currentTimeMillis()), type + " certificate validity");
        assertTrue(Certificates.isSignedBy(cert, cert), type + " certificate self-signature");
        v = Certificates.verifierOf(cert);
      }
      byte[] dw = hex(it.get("data"));
      Data d = Data.decode(ByteBuffer.wrap(dw));
      assertEquals(SIG_TYPE.get(type), d.signatureInfo().type(), type);
      assertTrue(PacketSigning.verify(d, v), type + " Data signed by NDNts verifies in ndnj");
      assertFalse(PacketSigning.verify(Data.decode(ByteBuffer.wrap(tamper(dw, "ndnts"))), v),
          type + " tampered Data must not verify");

      byte[] iw = hex(it.get("interest"));
      Interest i = Interest.decode(ByteBuffer.wrap(iw));
      assertEquals(SIG_TYPE.get(type), i.signatureInfo().type(), type);
      assertNotNull(i.signatureInfo().nonce(), "SignatureNonce");
      assertTrue(i.signatureInfo().time() > 0, "SignatureTime");
      assertTrue(i.signatureInfo().hasSeqNum(), "SignatureSeqNum");
      assertTrue(i.isParametersDigestValid(), type);
      assertTrue(PacketSigning.verify(i, v), type + " signed Interest from NDNts verifies in ndnj");
      assertFalse(PacketSigning.verify(Interest.decode(ByteBuffer.wrap(tamper(iw, "ndnts"))), v),
          type + " tampered Interest must not verify");
    }
    Map<String, String> chain = items.get("chain");
    Certificate ca = Certificate.decode(ByteBuffer.wrap(hex(chain.get("ca-cert"))));
    Certificate issued = Certificate.decode(ByteBuffer.wrap(hex(chain.get("issued-cert"))));
    assertFalse(issued.isSelfSigned());
    assertEquals(Component.generic("ndnts-ca"), issued.issuerId());
    assertTrue(Certificates.isSignedBy(issued, ca), "NDNts-issued certificate verifies with the CA's key");
    Data cd = Data.decode(ByteBuffer.wrap(hex(chain.get("data"))));
    assertEquals(issued.name(), cd.signatureInfo().keyLocator().name());
    assertTrue(PacketSigning.verify(cd, Certificates.verifierOf(issued)));
    // and through the validator: NDNts's CA as the anchor, its issued certificate fetched
    Validator validator = Validator.builder().anchor(ca).rule(TrustRule.hierarchical(Name.parse("/ndnts/ca")))
        .fetcher(n -> n.isPrefixOf(issued.name()) ? dev.ndnj.engine.app.Promise.completed(issued)
            : dev.ndnj.engine.app.Promise.failed(new IllegalStateException("no " + n)))
        .build();
    dev.ndnj.engine.app.Promise<Void> verdict = validator.validate(cd);
    assertTrue(verdict.isDone() && verdict.error() == null, () -> String.valueOf(verdict.error()));
  }

  @Test
  void packetsAndCertificatesSignedByNdnjVerifyInNdnts() throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (String type : TYPES) {
      Signer s;
      Name keyName = Name.parse("/ndnj/" + type).append(Certificate.KEY, Component.generic("k1"));
      switch (type) {
        case "digest":
          s = Signers.digestSha256();
          break;
        case "hmac":
          byte[] secret = Keys.generateSecret();
          lines.add(type + "\tsecret\t" + Hex.encode(secret));
          s = Signers.hmac(secret, keyName);
          break;
        default:
          KeyPair kp = Keys.generate(KeyType.valueOf(type.toUpperCase(java.util.Locale.ROOT)));
          Certificate cert = Certificates.selfSigned(keyName, kp.getPrivate(), kp.getPublic(), now - 60_000,
              now + 86_400_000L, now);
          lines.add(type + "\tcert\t" + hexOf(cert.data().wire()));
          s = Signers.of(kp.getPrivate(), cert.name());
      }
      addSigned(lines, type, s);
    }
    // a chain: an RSA CA issues a certificate for an Ed25519 key with an AdditionalDescription
    KeyPair caKp = Keys.generate(KeyType.RSA);
    Name caKey = Name.parse("/ndnj/ca").append(Certificate.KEY, Component.generic("ca"));
    Certificate ca = Certificates.selfSigned(caKey, caKp.getPrivate(), caKp.getPublic(), now - 60_000,
        now + 86_400_000L, now);
    KeyPair userKp = Keys.generate(KeyType.ED25519);
    Name userKey = Name.parse("/ndnj/ca/user").append(Certificate.KEY, Component.generic("u"));
    Certificate issued = Certificates.issue(userKey, userKp.getPublic(), Component.generic("ndnj-ca"),
        Signers.of(caKp.getPrivate(), ca.name()), now - 60_000, now + 86_400_000L, Map.of("issued-by", "ndnj"), now);
    lines.add("chain\tca-cert\t" + hexOf(ca.data().wire()));
    lines.add("chain\tissued-cert\t" + hexOf(issued.data().wire()));
    Data chained = PacketSigning.sign(Data.builder(Name.parse("/ndnj/ca/user/doc")).content(new byte[] {7}),
        Signers.of(userKp.getPrivate(), issued.name()));
    lines.add("chain\tdata\t" + hexOf(chained.wire()));

    Path in = node.work().resolve("ndnj-signed.tsv");
    Path out = node.work().resolve("ndnts-verdicts.tsv");
    Files.write(in, lines, StandardCharsets.UTF_8);
    NdntsScripts.Result r = node.node("ndnts-verify.mjs", in.toString(), out.toString());
    assertTrue(r.ok(), r::describe);
    Map<String, Map<String, String>> verdicts = NdntsScripts.readTsv(out);
    List<String> wrong = new ArrayList<>();
    int checks = 0;
    for (var t : verdicts.entrySet()) {
      for (var v : t.getValue().entrySet()) {
        checks++;
        boolean ok = v.getValue().startsWith("ok");
        boolean expectOk = !v.getKey().startsWith("bad-");
        if (ok != expectOk) {
          wrong.add(t.getKey() + " " + v.getKey() + ": " + v.getValue());
        }
      }
    }
    assertTrue(wrong.isEmpty(), "NDNts disagrees: " + wrong);
    for (String type : TYPES) {
      Map<String, String> v = verdicts.get(type);
      assertNotNull(v, type);
      for (String item : List.of("data", "interest", "bad-data", "bad-interest", "params-digest")) {
        assertTrue(v.containsKey(item), type + " " + item + " not checked by NDNts: " + v);
      }
    }
    assertTrue(verdicts.get("chain").keySet().containsAll(List.of("ca-self", "issued-by-ca", "data")),
        verdicts.get("chain").toString());
    assertTrue(checks >= 5 * 5 + 4, "checks: " + checks);
  }

  private static void addSigned(List<String> lines, String type, Signer s) {
    Data d = PacketSigning.sign(Data.builder(Name.parse("/ndnj/data/" + type)).freshnessPeriod(1000)
        .content(("signed by ndnj with " + type).getBytes(StandardCharsets.UTF_8)), s);
    byte[] dw = toBytes(d.wire());
    lines.add(type + "\tdata\t" + Hex.encode(dw));
    lines.add(type + "\tbad-data\t" + Hex.encode(tamper(dw, "ndnj")));
    Interest i = new InterestSigner(s, System::currentTimeMillis, true).sign(
        Interest.builder(Name.parse("/ndnj/interest/" + type)).lifetime(2000).applicationParameters(
            new byte[] {1, 2, 3, 4}));
    byte[] iw = toBytes(i.wire());
    lines.add(type + "\tinterest\t" + Hex.encode(iw));
    lines.add(type + "\tbad-interest\t" + Hex.encode(tamper(iw, "ndnj")));
  }

  private static byte[] toBytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  private static String hexOf(ByteBuffer b) {
    return Hex.encode(toBytes(b));
  }
}
