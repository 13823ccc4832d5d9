package dev.ndnj.tlv;

import static dev.ndnj.tlv.TestBytes.assertTlvError;
import static dev.ndnj.tlv.TestBytes.assertWire;
import static dev.ndnj.tlv.TestBytes.buf;
import static dev.ndnj.tlv.TestBytes.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names: wire form, URI parse/print, canonical order, prefixes, equality and prefix hashes. Encodings follow
 * ndn-cxx tests/unit/name.t.cpp and NDNts packages/packet/tests/name.t.ts.
 */
class NameTest {
  static final String Z = "0000000000000000000000000000000000000000000000000000000000000000";
  static final String O = "0000000000000000000000000000000000000000000000000000000000000001";
  static final String F = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

  @Test
  void valueArrayIsThePacketsOwnArrayRangeWhenThereIsOne() {
    Name n = Name.parse("/a/bc/v=7");
    byte[] wire = new byte[n.wireLength()];
    n.wire().duplicate().get(wire);
    byte[] padded = new byte[wire.length + 9];
    System.arraycopy(wire, 0, padded, 5, wire.length);
    Name heap = Name.decode(ByteBuffer.wrap(padded, 5, wire.length).slice());
    assertSame(padded, heap.valueArray());
    byte[] value = new byte[n.valueLength()];
    n.copyValueTo(value, 0);
    byte[] viewed = new byte[heap.valueLength()];
    System.arraycopy(heap.valueArray(), heap.valueArrayOffset(), viewed, 0, viewed.length);
    assertEquals(ByteBuffer.wrap(value), ByteBuffer.wrap(viewed));
    Name prefix = heap.getPrefix(2);
    assertSame(padded, prefix.valueArray());
    assertEquals(heap.valueArrayOffset(), prefix.valueArrayOffset());
    assertEquals(null, Name.decode(ByteBuffer.wrap(wire).asReadOnlyBuffer()).valueArray());
    assertEquals(null, Name.decode(ByteBuffer.allocateDirect(wire.length).put(wire).flip()).valueArray());
  }

  @Test
  void uriAndWireOfEveryKindOfComponent() {
    // ndn-cxx name.t.cpp EncodeDecode
    String uri = "/Emid/25042=P3/.../..../%1C%9F/"
        + "sha256digest=0415e3624a151850ac686c84f155f29808c0dd73819aa4a4c20be73a4d8a874c";
    Name name = Name.parse(uri);
    assertEquals(6, name.size());
    assertEquals(Component.generic("Emid"), name.get(0));
    assertEquals(0x61d2, name.get(1).type());
    assertEquals(Component.generic(new byte[0]), name.get(2));
    assertEquals(Component.generic("."), name.get(3));
    assertEquals(Component.generic(new byte[] {0x1c, (byte) 0x9f}), name.get(4));
    assertTrue(name.get(5).isImplicitDigest());
    assertWire("0737 0804456d6964 fd61d2025033 0800 08012e 08021c9f "
        + "01200415e3624a151850ac686c84f155f29808c0dd73819aa4a4c20be73a4d8a874c", name.wire());
    Name decoded = Name.decode(name.wire());
    assertEquals(name, decoded);
    assertEquals(uri, decoded.toString());
  }

  @Test
  void emptyNameIsSlashAndEncodesAsEmptyNameElement() {
    assertEquals("/", Name.ROOT.toString());
    assertWire("0700", Name.ROOT.wire());
    assertTrue(Name.ROOT.isEmpty());
    assertEquals(Name.ROOT, Name.parse("/"));
    assertEquals(Name.ROOT, Name.parse(""));
    assertEquals(Name.ROOT, Name.parse("ndn:"));
    assertEquals(Name.ROOT, Name.parse("ndn:/"));
    assertEquals(Name.ROOT, Name.decode(buf("0700")));
    assertEquals(Name.ROOT.hashCode(), Name.parse("/").hashCode());
    assertEquals(2, Name.ROOT.wireLength());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/",
      "/a",
      "/A/B/C",
      "/ndn/edu/ucla/%C3%A9t%C3%A9",
      "/Emid/25042=P3/.../..../%1C%9F/sha256digest=0415e3624a151850ac686c84f155f29808c0dd73819aa4a4c20be73a4d8a874c",
      "/seg=0",
      "/v=1/seg=18446744073709551615",
      "/off=100000/t=1577836800000000/seq=10000000",
      "/I/params-sha256=ff9100e04eaadcf30674d98026a051ba25f56b69bfa026dcccd72c6ea0f7315a",
      "/32=metadata/v=1608000000000",
      "/65535=.../22373=..../3=...",
      "/%00%FF%7F/-._~/9%3DA/%2F",
      "/50=%01%02%03/54=...",
      "/...../....../......%2F",
      "/localhost/nfd/rib/register",
  })
  void uriPrintsBackExactly(String uri) {
    Name n = Name.parse(uri);
    assertEquals(uri, n.toString());
    assertEquals(n, Name.decode(n.wire()));
    assertEquals(uri, Name.decode(n.wire()).toString());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // ndn-cxx name.t.cpp ParseUri
      "ndn:/hello/world, /hello/world",
      "ndn://authority/hello/world, /hello/world",
      "//authority/hello/world, /hello/world",
      "/hello/world/, /hello/world",
      "hello/world, /hello/world",
      "'/:?#[]@', /%3A%3F%23%5B%5D%40",
      "/8=a/50=%01, /a/seg=1",
      "/sha256digest=0415E3624A151850AC686C84F155F29808C0DD73819AA4A4C20BE73A4D8A874C, "
          + "/sha256digest=0415e3624a151850ac686c84f155f29808c0dd73819aa4a4c20be73a4d8a874c",
      "/%7e%2d, /~-",
      "/a/%2E%2E%2E, /a/...",
  })
  void nonCanonicalUriIsNormalized(String in, String out) {
    assertEquals(out, Name.parse(in).toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/hello/./world", "/hello/../world", "/.", "/..", "/a/%", "/a/%zz", "/a/%4", "/0=a", "/65536=a",
      "/seg=abc", "/v=-1", "/sha256digest=00", "/params-sha256=xyz", "/1=abc", "/2=%00",
  })
  void invalidUriIsRejectedWithIllegalArgumentException(String uri) {
    assertThrows(IllegalArgumentException.class, () -> Name.parse(uri));
  }

  @Test
  void randomNamesRoundTripThroughTheirUri() {
    Random rnd = new Random(7);
    int[] types = {1, 2, 3, 8, 8, 8, 9, 32, 50, 52, 54, 56, 58, 253, 0x61d2, 0xffff};
    for (int round = 0; round < 500; round++) {
      List<Component> comps = new ArrayList<>();
      int n = rnd.nextInt(6);
      for (int i = 0; i < n; i++) {
        int t = types[rnd.nextInt(types.length)];
        byte[] v;
        if (t == 1 || t == 2) {
          v = new byte[32];
        } else {
          v = new byte[rnd.nextInt(4) == 0 ? rnd.nextInt(9) : rnd.nextInt(300)];
          if (rnd.nextBoolean()) {
            java.util.Arrays.fill(v, (byte) '.');
          }
        }
        rnd.nextBytes(v.length > 0 && v[0] == '.' && rnd.nextBoolean() ? new byte[0] : v);
        comps.add(Component.of(t, v));
      }
      Name name = Name.of(comps);
      String uri = name.toString();
      Name back = Name.parse(uri);
      assertEquals(name, back, uri);
      assertEquals(uri, back.toString());
      assertEquals(TestBytes.hex(name.wire()), TestBytes.hex(back.wire()), uri);
    }
  }

  @Test
  void canonicalOrderWithAProperPrefixFirst() {
    // ndn-cxx name.t.cpp CompareOp, in ascending order
    List<String> ordered = List.of(
        "/",
        "/sha256digest=" + Z, "/sha256digest=" + O, "/sha256digest=" + F,
        "/params-sha256=" + Z, "/params-sha256=" + O, "/params-sha256=" + F,
        "/3=...", "/3=D", "/3=F", "/3=AA",
        "/...", "/D",
        "/D/sha256digest=" + Z, "/D/sha256digest=" + O, "/D/sha256digest=" + F,
        "/D/params-sha256=" + Z, "/D/params-sha256=" + O, "/D/params-sha256=" + F,
        "/D/3=...", "/D/3=D", "/D/3=F", "/D/3=AA",
        "/D/...", "/D/D", "/D/F", "/D/AA",
        "/D/21426=...", "/D/21426=D", "/D/21426=F", "/D/21426=AA",
        "/F", "/AA",
        "/21426=...", "/21426=D", "/21426=F", "/21426=AA");
    List<Name> names = new ArrayList<>();
    for (String s : ordered) {
      names.add(Name.parse(s));
    }
    List<Name> shuffled = new ArrayList<>(names);
    Collections.shuffle(shuffled, new Random(3));
    Collections.sort(shuffled);
    assertEquals(names, shuffled);
    for (int i = 0; i < names.size(); i++) {
      for (int j = 0; j < names.size(); j++) {
        assertEquals(Integer.signum(Integer.compare(i, j)), Integer.signum(names.get(i).compareTo(names.get(j))),
            ordered.get(i) + " vs " + ordered.get(j));
        assertEquals(i == j, names.get(i).equals(names.get(j)));
      }
    }
    // NDNts name.t.ts compare
    Name ab = Name.parse("/A/B");
    assertTrue(ab.compareTo(Name.parse("/A/C")) < 0);
    assertTrue(ab.compareTo(Name.parse("/A/B/C")) < 0);
    assertEquals(0, ab.compareTo(Name.parse("/A/B")));
    assertTrue(ab.compareTo(Name.parse("/A")) > 0);
    assertTrue(ab.compareTo(Name.parse("/A/A")) > 0);
  }

  @Test
  void isPrefixOfComparesWholeComponents() {
    Name ab = Name.parse("/A/B");
    assertFalse(ab.isPrefixOf(Name.parse("/A/C")));
    assertTrue(ab.isPrefixOf(Name.parse("/A/B/C")));
    assertTrue(ab.isPrefixOf(Name.parse("/A/B")));
    assertFalse(ab.isPrefixOf(Name.parse("/A")));
    assertFalse(ab.isPrefixOf(Name.parse("/A/A")));
    assertFalse(Name.parse("/A/B").isPrefixOf(Name.parse("/A/BC")), "octet prefix is not a name prefix");
    assertFalse(Name.parse("/8=A").isPrefixOf(Name.parse("/9=A/B")));
    assertTrue(Name.ROOT.isPrefixOf(Name.parse("/sha256digest=" + Z)));
    assertTrue(Name.ROOT.isPrefixOf(Name.ROOT));
    assertTrue(Name.parse("/B").isPrefixOf(Name.parse("/B/21426=AA")));
    assertFalse(Name.parse("/C").isPrefixOf(Name.ROOT));
  }

  @Test
  void getPrefixSharesBytesAndAcceptsNegativeCounts() {
    Name n = Name.parse("/first/second/third/last");
    assertEquals(Name.parse("/first/second"), n.getPrefix(2));
    assertEquals(Name.parse("/first/second/third"), n.getPrefix(-1));
    assertEquals(Name.ROOT, n.getPrefix(0));
    assertEquals(Name.ROOT, n.getPrefix(-4));
    assertSame(n, n.getPrefix(4));
    assertThrows(IndexOutOfBoundsException.class, () -> n.getPrefix(5));
    assertThrows(IndexOutOfBoundsException.class, () -> n.getPrefix(-5));
    Name p = n.getPrefix(2);
    assertEquals(2, p.size());
    assertEquals("/first/second", p.toString());
    assertWire("070f 0805 6669727374 0806 7365636f6e64", p.wire());
    assertEquals(p.wireLength(), p.wire().remaining());
    assertTrue(p.isPrefixOf(n));
    assertEquals(Component.generic("second"), p.get(-1));
  }

  @Test
  void equalNamesHaveEqualHashCodesWhereverTheirBytesLive() {
    Name parsed = Name.parse("/a/b/c");
    Name built = Name.of(Component.generic("a"), Component.generic("b"), Component.generic("c"));
    ByteBuffer big = ByteBuffer.allocate(20);
    big.position(5);
    big.put(bytes("0709 080161 080162 080163"));
    big.position(5).limit(16);
    Name decoded = Name.decode(big);
    Name prefixView = Name.parse("/a/b/c/d").getPrefix(3);
    for (Name n : List.of(built, decoded, prefixView)) {
      assertEquals(parsed, n);
      assertEquals(n, parsed);
      assertEquals(parsed.hashCode(), n.hashCode());
    }
    assertNotEquals(parsed, Name.parse("/a/b"));
    assertNotEquals(parsed, Name.parse("/a/b/d"));
    assertNotEquals(parsed, Name.parse("/a/bc"));
    assertNotEquals(Name.parse("/ab/c"), Name.parse("/a/bc"), "same octets, different components");
    assertNotEquals(parsed, (Object) "/a/b/c");
  }

  @Test
  void prefixHashOfKEqualsTheHashOfThePrefix() {
    Name n = Name.parse("/ndn/edu/ucla/cs/v=3/seg=7");
    for (int k = 0; k <= n.size(); k++) {
      Name p = n.getPrefix(k);
      assertEquals(p.hashCode(), n.prefixHash(k), "k=" + k);
      assertEquals(Name.parse(p.toString()).hashCode(), n.prefixHash(k), "k=" + k);
      assertEquals(p.prefixHash(k), n.prefixHash(k));
    }
    // a prefix obtained before any hash was computed agrees as well
    Name fresh = Name.parse("/x/y/z");
    Name xy = fresh.getPrefix(2);
    assertEquals(Name.parse("/x/y").hashCode(), xy.hashCode());
    assertEquals(xy.hashCode(), fresh.prefixHash(2));
  }

  @Test
  void componentAccess() {
    // ndn-cxx name.t.cpp At
    Name n = Name.parse("/hello/5=NDN");
    assertWire("080568656c6c6f", n.get(0).wire());
    assertWire("05034e444e", n.get(1).wire());
    assertEquals(n.get(1), n.get(-1));
    assertEquals(n.get(0), n.get(-2));
    assertThrows(IndexOutOfBoundsException.class, () -> n.get(2));
    assertThrows(IndexOutOfBoundsException.class, () -> n.get(-3));
    assertEquals(8, n.componentType(0));
    assertEquals(5, n.componentType(1));
    assertEquals(List.of(n.get(0), n.get(1)), n.components());
    assertEquals(2, n.components().size());
    assertEquals(12, n.valueLength());
  }

  @Test
  void appendBuildsByteExactNames() {
    // ndn-cxx name.t.cpp AppendPartialName
    Name n = Name.parse("/A/B").append(Name.parse("/6=C/D")).append(Name.parse("/E"));
    assertWire("070f 080141 080142 060143 080144 080145", n.wire());
    Name twice = Name.parse("/A/B").append(Name.parse("/A/B"));
    assertWire("070c 080141 080142 080141 080142", twice.wire());
    // ndn-cxx name.t.cpp AppendComponent
    Name e = Name.ROOT.append(Component.generic("Emid"))
        .append(Component.of(25042, new byte[] {'P', '3'}))
        .append(Component.generic("."))
        .append(Component.of(16, bytes("28f0a36b")));
    assertWire("0715 0804456d6964 fd61d2025033 08012e 100428f0a36b", e.wire());
    assertWire("0706 080141 080142", Name.parse("/A").append("B").wire());
    assertWire("0706 080141 080142", Name.parse("/A/B/C").getPrefix(1).append(Name.parse("/B")).wire());
    assertWire("0725 080150 0220e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Name.parse("/P").append(Component.parametersDigest(Sha256.digest(new byte[0]))).wire());
    assertWire("070d 080141 3202 2710 3604 000f4240",
        Name.parse("/A").append(Component.segment(10000), Component.version(1000000)).wire());
  }

  @Test
  void decodeChecksTypeAndTrailingOctets() {
    assertTlvError(0, () -> Name.decode(buf("0803 080141")), "Name: expected TLV-TYPE 7, got 8");
    assertTlvError(5, () -> Name.decode(buf("0703 080141 00")), "Name: trailing octets");
    assertTlvError(3, () -> Name.decode(buf("0704 080341 42")),
        "Name component: TLV-LENGTH 3 exceeds the 2 remaining octets");
    assertTlvError(5, () -> Name.decode(buf("0703 0800 08")), "Name component: truncated TLV-LENGTH");
    assertTlvError(1, () -> Name.decode(buf("0704 0800 08")), "Name: TLV-LENGTH 4 exceeds the 3 remaining octets");
  }

  /**
   * The same name in every kind of buffer (array-backed, at an array offset, read-only, direct, little-endian)
   * hashes, compares and copies its octets the same: the array fast paths and the buffer paths agree.
   */
  @Test
  void hashesEqualityAndOctetsAgreeAcrossBufferKinds() {
    Random rnd = new Random(5);
    for (int n = 0; n < 200; n++) {
      List<Component> parts = new ArrayList<>();
      int comps = rnd.nextInt(9);
      for (int c = 0; c < comps; c++) {
        byte[] v = new byte[rnd.nextInt(12)];
        rnd.nextBytes(v);
        parts.add(Component.of(8, v));
      }
      Name name = Name.of(parts);
      byte[] wire = new byte[name.wireLength()];
      name.wire().duplicate().get(wire);
      byte[] padded = new byte[wire.length + 7];
      System.arraycopy(wire, 0, padded, 7, wire.length);
      ByteBuffer direct = ByteBuffer.allocateDirect(wire.length);
      direct.put(wire).flip();
      ByteBuffer[] kinds = {
          ByteBuffer.wrap(wire.clone()),
          ByteBuffer.wrap(padded).position(7).slice(),
          ByteBuffer.wrap(wire.clone()).asReadOnlyBuffer(),
          direct,
          ByteBuffer.wrap(wire.clone()).order(java.nio.ByteOrder.LITTLE_ENDIAN),
      };
      Name first = Name.decode(kinds[0]);
      byte[] expected = new byte[first.valueLength()];
      first.copyValueTo(expected, 0);
      for (ByteBuffer kind : kinds) {
        Name other = Name.decode(kind);
        assertEquals(first.hashCode(), other.hashCode());
        for (int k = 0; k <= first.size(); k++) {
          assertEquals(first.prefixHash(k), other.prefixHash(k));
          assertTrue(other.prefixEquals(k, first.getPrefix(k)));
        }
        assertEquals(first, other);
        byte[] octets = new byte[other.valueLength() + 2];
        other.copyValueTo(octets, 2);
        assertEquals(ByteBuffer.wrap(expected), ByteBuffer.wrap(octets, 2, expected.length));
      }
    }
  }

  /** The TLV-VALUE octets of {@code n} at {@code pad} in a larger array (so the offset matters). */
  private static byte[] valueAt(Name n, int pad) {
    byte[] a = new byte[pad + n.valueLength() + 3];
    n.copyValueTo(a, pad);
    return a;
  }

  @Test
  void hashValueOfTheOctetsIsTheNamesHash() {
    Random r = new Random(7);
    for (int i = 0; i < 2000; i++) {
      List<Component> comps = new ArrayList<>();
      int count = r.nextInt(6);
      for (int c = 0; c < count; c++) {
        byte[] v = new byte[r.nextInt(12)];
        r.nextBytes(v);
        comps.add(r.nextInt(4) == 0 ? Component.of(8 + r.nextInt(30), v) : Component.generic(v));
      }
      Name n = Name.of(comps);
      int pad = r.nextInt(5);
      byte[] a = valueAt(n, pad);
      assertEquals(n.hashCode(), Name.hashValue(a, pad, n.valueLength()), n.toString());
      // the same name decoded from a read-only (arrayless) buffer hashes alike
      assertEquals(n.hashCode(), Name.decode(n.wire().asReadOnlyBuffer()).hashCode());
    }
  }

  @Test
  void valueEqualsComparesWithOctetsInAPacket() {
    Name n = Name.parse("/a/bc/def/v=7");
    byte[] a = valueAt(n, 2);
    assertTrue(n.valueEquals(a, 2, n.valueLength()));
    assertFalse(n.valueEquals(a, 2, n.valueLength() - 1));
    assertFalse(n.valueEquals(a, 1, n.valueLength()));
    assertFalse(Name.parse("/a/bc/deg/v=7").valueEquals(a, 2, n.valueLength()));
    Name readOnly = Name.decode(n.wire().asReadOnlyBuffer());
    assertTrue(readOnly.valueEquals(a, 2, n.valueLength()));
    assertFalse(Name.decode(Name.parse("/a/bc/deg/v=7").wire().asReadOnlyBuffer()).valueEquals(a, 2, n.valueLength()));
    assertTrue(Name.ROOT.valueEquals(a, 0, 0));
    assertEquals(Name.ROOT.hashCode(), Name.hashValue(a, 0, 0));
  }
}
