package dev.ndnj.tlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CertificateTest {
  private static Certificate make(Name certName, Name signer) {
    SignatureInfo info = SignatureInfo.builder(TlvTypes.SIGNATURE_SHA256_WITH_ECDSA)
        .keyLocator(KeyLocator.ofName(signer)).validity("20260101T000000", "20270101T000000")
        .description("purpose", "test").description("owner", "ndnj").build();
    Data d = Certificate.dataBuilder(certName, new byte[] {0x30, 3, 1, 2, 3}).build(info, new byte[] {1, 2});
    return Certificate.decode(d.wire());
  }

  @Test
  void certificateViewReadsNamePartsKeyValidityAndDescription() {
    Name cert = Name.parse("/a/b/KEY/%01%02/self/v=5");
    Certificate c = make(cert, cert.getPrefix(4));
    assertEquals(Name.parse("/a/b"), c.identity());
    assertEquals(Name.parse("/a/b/KEY/%01%02"), c.keyName());
    assertEquals(Component.generic("self"), c.issuerId());
    assertEquals(5, c.version().toNumber());
    assertArrayEquals(new byte[] {0x30, 3, 1, 2, 3}, c.publicKey());
    assertEquals(Map.of("purpose", "test", "owner", "ndnj"), c.additionalDescription());
    assertEquals("[purpose, owner]", c.additionalDescription().keySet().toString());
    assertTrue(c.isSelfSigned());
    assertTrue(c.isValidAt(Certificate.toEpochMillis("20260601T000000")));
    assertTrue(c.isValidAt(Certificate.toEpochMillis("20270101T000000") + 999));
    assertFalse(c.isValidAt(Certificate.toEpochMillis("20270101T000001")));
    assertFalse(c.isValidAt(Certificate.toEpochMillis("20251231T235959")));
  }

  @Test
  void issuedCertificateIsNotSelfSigned() {
    Certificate c = make(Name.parse("/a/b/KEY/k/issuer/v=1"), Name.parse("/a/KEY/x"));
    assertFalse(c.isSelfSigned());
    assertEquals(Name.parse("/a/KEY/x"), c.signerName());
  }

  @Test
  void rejectsWhatIsNotACertificate() {
    Data plain = Data.builder(Name.parse("/a/b/KEY/k/self/v=1")).content(new byte[] {1}).signWithDigestSha256();
    assertThrows(IllegalArgumentException.class, () -> Certificate.fromData(plain));
    Data badName = Data.builder(Name.parse("/a/b")).contentType(2).content(new byte[] {1}).signWithDigestSha256();
    assertThrows(IllegalArgumentException.class, () -> Certificate.fromData(badName));
    assertThrows(IllegalArgumentException.class, () -> Certificate.toKeyName(Name.parse("/a/b")));
  }

  @Test
  void isoTimesConvertBothWays() {
    assertEquals(0L, Certificate.toEpochMillis("19700101T000000"));
    assertEquals("19700101T000000", Certificate.toIsoString(0));
    assertEquals(1_767_225_600_000L, Certificate.toEpochMillis("20260101T000000"));
    assertEquals("20240229T235959", Certificate.toIsoString(Certificate.toEpochMillis("20240229T235959") + 500));
    assertThrows(IllegalArgumentException.class, () -> Certificate.toEpochMillis("2024-02-29T00:00"));
  }

  @Test
  void additionalDescriptionRoundTripsAndMissingValueIsAnError() {
    SignatureInfo info = SignatureInfo.builder(0).description("k", "v").build();
    TlvEncoder enc = new TlvEncoder();
    info.prependTo(enc, false);
    byte[] w = enc.toByteArray();
    SignatureInfo back = SignatureInfo.decode(java.nio.ByteBuffer.wrap(w), 0, w.length, 0, false);
    assertEquals(Map.of("k", "v"), back.additionalDescription());
    // an AdditionalDescription whose entry has a key and no value
    byte[] bad2 = {0x16, 0x0e, 0x1b, 0x01, 0x00, (byte) 0xfd, 0x01, 0x02, 0x08, (byte) 0xfd, 0x02, 0x00, 0x04,
        (byte) 0xfd, 0x02, 0x01, 0x01, 0x6b};
    bad2[1] = (byte) (bad2.length - 2);
    assertThrows(TlvException.class, () -> SignatureInfo.decode(java.nio.ByteBuffer.wrap(bad2), 0, bad2.length, 0,
        false));
  }
}
