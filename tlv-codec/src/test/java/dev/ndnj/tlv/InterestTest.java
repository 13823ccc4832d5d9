package dev.ndnj.tlv;

import static dev.ndnj.tlv.TestBytes.assertTlvError;
import static dev.ndnj.tlv.TestBytes.assertWire;
import static dev.ndnj.tlv.TestBytes.buf;
import static dev.ndnj.tlv.TestBytes.bytes;
import static dev.ndnj.tlv.TestBytes.hex;
import static dev.ndnj.tlv.TestBytes.norm;
import static dev.ndnj.tlv.TestBytes.toArray;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interest decoding with ndn-cxx's rules, byte-exact building, HopLimit/Nonce patching, Data matching and signed
 * portions. Unless a comment says otherwise the encodings come from ndn-cxx tests/unit/interest.t.cpp.
 */
class InterestTest {
  static final String LOCAL_NDN_PREFIX = "0805 6c6f63616c 0803 6e646e 0806 707265666978";

  /** ndn-cxx interest.t.cpp Encode/Basic. */
  static final String BASIC = "051c 0714" + LOCAL_NDN_PREFIX + " 0a04 01020304";

  /** ndn-cxx interest.t.cpp Encode/WithParameters. */
  static final String WITH_PARAMETERS = "0544 0736" + LOCAL_NDN_PREFIX
      + " 0220 ff9100e04eaadcf30674d98026a051ba25f56b69bfa026dcccd72c6ea0f7315a"
      + " 0a04 00000001 2404 c0c1c2c3";

  /** ndn-cxx interest.t.cpp Encode/Full. */
  static final String FULL = "0556 0736" + LOCAL_NDN_PREFIX
      + " 0220 ff9100e04eaadcf30674d98026a051ba25f56b69bfa026dcccd72c6ea0f7315a"
      + " 2100 1200 1e05 0703080148 0a04 4c1ecb4a 0c02 76a1 2201 dc 2404 c0c1c2c3";

  /** ndn-cxx interest.t.cpp Encode/Signed. */
  static final String SIGNED = "0577 0736" + LOCAL_NDN_PREFIX
      + " 0220 6f29586053ee9fccd8a422122925287c0a18435f4074c40abb0d5b30e4aa6220"
      + " 1200 0a04 4c1ecb4a 2404 c0c1c2c3"
      + " 2c0d 1b01 00 2608 0102030405060708"
      + " 2e20 12471ae0f8723ac1156c370a38711ebebf2817de9b2dd94e9b7e62f117b876c1";

  /** ndn-cxx interest.t.cpp Encode/SignedApplicationElements: application elements 510 and 512 around the sig. */
  static final String SIGNED_APP_ELEMENTS = "058f 0736" + LOCAL_NDN_PREFIX
      + " 0220 bc3630a4d65e0db5483dfa0d28b3312fcac1d441ec8961d4175e61751778108e"
      + " 1200 0a04 4c1ecb4a 2404 c0c1c2c3"
      + " fd01fe08 1020304050607080"
      + " 2c0d 1b01 00 2608 0102030405060708"
      + " 2e20 12471ae0f8723ac1156c370a38711ebebf2817de9b2dd94e9b7e62f117b876c1"
      + " fd020008 1122334455667788";

  /** ndn-cxx interest.t.cpp Decode/FullWithoutParameters: unknown non-critical FC00 between every element. */
  static final String FULL_WITH_UNKNOWN = "0531 0703 080149"
      + " fc00 2100 fc00 1200 fc00 1e0b 1f09 1e023e15 0703080148"
      + " fc00 0a04 4acb1e4c fc00 0c02 76a1 fc00 2201 d6 fc00";

  private static Interest decode(String hex) {
    return Interest.decode(buf(hex));
  }

  private static Name localNdnPrefix() {
    return Name.parse("/local/ndn/prefix");
  }

  // ---- decoding ----

  @Test
  void nameOnlyInterestHasDefaults() {
    Interest i = decode("0505 0703 080149");
    assertEquals(Name.parse("/I"), i.name());
    assertFalse(i.canBePrefix());
    assertFalse(i.mustBeFresh());
    assertTrue(i.forwardingHint().isEmpty());
    assertFalse(i.hasNonce());
    assertEquals(0, i.nonce());
    assertEquals(4000, i.lifetime());
    assertEquals(Interest.DEFAULT_LIFETIME, i.lifetime());
    assertFalse(i.hasHopLimit());
    assertEquals(-1, i.hopLimit());
    assertFalse(i.hasApplicationParameters());
    assertNull(i.applicationParameters());
    assertNull(i.signatureInfo());
    assertNull(i.signatureValue());
    assertTrue(i.isParametersDigestValid());
    assertEquals(7, i.wireLength());
    assertEquals("/I", i.toString());
  }

  @Test
  void canBePrefixIsDecoded() {
    Interest i = decode("0507 0703 080149 2100");
    assertTrue(i.canBePrefix());
    assertFalse(i.mustBeFresh());
  }

  @Test
  void everyFieldIsDecodedAndUnknownNonCriticalElementsAreSkipped() {
    Interest i = decode(FULL_WITH_UNKNOWN);
    assertEquals(Name.parse("/I"), i.name());
    assertTrue(i.canBePrefix());
    assertTrue(i.mustBeFresh());
    assertEquals(List.of(Name.parse("/H")), i.forwardingHint(), "Delegation of the format before 2021");
    assertTrue(i.hasNonce());
    assertEquals(0x4acb1e4c, i.nonce());
    assertEquals(30369, i.lifetime());
    assertEquals(214, i.hopLimit());
    assertFalse(i.hasApplicationParameters());
    assertEquals("/I?CanBePrefix&MustBeFresh&Nonce=4acb1e4c&Lifetime=30369&HopLimit=214", i.toString());
  }

  @Test
  void unknownNonCriticalElementsArePreservedInWire() {
    Interest i = decode(FULL_WITH_UNKNOWN);
    assertWire(FULL_WITH_UNKNOWN, i.wire());
    assertEquals(51, i.wireLength());
  }

  @Test
  void fieldsOfAnInterestWithParametersAndUnknownElements() {
    // ndn-cxx Decode/FullWithParameters
    String wire = "055b 0725 080149 0220 f16db273f40436a852063f864d5072b01ead53151f5a688ea1560492bebedd05"
        + " fc00 2100 fc00 1200 fc00 1e0b 1f09 1e023e15 0703080148"
        + " fc00 0a04 4acb1e4c fc00 0c02 76a1 fc00 2201 d6 fc00 2404 c0c1c2c3 fc00";
    Interest i = decode(wire);
    assertEquals("/I/params-sha256=f16db273f40436a852063f864d5072b01ead53151f5a688ea1560492bebedd05",
        i.name().toString());
    assertTrue(i.canBePrefix());
    assertTrue(i.mustBeFresh());
    assertEquals(List.of(Name.parse("/H")), i.forwardingHint());
    assertEquals(0x4acb1e4c, i.nonce());
    assertEquals(30369, i.lifetime());
    assertEquals(214, i.hopLimit());
    assertTrue(i.hasApplicationParameters());
    assertWire("c0c1c2c3", i.applicationParameters());
    assertTrue(i.applicationParameters().isReadOnly());
    assertTrue(i.isParametersDigestValid());
    assertWire(wire, i.wire());
  }

  @Test
  void forwardingHintOfNamesAndOfDelegations() {
    // NDNts packages/packet/tests/interest.t.ts "decode": a Delegation(Preference 33, /FH)
    Interest i = decode("0523 0703080141 2100 1200 1e0b 1f09 1e0121 0704 08024648"
        + " 0a04 a0a1a2a3 0c02 76a1 2201 dc");
    assertEquals(List.of(Name.parse("/FH")), i.forwardingHint());
    assertEquals(0xa0a1a2a3, i.nonce());
    assertEquals(30369, i.lifetime());
    assertEquals(220, i.hopLimit());
    Interest two = decode("0511 0703080141 1e0a 0703080158 0703080159");
    assertEquals(List.of(Name.parse("/X"), Name.parse("/Y")), two.forwardingHint());
  }

  @Test
  void nonceIsFourOctetsBigEndian() {
    Interest i = decode("050b 0703080149 0a04 957c6554");
    assertEquals(0x957c6554, i.nonce());
    assertEquals("/I?Nonce=957c6554", i.toString());
  }

  @Test
  void lifetimeMayUseAnyNonNegativeIntegerLength() {
    assertEquals(0, decode("0508 0703080149 0c01 00").lifetime());
    assertEquals(0xffffffffL, decode("050b 0703080149 0c04 ffffffff").lifetime());
    assertEquals(0x100000000L, decode("050f 0703080149 0c08 0000000100000000").lifetime());
  }

  // ---- ndn-cxx's decoding rules ----

  @Test
  void nameMustComeFirst() {
    assertTlvError(2, () -> decode("0529 2100 0703080149 1200 1e0b1f091e023e150703080148"
        + " 0a044acb1e4c 0c0276a1 2201d6 2404c0c1c2c3"), "Interest: Name element is missing or out of order");
    assertTlvError(2, () -> decode("0500"), "Interest: Name element is missing or out of order");
    assertTlvError(2, () -> decode("0502 1200"), "Interest: Name element is missing or out of order");
    // an unknown non-critical element may not come before the Name either
    assertTlvError(2, () -> decode("0507 fc00 0703080149"), "Interest: Name element is missing or out of order");
  }

  @Test
  void nameMustNotBeEmpty() {
    assertTlvError(2, () -> decode("0502 0700"), "Interest: Name has zero name components");
  }

  @Test
  void atMostOneParametersDigestComponent() {
    String zeros = "0000000000000000000000000000000000000000000000000000000000000000";
    assertTlvError(2, () -> decode("054c 074a 080149 0220" + zeros + " 080132 0220" + zeros),
        "Interest: Name has more than one ParametersSha256DigestComponent");
  }

  @Test
  void criticalElementOutOfOrderIsRejected() {
    String fh = " 1e0b1f091e023e150703080148";
    assertTlvError(9, () -> decode("0529 0703080149 1200 2100" + fh + " 0a044acb1e4c 0c0276a1 2201d6 2404c0c1c2c3"),
        "Interest: CanBePrefix out of order");
    assertTlvError(22, () -> decode("0529 0703080149 2100" + fh + " 1200 0a044acb1e4c 0c0276a1 2201d6 2404c0c1c2c3"),
        "Interest: MustBeFresh out of order");
    assertTlvError(17, () -> decode("0529 0703080149 2100 1200 0a044acb1e4c" + fh + " 0c0276a1 2201d6 2404c0c1c2c3"),
        "Interest: ForwardingHint out of order");
    assertTlvError(28, () -> decode("0529 0703080149 2100 1200" + fh + " 0c0276a1 0a044acb1e4c 2201d6 2404c0c1c2c3"),
        "Interest: Nonce out of order");
    assertTlvError(33, () -> decode("0529 0703080149 2100 1200" + fh + " 0a044acb1e4c 2201d6 0c0276a1 2404c0c1c2c3"),
        "Interest: InterestLifetime out of order");
  }

  @Test
  void repeatedCriticalElementIsRejected() {
    assertTlvError(13, () -> decode("0511 0703080149 0a04 01020304 0a04 01020304"), "Interest: Nonce repeated");
    assertTlvError(9, () -> decode("0509 0703080149 2100 2100"), "Interest: CanBePrefix repeated");
  }

  @Test
  void outOfOrderHopLimitAndApplicationParametersAreIgnored() {
    // ndn-cxx Decode/NonCriticalElementOutOfOrder: a duplicate HopLimit before and after ApplicationParameters
    Interest i = decode("0536 0725 080149 0220 ff9100e04eaadcf30674d98026a051ba25f56b69bfa026dcccd72c6ea0f7315a"
        + " 2201 d6 2200 2404 c0c1c2c3 2202 0101");
    assertEquals("/I/params-sha256=ff9100e04eaadcf30674d98026a051ba25f56b69bfa026dcccd72c6ea0f7315a",
        i.name().toString());
    assertEquals(214, i.hopLimit());
    assertWire("c0c1c2c3", i.applicationParameters());
    assertTrue(i.isParametersDigestValid());
    // a second ApplicationParameters
    Interest j = decode("0541 0725 080149 0220 ff9100e04eaadcf30674d98026a051ba25f56b69bfa026dcccd72c6ea0f7315a"
        + " 2100 1200 0a04 4acb1e4c 0c02 76a1 2201 d6 2404 c0c1c2c3 2401 ee");
    assertEquals(214, j.hopLimit());
    assertWire("c0c1c2c3", j.applicationParameters());
  }

  @Test
  void digestOverEverythingAfterTheParametersIsAcceptedToo() {
    // the specification's wording: the digest covers ApplicationParameters through the end of the Interest
    String params = "2404 c0c1c2c3 2201 09";
    String digest = hex(Sha256.digest(bytes(params)));
    Interest i = decode("0530 0725 080149 0220" + digest + " " + params);
    assertTrue(i.isParametersDigestValid());
    assertEquals(-1, i.hopLimit(), "the HopLimit after the parameters is still ignored");
    // a digest that matches neither reading is rejected
    assertTlvError(0, () -> decode("0530 0725 080149 0220" + "00".repeat(32) + " " + params),
        "does not match");
  }

  @Test
  void canBePrefixAndMustBeFreshMustBeEmpty() {
    assertTlvError(7, () -> decode("0508 0703080149 210102"), "Interest: CanBePrefix has non-zero TLV-LENGTH 1");
    assertTlvError(7, () -> decode("0508 0703080149 120102"), "Interest: MustBeFresh has non-zero TLV-LENGTH 1");
  }

  @Test
  void nonceMustBeFourOctets() {
    assertTlvError(7, () -> decode("0507 0703080149 0a00"), "Interest: Nonce length 0, expected 4");
    assertTlvError(7, () -> decode("050a 0703080149 0a03 04c263"), "Interest: Nonce length 3, expected 4");
    assertTlvError(7, () -> decode("050c 0703080149 0a05 efa420b262"), "Interest: Nonce length 5, expected 4");
  }

  @Test
  void hopLimitMustBeOneOctet() {
    assertTlvError(7, () -> decode("0507 0703080149 2200"), "Interest: HopLimit length 0, expected 1");
    assertTlvError(7, () -> decode("0509 0703080149 2202 1356"), "Interest: HopLimit length 2, expected 1");
  }

  @Test
  void lifetimeMustBeANonNegativeInteger() {
    assertTlvError(9, () -> decode("050a 0703080149 0c03 010203"),
        "InterestLifetime: NonNegativeInteger of length 3, expected 1, 2, 4 or 8");
  }

  @Test
  void unknownCriticalElementIsRejected() {
    assertTlvError(7, () -> decode("0507 0703080149 fb00"), "Interest: unrecognized critical element TLV-TYPE 251");
    // a v0.2 Interest with Selectors
    assertTlvError(7, () -> decode("0510 0703080149 09030d0101 0a0401000000"),
        "Interest: unrecognized critical element TLV-TYPE 9");
  }

  @Test
  void parametersDigestMustMatch() {
    assertTlvError(0, () -> decode("0509 0703 080149 2402 cafe"),
        "Interest: ApplicationParameters without ParametersSha256DigestComponent");
    assertTlvError(0, () -> decode("0527 0725 080149 0220 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        "Interest: ParametersSha256DigestComponent without ApplicationParameters");
    assertTlvError(0, () -> decode("052b 0725 080149 0220 0000000000000000000000000000000000000000000000000000000000000000"
        + " 2402 cafe"), "Interest: ParametersSha256DigestComponent does not match the SHA-256 of the parameters");
  }

  @Test
  void notAnInterestIsRejected() {
    assertTlvError(0, () -> decode("4202 cafe"), "Interest: expected TLV-TYPE 5, got 66");
    assertTlvError(7, () -> decode("0505 0703080149 00"), "Interest: 1 trailing octets after the element");
  }

  // ---- building, byte-exact ----

  @Test
  void builderMatchesNdnCxxBasic() {
    Interest i = Interest.builder(localNdnPrefix()).nonce(0x01020304).build();
    assertWire(BASIC, i.wire());
    assertTrue(i.isParametersDigestValid());
  }

  @Test
  void builderMatchesNdnCxxWithParameters() {
    Interest i = Interest.builder(localNdnPrefix()).nonce(1).applicationParameters(bytes("c0c1c2c3")).build();
    assertWire(WITH_PARAMETERS, i.wire());
    assertEquals("/local/ndn/prefix/params-sha256=ff9100e04eaadcf30674d98026a051ba25f56b69bfa026dcccd72c6ea0f7315a",
        i.name().toString());
  }

  @Test
  void builderMatchesNdnCxxFull() {
    Interest i = Interest.builder(localNdnPrefix()).mustBeFresh(true).canBePrefix(true)
        .forwardingHint(List.of(Name.parse("/H"))).nonce(0x4c1ecb4a).lifetime(30369).hopLimit(220)
        .applicationParameters(bytes("c0c1c2c3")).build();
    assertWire(FULL, i.wire());
    Interest d = Interest.decode(ByteBuffer.wrap(bytes(FULL)));
    assertEquals(List.of(Name.parse("/H")), d.forwardingHint());
    assertEquals(220, d.hopLimit());
  }

  @Test
  void builderMatchesNdnCxxSigned() {
    SignatureInfo si = SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256).nonce(bytes("0102030405060708")).build();
    Interest i = Interest.builder(localNdnPrefix()).mustBeFresh(true).nonce(0x4c1ecb4a)
        .applicationParameters(bytes("c0c1c2c3")).signatureInfo(si)
        .signatureValue(bytes("12471ae0f8723ac1156c370a38711ebebf2817de9b2dd94e9b7e62f117b876c1")).build();
    assertWire(SIGNED, i.wire());
  }

  @Test
  void signedInterestFieldsAreDecoded() {
    Interest i = decode(SIGNED);
    assertEquals("/local/ndn/prefix/params-sha256=6f29586053ee9fccd8a422122925287c0a18435f4074c40abb0d5b30e4aa6220",
        i.name().toString());
    assertTrue(i.mustBeFresh());
    assertEquals(0x4c1ecb4a, i.nonce());
    assertEquals(TlvTypes.SIGNATURE_DIGEST_SHA256, i.signatureInfo().type());
    assertArrayEquals(bytes("0102030405060708"), i.signatureInfo().nonce());
    assertWire("12471ae0f8723ac1156c370a38711ebebf2817de9b2dd94e9b7e62f117b876c1", i.signatureValue());
    assertWire("c0c1c2c3", i.applicationParameters());
    assertTrue(i.isParametersDigestValid());
  }

  @Test
  void applicationElementsAroundTheSignatureAreKeptAndCoveredByTheDigest() {
    Interest i = decode(SIGNED_APP_ELEMENTS);
    assertEquals("/local/ndn/prefix/params-sha256=bc3630a4d65e0db5483dfa0d28b3312fcac1d441ec8961d4175e61751778108e",
        i.name().toString());
    assertEquals(TlvTypes.SIGNATURE_DIGEST_SHA256, i.signatureInfo().type());
    assertWire("12471ae0f8723ac1156c370a38711ebebf2817de9b2dd94e9b7e62f117b876c1", i.signatureValue());
    assertTrue(i.isParametersDigestValid());
    assertWire(SIGNED_APP_ELEMENTS, i.wire());
  }

  @Test
  void parametersDigestIsComputedAndPlacedByTheBuilder() {
    // ndn-cxx interest.t.cpp ParametersSha256DigestComponent
    assertEquals("/I/params-sha256=ff9100e04eaadcf30674d98026a051ba25f56b69bfa026dcccd72c6ea0f7315a",
        Interest.builder(Name.parse("/I")).applicationParameters(bytes("c0c1c2c3")).build().name().toString());
    assertEquals("/I/params-sha256=33b67cb5385ceddad93d0ee960679041613bed34b8b4a5e6362fe7539ba2d3ce",
        Interest.builder(Name.parse("/I")).applicationParameters(new byte[0]).build().name().toString());
    Name placeholder = Name.parse("/P").append(Component.parametersDigest(new byte[32])).append("Q");
    assertEquals("/P/params-sha256=ff9100e04eaadcf30674d98026a051ba25f56b69bfa026dcccd72c6ea0f7315a/Q",
        Interest.builder(placeholder).applicationParameters(bytes("c0c1c2c3")).build().name().toString(),
        "an existing digest component is replaced in place");
    SignatureInfo ecdsa = SignatureInfo.builder(TlvTypes.SIGNATURE_SHA256_WITH_ECDSA).build();
    assertEquals("/A/B/C/params-sha256=6400cae1730c15fd7854b26be05794d53685423c94bc61e59c49bd640d646ae8",
        Interest.builder(Name.parse("/A/B/C")).applicationParameters(bytes("c0c1c2c3")).signatureInfo(ecdsa)
            .build().name().toString());
    Interest emptyParams = Interest.builder(Name.parse("/A/B/C")).signatureInfo(ecdsa).build();
    assertEquals("/A/B/C/params-sha256=d2ac0eb1f60f60ab206fb80bf1d0f73cfef353bbec43ba6ea626117f671ca3bb",
        emptyParams.name().toString(), "a signature adds an empty ApplicationParameters");
    assertWire("", emptyParams.applicationParameters());
    assertEquals("/A/B/C/params-sha256=f649845ef944638390d1c689e2f0618ea02e471eff236110cbeb822d5932d342",
        Interest.builder(Name.parse("/A/B/C")).signatureInfo(ecdsa).signatureValue(bytes("01020304")).build()
            .name().toString());
    assertEquals("/A/B/C/params-sha256=c5d7e567e6b251ddf36f7a6dbed95235b2d4a0b36215bb0f3cc403ac64ad0284",
        Interest.builder(Name.parse("/A/B/C")).applicationParameters(bytes("c0c1c2c3")).signatureInfo(ecdsa)
            .signatureValue(bytes("01020304")).build().name().toString());
  }

  @Test
  void toStringShowsTheFieldsLikeNdnCxx() {
    Name foo = Name.parse("/foo");
    assertEquals("/foo", Interest.builder(foo).build().toString());
    assertEquals("/foo?CanBePrefix&MustBeFresh&Nonce=00a1b2c3&Lifetime=2000&HopLimit=18",
        Interest.builder(foo).canBePrefix(true).mustBeFresh(true).nonce(0xa1b2c3).lifetime(2000).hopLimit(18)
            .build().toString());
    assertEquals("/foo/params-sha256=8621f5e8321f04104640c8d02877d7c5142cad6e203c5effda1783b1a0e476d6"
        + "?Nonce=00a1b2c3&Lifetime=2000",
        Interest.builder(foo).nonce(0xa1b2c3).lifetime(2000).applicationParameters(bytes("cafe")).build().toString());
  }

  @Test
  void builderWritesAnExplicitDefaultLifetimeOnlyWhenSet() {
    assertWire("0509 0703080141 0c02 0fa0", Interest.builder(Name.parse("/A")).lifetime(4000).build().wire());
    assertWire("0505 0703080141", Interest.builder(Name.parse("/A")).build().wire());
    assertWire("0508 0703080141 0c01 00", Interest.builder(Name.parse("/A")).lifetime(0).build().wire());
  }

  @Test
  void builderRejectsMisuse() {
    assertThrows(IllegalStateException.class, () -> Interest.builder(Name.ROOT).build());
    assertThrows(IllegalStateException.class, () -> Interest.builder(null).build());
    assertThrows(IllegalStateException.class,
        () -> Interest.builder(Name.parse("/A")).signatureValue(new byte[4]).build());
    assertThrows(IllegalStateException.class, () -> Interest.builder(
        Name.parse("/A").append(Component.parametersDigest(new byte[32]))).build());
    assertThrows(IllegalArgumentException.class, () -> Interest.builder(Name.parse("/A")).hopLimit(256));
    assertThrows(IllegalArgumentException.class, () -> Interest.builder(Name.parse("/A")).hopLimit(-1));
    assertThrows(IllegalArgumentException.class, () -> Interest.builder(Name.parse("/A")).lifetime(-1));
  }

  // ---- withHopLimit / withNonce ----

  @Test
  void withHopLimitPatchesExactlyOneOctetWhenPresent() {
    byte[] before = bytes(FULL);
    Interest i = Interest.decode(ByteBuffer.wrap(before.clone()));
    Interest j = i.withHopLimit(219);
    byte[] after = toArray(j.wire());
    assertEquals(before.length, after.length);
    int diffs = 0;
    int at = -1;
    for (int k = 0; k < before.length; k++) {
      if (before[k] != after[k]) {
        diffs++;
        at = k;
      }
    }
    assertEquals(1, diffs);
    assertEquals((byte) 0xdc, before[at]);
    assertEquals((byte) 219, after[at]);
    assertEquals(219, j.hopLimit());
    assertEquals(220, i.hopLimit(), "the original is unchanged");
    assertWire(FULL, i.wire());
    assertTrue(j.isParametersDigestValid(), "HopLimit is outside the parameters digest");
    assertEquals(0, i.withHopLimit(0).hopLimit());
  }

  @Test
  void withHopLimitInsertsTheElementWhenAbsent() {
    assertWire("051f 0714" + LOCAL_NDN_PREFIX + " 0a04 01020304 2201 40", decode(BASIC).withHopLimit(64).wire());
    // before ApplicationParameters, so the digest stays valid
    Interest p = decode(WITH_PARAMETERS).withHopLimit(7);
    assertWire("0547 0736" + LOCAL_NDN_PREFIX
        + " 0220 ff9100e04eaadcf30674d98026a051ba25f56b69bfa026dcccd72c6ea0f7315a"
        + " 0a04 00000001 2201 07 2404 c0c1c2c3", p.wire());
    assertEquals(7, p.hopLimit());
    assertTrue(p.isParametersDigestValid());
  }

  @Test
  void withHopLimitKeepsUnknownElements() {
    Interest i = decode("0511 0703080149 fc00 0a04 01020304 fc02 abcd");
    assertWire("0514 0703080149 fc00 0a04 01020304 fc02 abcd 2201 05", i.withHopLimit(5).wire());
    String withHop = "0514 0703080149 fc00 0a04 01020304 2201 09 fc02 abcd";
    assertWire(withHop.replace("2201 09", "2201 0a"), decode(withHop).withHopLimit(10).wire());
  }

  @Test
  void withHopLimitOutOfRangeIsRejected() {
    Interest i = decode(BASIC);
    assertThrows(IllegalArgumentException.class, () -> i.withHopLimit(256));
    assertThrows(IllegalArgumentException.class, () -> i.withHopLimit(-1));
  }

  @Test
  void withNoncePatchesTheFourOctetsWhenPresent() {
    Interest i = decode(FULL);
    Interest j = i.withNonce(0x01020304);
    String expected = norm(FULL).replace("0a044c1ecb4a", "0a0401020304");
    assertEquals(expected, hex(j.wire()));
    assertEquals(0x01020304, j.nonce());
    assertEquals(0x4c1ecb4a, i.nonce());
    assertTrue(j.isParametersDigestValid());
  }

  @Test
  void withNonceInsertsInSpecOrderWhenAbsent() {
    // ndn-cxx Decode/NameOnly: adding Nonce 957c6554 re-encodes as 050B 0703(080149) 0A04957C6554
    assertWire("050b 0703080149 0a04 957c6554", decode("0505 0703080149").withNonce(0x957c6554).wire());
    assertWire("0513 0703080149 2100 fc00 0a04 a1a2a3a4 0c02 76a1",
        decode("050d 0703080149 2100 fc00 0c02 76a1").withNonce(0xa1a2a3a4).wire());
    assertWire("050e 0703080149 0a04 a1a2a3a4 2201 05",
        decode("0508 0703080149 2201 05").withNonce(0xa1a2a3a4).wire());
    Interest p = decode("053e 0736" + LOCAL_NDN_PREFIX
        + " 0220 ff9100e04eaadcf30674d98026a051ba25f56b69bfa026dcccd72c6ea0f7315a 2404 c0c1c2c3").withNonce(1);
    assertWire(WITH_PARAMETERS, p.wire());
  }

  // ---- matching Data ----

  @Test
  void matchesDataByNameCanBePrefixDigestAndFreshness() {
    // ndn-cxx interest.t.cpp MatchesData
    Data a = Data.builder(Name.parse("/A")).signWithDigestSha256();
    Data ad = Data.builder(Name.parse("/A/D")).signWithDigestSha256();
    Data adFresh = Data.builder(Name.parse("/A/D")).freshnessPeriod(1000).signWithDigestSha256();
    Data hi = Data.builder(Name.parse("/H/I")).freshnessPeriod(1000).signWithDigestSha256();
    Interest exact = Interest.builder(Name.parse("/A")).build();
    assertTrue(exact.matches(a));
    assertFalse(exact.matches(ad), "violates CanBePrefix");
    Interest prefix = Interest.builder(Name.parse("/A")).canBePrefix(true).build();
    assertTrue(prefix.matches(ad));
    Interest fresh = Interest.builder(Name.parse("/A")).canBePrefix(true).mustBeFresh(true).build();
    assertFalse(fresh.matches(ad), "violates MustBeFresh");
    assertTrue(fresh.matches(adFresh));
    assertFalse(fresh.matches(hi), "name does not match");
    Interest full = Interest.builder(hi.fullName()).build();
    assertTrue(full.matches(hi));
    Interest fullPrefix = Interest.builder(hi.fullName()).canBePrefix(true).build();
    assertTrue(fullPrefix.matches(hi));
    Interest wrongDigest = Interest.builder(Name.parse("/H/I").append(Component.implicitDigest(new byte[32]))).build();
    assertFalse(wrongDigest.matches(hi), "violates implicit digest");
    Interest sameLengthNotDigest = Interest.builder(Name.parse("/H/I/J")).build();
    assertFalse(sameLengthNotDigest.matches(hi));
  }

  @Test
  void mustBeFreshIsNotSatisfiedByFreshnessPeriodZero() {
    Data zero = Data.builder(Name.parse("/A")).freshnessPeriod(0).signWithDigestSha256();
    Data absent = Data.builder(Name.parse("/A")).signWithDigestSha256();
    Interest fresh = Interest.builder(Name.parse("/A")).mustBeFresh(true).build();
    assertFalse(fresh.matches(zero));
    assertFalse(fresh.matches(absent));
    assertTrue(Interest.builder(Name.parse("/A")).build().matches(zero));
  }

  // ---- signed portions ----

  @Test
  void signedPortionsAreTheNameWithoutDigestAndParametersThroughSignatureInfo() {
    // ndn-cxx interest.t.cpp ExtractSignedRanges: ranges WIRE[4..16) and WIRE[58..79)
    String hex = "056f 072e 0804 61626364 0804 65666768"
        + " 0220 6f29586053ee9fccd8a422122925287c0a18435f4074c40abb0d5b30e4aa6220"
        + " 1200 0a04 4c1ecb4a 2404 c0c1c2c3 2c0d 1b01 00 2608 0102030405060708"
        + " 2e20 12471ae0f8723ac1156c370a38711ebebf2817de9b2dd94e9b7e62f117b876c1";
    byte[] wire = bytes(hex);
    Interest i = Interest.decode(ByteBuffer.wrap(wire));
    ByteBuffer[] parts = i.signedPortions();
    assertEquals(2, parts.length);
    assertArrayEquals(java.util.Arrays.copyOfRange(wire, 4, 16), toArray(parts[0]));
    assertArrayEquals(java.util.Arrays.copyOfRange(wire, 58, 79), toArray(parts[1]));
    assertTrue(parts[0].isReadOnly());
    assertTrue(parts[1].isReadOnly());
  }

  @Test
  void signedPortionsSkipADigestComponentThatIsNotLast() {
    Name n = Name.parse("/P").append(Component.parametersDigest(new byte[32])).append("Q");
    SignatureInfo si = SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256).build();
    Interest i = Interest.builder(n).signatureInfo(si).signatureValue(new byte[32]).build();
    ByteBuffer[] parts = i.signedPortions();
    assertWire("080150 080151", parts[0]);
    assertWire("2400 2c03 1b0100", parts[1]);
  }

  @Test
  void unsignedInterestHasNoSignedPortions() {
    assertThrows(IllegalStateException.class, () -> decode(BASIC).signedPortions());
    assertThrows(IllegalStateException.class, () -> decode(WITH_PARAMETERS).signedPortions());
  }
}
