package dev.ndnj.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyChainTest {
  @TempDir
  Path tmp;

  @ParameterizedTest
  @EnumSource(value = KeyType.class, names = {"EC", "RSA", "ED25519"})
  void newIdentityHasADefaultKeyWithAValidSelfSignedCertificate(KeyType type) throws IOException {
    KeyChain kc = KeyChain.open(tmp.resolve("kc"));
    Name id = Name.parse("/example/alice");
    Name key = kc.createIdentity(id, type);
    assertEquals(id, kc.defaultIdentity());
    assertEquals(key, kc.defaultKey(id));
    assertEquals(type, kc.keyType(key));
    Certificate cert = kc.defaultCertificate(key);
    assertNotNull(cert);
    assertEquals(key, cert.keyName());
    assertEquals(Certificates.SELF, cert.issuerId());
    assertEquals(TlvTypes.CONTENT_TYPE_KEY, cert.data().contentType());
    assertTrue(cert.isSelfSigned());
    assertTrue(Certificates.isSignedBy(cert, cert));
    assertTrue(cert.isValidAt(System.currentTimeMillis()));
    assertEquals(type.signatureType(), cert.data().signatureInfo().type());

    Signer s = kc.signer(id);
    assertEquals(cert.name(), s.keyLocator().name(), "KeyLocator is the certificate name");
    Data d = PacketSigning.sign(Data.builder(Name.parse("/example/alice/x")).content(new byte[] {1}), s);
    assertTrue(PacketSigning.verify(d, Certificates.verifierOf(cert)));
  }

  @Test
  void keychainSurvivesReopeningAndListsIdentitiesKeysCertificates() throws IOException {
    Path d = tmp.resolve("kc");
    KeyChain kc = KeyChain.open(d);
    Name a = Name.parse("/a");
    Name b = Name.parse("/b/c");
    Name ka1 = kc.createKey(a, KeyType.EC);
    Name ka2 = kc.createKey(a, KeyType.ED25519);
    Name kb = kc.createKey(b, KeyType.EC);
    KeyChain again = KeyChain.open(d);
    assertEquals(List.of(a, b), again.identities());
    assertEquals(Set.of(ka1, ka2), Set.copyOf(again.keys(a)));
    assertEquals(List.of(kb), again.keys(b));
    assertEquals(a, again.defaultIdentity());
    assertEquals(ka2, again.defaultKey(a), "the newest key becomes the default");
    again.setDefaultKey(ka1);
    again.setDefaultIdentity(b);
    assertEquals(ka1, KeyChain.open(d).defaultKey(a));
    assertEquals(b, KeyChain.open(d).defaultIdentity());
    assertEquals(1, again.certificates(ka1).size());
    again.deleteIdentity(a);
    assertEquals(List.of(b), again.identities());
    assertFalse(again.hasKey(ka1));
  }

  @Test
  void filesAreOwnerOnly() throws IOException {
    Path d = tmp.resolve("kc");
    KeyChain kc = KeyChain.open(d);
    kc.createKey(Name.parse("/p"), KeyType.EC);
    if (!Files.getFileStore(d).supportsFileAttributeView("posix")) {
      return;
    }
    try (Stream<Path> s = Files.walk(d)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        Set<PosixFilePermission> expected = Files.isDirectory(p)
            ? Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)
            : Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertEquals(expected, perms, p.toString());
      }
    }
  }

  @Test
  void issuedCertificateChainsToTheIssuer() throws IOException {
    KeyChain ca = KeyChain.open(tmp.resolve("ca"));
    KeyChain user = KeyChain.open(tmp.resolve("user"));
    Name caKey = ca.createIdentity(Name.parse("/org"), KeyType.EC);
    Name userKey = user.createIdentity(Name.parse("/org/alice"), KeyType.ED25519);
    Certificate request = user.defaultCertificate(userKey);
    long now = System.currentTimeMillis();
    Certificate issued = ca.issue(Name.parse("/org"), request, "org-ca", now, now + 86_400_000L,
        Map.of("purpose", "test"));
    assertEquals(userKey, issued.keyName());
    assertEquals("org-ca", issued.issuerId().toString());
    assertEquals(Map.of("purpose", "test"), issued.additionalDescription());
    assertFalse(issued.isSelfSigned());
    assertTrue(Certificates.isSignedBy(issued, ca.defaultCertificate(caKey)));
    assertFalse(Certificates.isSignedBy(issued, request));
    user.addCertificate(issued);
    user.setDefaultCertificate(issued.name());
    assertEquals(issued.name(), user.signer(Name.parse("/org/alice")).keyLocator().name());
    // a certificate of another key is refused for this key
    Certificate other = ca.defaultCertificate(caKey);
    Certificate forged = Certificate.fromData(other.data());
    assertTrue(forged.keyName().equals(caKey));
    user.addCertificate(forged); // public-only key of the CA
    assertTrue(user.hasKey(caKey));
    assertFalse(user.hasPrivateKey(caKey));
    assertThrows(IllegalArgumentException.class, () -> user.signer(caKey));
  }

  @Test
  void requestNotSelfSignedIsRefused() throws IOException {
    KeyChain ca = KeyChain.open(tmp.resolve("ca"));
    ca.createIdentity(Name.parse("/org"), KeyType.EC);
    Name k = ca.createKey(Name.parse("/org/bob"), KeyType.EC);
    Certificate issued = ca.issue(Name.parse("/org"), ca.defaultCertificate(k), "x", 0, 1000, Map.of());
    assertThrows(IllegalArgumentException.class,
        () -> ca.issue(Name.parse("/org"), issued, "y", 0, 1000, Map.of()));
  }

  @ParameterizedTest
  @EnumSource(value = KeyType.class, names = {"EC", "RSA", "ED25519"})
  void safeBagRoundTripsWithThePasswordOnly(KeyType type) throws IOException {
    KeyChain src = KeyChain.open(tmp.resolve("src"));
    Name key = src.createIdentity(Name.parse("/bag/" + type), type);
    SafeBag bag = src.exportSafeBag(Name.parse("/bag/" + type), "secret".toCharArray());
    String text = bag.toBase64();
    SafeBag back = SafeBag.fromBase64(text);
    assertArrayEquals(bag.encode(), back.encode());
    assertEquals(SafeBag.SAFE_BAG, back.encode()[0] & 0xff);

    KeyChain dst = KeyChain.open(tmp.resolve("dst"));
    assertThrows(IllegalArgumentException.class, () -> dst.importSafeBag(back, "wrong".toCharArray()));
    Certificate c = dst.importSafeBag(back, "secret".toCharArray());
    assertEquals(key, c.keyName());
    assertArrayEquals(src.privateKey(key).getEncoded(), dst.privateKey(key).getEncoded());
    Data d = PacketSigning.sign(Data.builder(Name.parse("/x")), dst.signer(key));
    assertTrue(PacketSigning.verify(d, Certificates.verifierOf(src.defaultCertificate(key))));
    assertThrows(IllegalArgumentException.class, () -> dst.importSafeBag(back, "secret".toCharArray()));
  }

  @Test
  void safeBagKeyIsPbes2WithAes256AndHmacSha256() throws IOException {
    KeyChain src = KeyChain.open(tmp.resolve("src"));
    src.createIdentity(Name.parse("/p"), KeyType.EC);
    SafeBag bag = src.exportSafeBag(Name.parse("/p"), "pw".toCharArray());
    org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo info =
        org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo.getInstance(bag.encryptedKey());
    assertEquals(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_PBES2,
        info.getEncryptionAlgorithm().getAlgorithm());
    org.bouncycastle.asn1.pkcs.PBES2Parameters p =
        org.bouncycastle.asn1.pkcs.PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
    assertEquals(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_aes256_CBC,
        p.getEncryptionScheme().getAlgorithm());
    org.bouncycastle.asn1.pkcs.PBKDF2Params kdf =
        org.bouncycastle.asn1.pkcs.PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters());
    assertEquals(2048, kdf.getIterationCount().intValue());
    assertEquals(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_hmacWithSHA256, kdf.getPrf().getAlgorithm());
  }

  @Test
  void hmacKeysSignAndVerifyWithoutCertificates() throws IOException {
    KeyChain kc = KeyChain.open(tmp.resolve("kc"));
    Name k = kc.createKey(Name.parse("/h"), KeyType.HMAC);
    assertNull(kc.defaultCertificate(k));
    Data d = PacketSigning.sign(Data.builder(Name.parse("/h/x")), kc.signer(k));
    assertEquals(k, d.signatureInfo().keyLocator().name());
    assertTrue(PacketSigning.verify(d, kc.hmacVerifier(k)));
  }

  @Test
  void garbageSafeBagIsAClearError() {
    assertThrows(IllegalArgumentException.class, () -> SafeBag.fromBase64("not base64 !!"));
    assertThrows(IllegalArgumentException.class, () -> SafeBag.decode(new byte[] {(byte) 0x80, 0x02, 0x06, 0x00}));
  }

  @Test
  void defaultDirectoryIsUnderTheHome() {
    if (System.getenv("NDNJ_KEYCHAIN") == null) {
      assertEquals(Path.of(System.getProperty("user.home"), ".ndnj", "keychain"), KeyChain.defaultDirectory());
    }
  }
}
