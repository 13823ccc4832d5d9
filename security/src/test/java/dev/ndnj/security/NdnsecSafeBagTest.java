package dev.ndnj.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SafeBags written by ndn-cxx's {@code ndnsec export} (0.7.1, the vectors NDNts's ndnsec package tests with) import
 * into ndnj's keychain with their passphrase, and the imported key signs what the certificate verifies.
 */
class NdnsecSafeBagTest {
  @TempDir
  Path tmp;

  static byte[] resource(String name) throws IOException {
    try (InputStream in = NdnsecSafeBagTest.class.getResourceAsStream(name)) {
      return Hex.decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", ""));
    }
  }

  @ParameterizedTest
  @CsvSource({
      "ndnsec-safebag-ec.hex, tS5VVFQES, /8=E/8=KEY/8=Ap%11%F9%1C%28%DA%DF/8=self/35=%00%00%01z%BA%9B%3C6, 3",
      "ndnsec-safebag-rsa.hex, dyJSpodm, /8=R/8=KEY/8=%84%C5%FF%F6d%DBm%CF/8=self/35=%00%00%01z%BA%96%8E%3A, 1"})
  void ndnsecExportImportsAndSigns(String file, String passphrase, String certUri, int sigType) throws IOException {
    SafeBag bag = SafeBag.decode(resource(file));
    Certificate cert = bag.certificate();
    assertEquals(Name.parse(certUri), cert.name());
    assertEquals(sigType, cert.data().signatureInfo().type());
    assertTrue(Certificates.isSignedBy(cert, cert), "ndnsec's self-signed certificate verifies");
    assertThrows(IllegalArgumentException.class, () -> bag.privateKey("wrong".toCharArray()));

    KeyChain kc = KeyChain.open(tmp.resolve("kc"));
    kc.importSafeBag(bag, passphrase.toCharArray());
    Data d = PacketSigning.sign(Data.builder(Name.parse("/signed/by/ndnsec/key")), kc.signer(cert.name()));
    assertEquals(sigType, d.signatureInfo().type());
    assertTrue(PacketSigning.verify(d, Certificates.verifierOf(cert)));
    assertEquals(TlvTypes.CONTENT_TYPE_KEY, kc.defaultCertificate(cert.keyName()).data().contentType());
    // and back out, decryptable with the same passphrase
    SafeBag again = kc.exportSafeBag(cert.name(), passphrase.toCharArray());
    assertEquals(Keys.publicKeyOf(again.privateKey(passphrase.toCharArray())),
        Keys.publicKeyFromSpki(cert.publicKey()));
  }
}
