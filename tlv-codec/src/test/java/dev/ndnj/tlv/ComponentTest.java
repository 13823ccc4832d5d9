package dev.ndnj.tlv;

import static dev.ndnj.tlv.TestBytes.assertTlvError;
import static dev.ndnj.tlv.TestBytes.assertWire;
import static dev.ndnj.tlv.TestBytes.buf;
import static dev.ndnj.tlv.TestBytes.bytes;
import static dev.ndnj.tlv.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Name components: every typed convention, the TLV-TYPE range, digest lengths, canonical order and URI form.
 * Encodings and URI cases follow ndn-cxx tests/unit/name-component.t.cpp and NDNts packages/packet/tests/
 * component.t.ts; numbers are those of the naming conventions rev 3 (segment 50, byte offset 52, version 54,
 * timestamp 56, sequence number 58).
 */
class ComponentTest {
  static final String DIGEST = "28bad4b5275bd392dbb670c75cf0b66f13f7942b21e80f55c0e86b374753a548";

  /** The single component of a one-component Name given as hex of the component TLV. */
  static Component decoded(String componentHex) {
    byte[] c = bytes(componentHex);
    byte[] n = new byte[c.length + (c.length < 253 ? 2 : 4)];
    int p;
    if (c.length < 253) {
      n[0] = 7;
      n[1] = (byte) c.length;
      p = 2;
    } else {
      n[0] = 7;
      n[1] = (byte) 0xfd;
      n[2] = (byte) (c.length >> 8);
      n[3] = (byte) c.length;
      p = 4;
    }
    System.arraycopy(c, 0, n, p, c.length);
    Name name = Name.decode(java.nio.ByteBuffer.wrap(n));
    assertEquals(1, name.size());
    return name.get(0);
  }

  @Test
  void genericComponentHoldsItsOctets() {
    Component c = decoded("0807 6e646e2d637878");
    assertEquals(TlvTypes.GENERIC_NAME_COMPONENT, c.type());
    assertEquals(7, c.valueLength());
    assertEquals(9, c.wireLength());
    assertEquals("ndn-cxx", c.toString());
    assertEquals(c, Component.generic("ndn-cxx"));
    assertEquals(c, Component.parse("ndn-cxx"));
    assertEquals(c, Component.parse("8=ndn-cxx"));
    assertWire("0807 6e646e2d637878", Component.generic("ndn-cxx").wire());
    assertArrayEquals("ndn-cxx".getBytes(StandardCharsets.US_ASCII), c.valueBytes());
    assertWire("6e646e2d637878", c.value());
    assertTrue(c.value().isReadOnly());
    assertTrue(c.wire().isReadOnly());
  }

  @Test
  void genericComponentOfBytesAndOfUtf8Text() {
    assertWire("0803 00ff41", Component.generic(new byte[] {0, (byte) 0xff, 0x41}).wire());
    assertWire("0802 c3a9", Component.generic("\u00e9").wire());
    assertEquals("%C3%A9", Component.generic("\u00e9").toString());
    assertWire("0800", Component.generic(new byte[0]).wire());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // factory, value, wire, URI
      "segment, 10000, 3202 2710, seg=10000",
      "segment, 0, 3201 00, seg=0",
      "byteOffset, 100000, 3404 000186a0, off=100000",
      "version, 1000000, 3604 000f4240, v=1000000",
      "timestamp, 1262304000000000, 3808 00047c0f0d84c000, t=1262304000000000",
      "sequenceNumber, 10000000, 3a04 00989680, seq=10000000",
      "segment, 255, 3201 ff, seg=255",
      "segment, 256, 3202 0100, seg=256",
      "version, 4294967296, 3608 0000000100000000, v=4294967296",
  })
  void numberComponentsEncodeAsShortestNonNegativeIntegerAndPrintTheirConvention(String factory, long n, String wire,
      String uri) {
    Component c;
    switch (factory) {
      case "segment": c = Component.segment(n); break;
      case "byteOffset": c = Component.byteOffset(n); break;
      case "version": c = Component.version(n); break;
      case "timestamp": c = Component.timestamp(n); break;
      default: c = Component.sequenceNumber(n); break;
    }
    assertWire(wire, c.wire());
    assertEquals(uri, c.toString());
    assertEquals(c, Component.parse(uri));
    assertEquals(c, decoded(wire));
    assertTrue(c.isNumber());
    assertEquals(n, c.toNumber());
    assertEquals(c, Component.number(c.type(), n));
    // the <type>=<escaped> form gives the same component (ndn-cxx testDecimalComponent: "50=%2A" == seg=42)
    StringBuilder escaped = new StringBuilder(c.type() + "=");
    for (byte b : c.valueBytes()) {
      escaped.append('%').append(String.format("%02X", b & 0xff));
    }
    assertEquals(c, Component.parse(escaped.toString()));
  }

  @Test
  void largestNumberPrintsUnsigned() {
    Component c = Component.parse("seg=18446744073709551615");
    assertWire("3208 ffffffffffffffff", c.wire());
    assertEquals("seg=18446744073709551615", c.toString());
    assertEquals(-1L, c.toNumber());
    assertEquals("seq=9223372036854775808", Component.sequenceNumber(Long.MIN_VALUE).toString());
    assertEquals("t=10000000000000000000", Component.timestamp(Long.parseUnsignedLong("10000000000000000000"))
        .toString());
  }

  @Test
  void segmentAndVersionPredicates() {
    assertTrue(Component.segment(3).isSegment());
    assertFalse(Component.segment(3).isVersion());
    assertTrue(Component.version(3).isVersion());
    assertFalse(Component.of(TlvTypes.SEGMENT_NAME_COMPONENT, new byte[] {1, 2, 3}).isSegment());
    assertFalse(Component.generic(new byte[] {3}).isSegment());
  }

  @Test
  void numberTypedComponentWithoutANumberValuePrintsAsTypeEqualsEscaped() {
    Component c = Component.of(TlvTypes.SEGMENT_NAME_COMPONENT, new byte[] {1, 2, 3});
    assertFalse(c.isNumber());
    assertEquals("50=%01%02%03", c.toString());
    assertEquals(c, Component.parse("50=%01%02%03"));
    assertThrows(IllegalStateException.class, c::toNumber);
    assertEquals("56=...", Component.of(TlvTypes.TIMESTAMP_NAME_COMPONENT, new byte[0]).toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"3202 0005, seg=5, 320105", "3604 00000005, v=5, 360105", "3a08 0000000000000005, seq=5, 3a0105",
      "3402 0000, off=0, 340100"})
  void numberInNonShortestFormPrintsAsNumberLikeNdnCxxAndParsesToShortestForm(String wire, String uri,
      String shortest) {
    // ndn-cxx DecimalComponentType::writeUri and NDNts AltUri print any 1/2/4/8-octet value as a number
    Component c = decoded(wire);
    assertEquals(uri, c.toString());
    assertEquals(decoded(shortest), Component.parse(uri));
  }

  @Test
  void keywordComponentIsTypeThirtyTwo() {
    // NDNts README: Component.from("32=metadata") has type 0x20 and length 8
    Component c = Component.parse("32=metadata");
    assertEquals(TlvTypes.KEYWORD_NAME_COMPONENT, c.type());
    assertWire("2008 6d65746164617461", c.wire());
    assertEquals("32=metadata", c.toString());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({"1, sha256digest=", "2, params-sha256="})
  void digestComponentsPrintLowercaseHexAndParseEitherCase(int type, String prefix) {
    Component c = Component.of(type, bytes(DIGEST));
    assertEquals(type, c.type());
    assertEquals(prefix + DIGEST, c.toString());
    assertEquals(c, Component.parse(prefix + DIGEST));
    assertEquals(c, Component.parse(prefix + DIGEST.toUpperCase()));
    StringBuilder pct = new StringBuilder(type + "=");
    for (int i = 0; i < DIGEST.length(); i += 2) {
      pct.append('%').append(DIGEST.substring(i, i + 2).toUpperCase());
    }
    assertEquals(c, Component.parse(pct.toString()));
    assertEquals(c, type == 1 ? Component.implicitDigest(bytes(DIGEST)) : Component.parametersDigest(bytes(DIGEST)));
    assertTrue(type == 1 ? c.isImplicitDigest() : c.isParametersDigest());
    assertWire(String.format("%02x20", type) + DIGEST, c.wire());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "sha256digest=", "sha256digest=a791806951f25c4d", "sha256digest=foo",
      "params-sha256=a791806951f25c4d",
      "sha256digest=28bad4b5275bd392dbb670c75cf0b66f13f7942b21e80f55c0e86b374753a54g",
      "sha256digest=28bad4b5275bd392dbb670c75cf0b66f13f7942b21e80f55c0e86b374753a548aa",
      "1=%00", "2=abc", "1=...",
  })
  void digestComponentUriOfTheWrongLengthOrBadHexIsRejected(String uri) {
    assertThrows(IllegalArgumentException.class, () -> Component.parse(uri));
  }

  @Test
  void digestComponentOfLengthOtherThanThirtyTwoIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Component.implicitDigest(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> Component.parametersDigest(new byte[33]));
    assertThrows(IllegalArgumentException.class, () -> Component.of(TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT,
        new byte[8]));
    assertThrows(IllegalArgumentException.class, () -> Component.of(TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT,
        new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> Component.number(TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT, 5));
    // on the wire: ndn-cxx "TLV-LENGTH must be 32"
    assertTlvError(2, () -> decoded("0108 a791806951f25c4d"),
        "Name component: ImplicitSha256DigestComponent TLV-LENGTH 8, expected 32");
    assertTlvError(2, () -> decoded("0200"),
        "Name component: ParametersSha256DigestComponent TLV-LENGTH 0, expected 32");
  }

  @Test
  void arbitraryTypesFromOneToSixtyFiveThousandFiveHundredThirtyFive() {
    // ndn-cxx name-component.t.cpp OtherType
    Component nine = decoded("0907 6e646e2d637878");
    assertEquals(9, nine.type());
    assertEquals("9=ndn-cxx", nine.toString());
    assertEquals(nine, Component.parse("9=ndn-cxx"));
    Component max = decoded("fdffff00");
    assertEquals(0xffff, max.type());
    assertEquals("65535=...", max.toString());
    assertEquals(max, Component.parse("65535=..."));
    Component c = decoded("fd576501 2e");
    assertEquals(0x5765, c.type());
    assertEquals("22373=....", c.toString());
    assertEquals(c, Component.parse("22373=...."));
    // NDNts component.t.ts
    assertEquals("240=A%01%A0", decoded("f003 4101a0").toString());
    assertEquals("65535=A", Component.of(0xffff, new byte[] {0x41}).toString());
    assertWire("fdffff01 41", Component.of(0xffff, new byte[] {0x41}).wire());
    assertWire("fd00fd00", Component.of(253, new byte[0]).wire());
    assertWire("0300", Component.of(3, new byte[0]).wire());
    assertEquals(20, Component.parse("20=A%00B").type());
    assertArrayEquals(new byte[] {0x41, 0x00, 0x42}, Component.parse("20=A%00B").valueBytes());
    assertArrayEquals(new byte[] {0x0f, (byte) 0xa0}, Component.parse("36=%0f%a0").valueBytes());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {0, -1, 65536, 70000, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void componentTypeOutsideOneToSixtyFiveThousandFiveHundredThirtyFiveIsRejectedByFactories(int type) {
    assertThrows(IllegalArgumentException.class, () -> Component.of(type, new byte[] {1}));
    assertThrows(IllegalArgumentException.class, () -> Component.number(type, 1));
  }

  @Test
  void componentTypeZeroOrAboveSixtyFiveThousandFiveHundredThirtyFiveIsRejectedOnTheWire() {
    assertTlvError(2, () -> Name.decode(buf("0703 000141")), "TLV-TYPE 0 is invalid");
    // NDNts: FE 00 01 00 00 01 41 is a component of TLV-TYPE 65536
    assertTlvError(2, () -> Name.decode(buf("0707 fe00010000 0141")),
        "Name component: TLV-TYPE 65536 outside 1..65535");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0=A", "65536=A", "4294967296=A", "99999999999999999999=A"})
  void componentUriWithTypeOutOfRangeIsRejected(String uri) {
    assertThrows(IllegalArgumentException.class, () -> Component.parse(uri));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "seg=", "seg=foo", "seg=-1", "seg=9.3", "seg= 84", "seg=0xAF", "seg=18446744073709551616",
      "v=99999999999999999999", "off=+1", "t=1e6", "seq=",
  })
  void numberComponentUriWithoutAValidNumberIsRejected(String uri) {
    assertThrows(IllegalArgumentException.class, () -> Component.parse(uri));
  }

  @Test
  void percentEscapingUsesUppercaseHexAndLeavesOnlyUnreservedCharacters() {
    // unreserved = ALPHA DIGIT - . _ ~ (RFC 3986); everything else as %XX
    assertEquals("-._~", decoded("0804 2d2e5f7e").toString());
    assertEquals("foo%25bar", decoded("0807 666f6f25626172").toString());
    assertEquals("9%3DA", decoded("0803 393d41").toString());
    assertEquals("%3A%2F%3F%23%5B%5D%40", Component.generic(":/?#[]@").toString());
    assertEquals("%00%01%7F%80%FF%20%2B%2C", Component.generic(new byte[] {0, 1, 0x7f, (byte) 0x80, (byte) 0xff,
        ' ', '+', ','}).toString());
    assertEquals("azAZ09", Component.generic("azAZ09").toString());
    assertEquals(decoded("0807 666f6f25626172"), Component.parse("foo%25bar"));
    assertEquals(decoded("0807 666f6f25626172"), Component.parse("8=foo%25bar"));
    assertEquals(Component.generic(":/?#[]@"), Component.parse("%3A%2F%3F%23%5B%5D%40"));
    assertEquals(Component.generic(":/?#[]@"), Component.parse("%3a%2f%3f%23%5b%5d%40"));
  }

  @Test
  void periodsAreEscapedByThreeMore() {
    assertEquals("...", Component.generic(new byte[0]).toString());
    assertEquals("....", Component.generic(".").toString());
    assertEquals(".....", Component.generic("..").toString());
    assertEquals(".A.", Component.generic(".A.").toString());
    assertEquals(Component.generic(new byte[0]), Component.parse("..."));
    assertEquals(Component.generic("."), Component.parse("...."));
    assertEquals(Component.generic(".."), Component.parse("....."));
    assertEquals(Component.generic(".A."), Component.parse(".A."));
    assertEquals(Component.generic(new byte[0]), Component.parse("8=..."));
  }

  @Test
  void periodsAreCountedAfterPercentDecoding() {
    // ndn-cxx name-component.t.cpp: ".%2E." is the empty component and "%2E..%2E" is "."
    assertEquals(Component.generic(new byte[0]), Component.parse(".%2E."));
    assertEquals(Component.generic("."), Component.parse("%2E..%2E"));
    assertThrows(IllegalArgumentException.class, () -> Component.parse("%2E%2E"));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", ".", "..", "3=", "3=.", "3=..", "%", "%4", "%G1", "%4G", "a%", "a%2", "%%41"})
  void invalidComponentUriIsRejected(String uri) {
    assertThrows(IllegalArgumentException.class, () -> Component.parse(uri));
  }

  @Test
  void canonicalOrderIsTypeThenLengthThenOctets() {
    // ndn-cxx name-component.t.cpp Compare, in ascending order
    String zeros = "0000000000000000000000000000000000000000000000000000000000000000";
    String one = "0000000000000000000000000000000000000000000000000000000000000001";
    String ffs = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    List<Component> ordered = List.of(
        decoded("0120" + zeros), decoded("0120" + one), decoded("0120" + ffs),
        decoded("0220" + zeros), decoded("0220" + one), decoded("0220" + ffs),
        decoded("0300"), decoded("0301 44"), decoded("0301 46"), decoded("0302 4141"),
        decoded("0800"), Component.generic("D"), Component.generic("F"),
        decoded("0801 80"), // unsigned: 0x80 after 'F' (0x46), and one octet before two
        Component.generic("AA"),
        decoded("fd53b200"), decoded("fd53b201 44"), decoded("fd53b201 46"), decoded("fd53b202 4141"));
    for (int i = 0; i < ordered.size(); i++) {
      for (int j = 0; j < ordered.size(); j++) {
        Component a = ordered.get(i);
        Component b = ordered.get(j);
        assertEquals(Integer.signum(Integer.compare(i, j)), Integer.signum(a.compareTo(b)), a + " vs " + b);
        assertEquals(i == j, a.equals(b), a + " equals " + b);
      }
    }
    // NDNts component.t.ts compare
    Component ab = Component.of(0xf0, new byte[] {0x41, 0x42});
    assertTrue(ab.compareTo(Component.parse("241=AB")) < 0);
    assertTrue(ab.compareTo(Component.parse("240=ABC")) < 0);
    assertTrue(ab.compareTo(Component.parse("240=AC")) < 0);
    assertEquals(0, ab.compareTo(Component.parse("240=AB")));
    assertTrue(ab.compareTo(Component.parse("240=AA")) > 0);
    assertTrue(ab.compareTo(Component.parse("240=A")) > 0);
    assertTrue(ab.compareTo(Component.parse("239=AB")) > 0);
  }

  @Test
  void equalComponentsHaveEqualHashCodesWhateverTheirBuffer() {
    Component a = Component.generic("hello");
    Component b = Name.decode(buf("0707 0805 68656c6c6f")).get(0);
    assertEquals("hello", b.toString());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Component.of(9, "hello".getBytes(StandardCharsets.US_ASCII)), "type matters");
    assertNotEquals(a, Component.generic("hellp"));
    assertNotEquals(a, (Object) "hello");
    assertEquals(a, a);
  }

  @Test
  void valueBytesIsACopyOwnedByTheCaller() {
    Component c = Component.generic("abc");
    byte[] v = c.valueBytes();
    v[0] = 'z';
    assertEquals("abc", c.toString());
    assertEquals("616263", hex(c.value()));
  }
}
