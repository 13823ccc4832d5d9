package dev.ndnj.tlv;

import static dev.ndnj.tlv.TestBytes.assertTlvError;
import static dev.ndnj.tlv.TestBytes.buf;
import static dev.ndnj.tlv.TestBytes.bytes;
import static dev.ndnj.tlv.TestBytes.hex;
import static dev.ndnj.tlv.TestBytes.norm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VAR-NUMBER, TLV-TYPE/TLV-LENGTH, NonNegativeInteger and the encoder (NDN packet format v0.3, "TLV Encoding"). */
class TlvTest {

  private static int type(String hex) {
    ByteBuffer b = buf(hex);
    return Tlv.readType(b, 0, b.limit(), 0, "T");
  }

  private static int length(String hex) {
    ByteBuffer b = buf(hex);
    return Tlv.readLength(b, 0, b.limit(), 0, "T");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "01, 1",
      "fc, 252",
      "fd00fd, 253",
      "fd0100, 256",
      "fdffff, 65535",
      "fe00010000, 65536",
      "fe12345678, 305419896",
      "feffffffff, 4294967295",
  })
  void typeIsReadInEveryShortestForm(String hex, long expected) {
    int t = type(hex);
    assertEquals(expected, Integer.toUnsignedLong(t));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "00, 0",
      "fc, 252",
      "fd00fd, 253",
      "fdffff, 65535",
      "fe00010000, 65536",
  })
  void lengthIsReadInEveryShortestFormWhenTheValueIsPresent(String header, int expected) {
    byte[] h = bytes(header);
    ByteBuffer b = ByteBuffer.allocate(h.length + expected);
    b.put(h);
    assertEquals(expected, Tlv.readLength(b, 0, b.limit(), 0, "T"));
  }

  @Test
  void varNumberSizeFollowsTheFirstOctet() {
    assertEquals(1, Tlv.varNumberSize(0x00));
    assertEquals(1, Tlv.varNumberSize(0xfc));
    assertEquals(3, Tlv.varNumberSize(0xfd));
    assertEquals(5, Tlv.varNumberSize(0xfe));
    assertEquals(9, Tlv.varNumberSize(0xff));
    assertEquals(9, Tlv.varNumberSize((byte) 0xff)); // sign-extended byte
  }

  @Test
  void sizeOfVarNumberIsTheShortestForm() {
    assertEquals(1, Tlv.sizeOfVarNumber(0));
    assertEquals(1, Tlv.sizeOfVarNumber(252));
    assertEquals(3, Tlv.sizeOfVarNumber(253));
    assertEquals(3, Tlv.sizeOfVarNumber(65535));
    assertEquals(5, Tlv.sizeOfVarNumber(65536));
    assertEquals(5, Tlv.sizeOfVarNumber(0xffffffffL));
    assertEquals(9, Tlv.sizeOfVarNumber(0x100000000L));
    assertEquals(9, Tlv.sizeOfVarNumber(-1L)); // 2^64-1 as unsigned
    assertEquals(2 + 252, Tlv.sizeOfTlv(7, 252));
    assertEquals(1 + 3 + 253, Tlv.sizeOfTlv(7, 253));
    assertEquals(3 + 3 + 1000, Tlv.sizeOfTlv(0x0320, 1000));
    assertEquals(5 + 5 + 70000, Tlv.sizeOfTlv(0x10000, 70000));
  }

  @ParameterizedTest(name = "TLV-TYPE {0}")
  @CsvSource({"fd0000", "fd00fc", "fe00000000", "fe0000fffc", "fe0000ffff"})
  void nonMinimalTypeIsRejected(String hex) {
    assertTlvError(0, () -> type(hex), "T: TLV-TYPE not in shortest form");
  }

  @ParameterizedTest(name = "TLV-LENGTH {0}")
  @CsvSource({"fd0000", "fd00fc", "fe0000ffff", "ff0000000000000000", "ff00000000ffffffff"})
  void nonMinimalVarNumberIsRejected(String hex) {
    ByteBuffer b = ByteBuffer.allocate(70000);
    b.put(bytes(hex));
    assertTlvError(0, () -> Tlv.readLength(b, 0, b.limit(), 0, "T"), "T: TLV-LENGTH not in shortest form");
  }

  @Test
  void typeZeroIsRejected() {
    assertTlvError(0, () -> type("00"), "T: TLV-TYPE 0 is invalid");
  }

  @Test
  void typeAboveTwoToTheThirtyTwoIsRejected() {
    assertTlvError(0, () -> type("ff0000000100000000"), "T: TLV-TYPE above 2^32-1");
    // the 9-octet form never holds a valid TLV-TYPE, even a small (non-minimal) one
    assertTlvError(0, () -> type("ff0000000000000001"), "T: TLV-TYPE");
  }

  @Test
  void nineOctetLengthClaimingTwoToTheSixtyIsRejectedWithoutAllocation() {
    // TLV-LENGTH 2^60 followed by 3 octets: the decoder must say so, not try to make room for 2^60 octets
    ByteBuffer b = buf("ff1000000000000000 aabbcc");
    TlvException e = assertTlvError(0, () -> Tlv.readLength(b, 0, b.limit(), 0, "T"),
        "T: TLV-LENGTH above 2^32", "exceeds the 3 remaining octets");
    assertEquals(TlvException.class, e.getClass());
    // the same through a packet decoder: a Data claiming 2^60 octets
    assertTlvError(1, () -> Data.decode(buf("06 ff1000000000000000 0700")), "Data: TLV-LENGTH above 2^32");
  }

  @Test
  void fiveOctetLengthLongerThanTheInputIsRejected() {
    assertTlvError(1, () -> Interest.decode(buf("05 fe7fffffff 0703080141")),
        "Interest: TLV-LENGTH 2147483647 exceeds the 5 remaining octets");
    assertTlvError(1, () -> Interest.decode(buf("05 feffffffff 0703080141")),
        "Interest: TLV-LENGTH 4294967295 exceeds the 5 remaining octets");
  }

  @Test
  void truncatedTypeIsRejected() {
    ByteBuffer empty = ByteBuffer.allocate(0);
    assertTlvError(0, () -> Tlv.readType(empty, 0, 0, 0, "T"), "T: truncated TLV-TYPE");
    assertTlvError(0, () -> type("fd01"), "T: truncated TLV-TYPE (needs 3 octets, 2 remain)");
    assertTlvError(0, () -> type("fe000100"), "T: truncated TLV-TYPE (needs 5 octets, 4 remain)");
  }

  @Test
  void truncatedLengthIsRejected() {
    ByteBuffer b = buf("07");
    assertTlvError(1, () -> Tlv.readLength(b, 1, 1, 0, "T"), "T: truncated TLV-LENGTH");
    assertTlvError(0, () -> length("fd01"), "T: truncated TLV-LENGTH (needs 3 octets, 2 remain)");
    assertTlvError(0, () -> length("fe0001"), "T: truncated TLV-LENGTH (needs 5 octets, 3 remain)");
    assertTlvError(0, () -> length("ff00000001"), "T: truncated TLV-LENGTH (needs 9 octets, 5 remain)");
  }

  @Test
  void truncatedValueIsRejected() {
    assertTlvError(0, () -> length("05 aabbcc"), "T: TLV-LENGTH 5 exceeds the 3 remaining octets");
    assertTlvError(0, () -> length("fd0100 aa"), "T: TLV-LENGTH 256 exceeds the 1 remaining octets");
    // the enclosing element's end counts, not the buffer's: a child may not run past its parent
    ByteBuffer b = buf("0705 0805 414243 4445");
    assertTlvError(3, () -> Tlv.readLength(b, 3, 7, 0, "Name component"),
        "Name component: TLV-LENGTH 5 exceeds the 3 remaining octets");
  }

  @Test
  void errorOffsetsCountFromTheBase() {
    ByteBuffer b = buf("aaaaaaaa 00");
    assertTlvError(1, () -> Tlv.readType(b, 4, 5, 3, "T"), "TLV-TYPE 0");
  }

  @Test
  void elementEndAndValueStartFollowTheHeader() {
    ByteBuffer b = buf("fd0320 05 fd03210164 ff");
    assertEquals(9, Tlv.elementEnd(b, 0, b.limit(), 0, "T"));
    assertEquals(4, Tlv.valueStart(b, 0));
    ByteBuffer big = ByteBuffer.allocate(304);
    big.put(bytes("15 fd012c"));
    assertEquals(4, Tlv.valueStart(big, 0));
    assertEquals(304, Tlv.elementEnd(big, 0, 304, 0, "T"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "00, 0",
      "ff, 255",
      "0100, 256",
      "ffff, 65535",
      "00010000, 65536",
      "ffffffff, 4294967295",
      "0000000100000000, 4294967296",
      "7fffffffffffffff, 9223372036854775807",
  })
  void nonNegativeIntegerOfOneTwoFourOrEightOctets(String hex, long expected) {
    ByteBuffer b = buf(hex);
    assertEquals(expected, Tlv.readNonNegativeInteger(b, 0, b.limit(), 0, "N"));
  }

  @Test
  void nonNegativeIntegerAboveTwoToTheSixtyThreeIsReturnedAsItsBitPattern() {
    ByteBuffer b = buf("ffffffffffffffff");
    assertEquals(-1L, Tlv.readNonNegativeInteger(b, 0, 8, 0, "N"));
    assertEquals("18446744073709551615", Long.toUnsignedString(Tlv.readNonNegativeInteger(b, 0, 8, 0, "N")));
  }

  @ParameterizedTest(name = "length {0}")
  @CsvSource({"0", "3", "5", "6", "7", "9"})
  void nonNegativeIntegerOfOtherLengthsIsRejected(int len) {
    ByteBuffer b = ByteBuffer.allocate(16);
    assertTlvError(2, () -> Tlv.readNonNegativeInteger(b, 2, len, 0, "FreshnessPeriod"),
        "FreshnessPeriod: NonNegativeInteger of length " + len + ", expected 1, 2, 4 or 8");
  }

  @Test
  void fixedWidthReadersAreBigEndian() {
    ByteBuffer b = buf("a0a1a2a3");
    assertEquals(0xa0a1, Tlv.u16(b, 0));
    assertEquals(0xa0a1a2a3L, Tlv.u32(b, 0));
    assertEquals(0xa0a1a2a3, Tlv.i32(b, 0));
  }

  @Test
  void byteComparisonIsUnsignedAndShorterFirst() {
    ByteBuffer x = buf("0180ff");
    ByteBuffer y = buf("01 7f ff");
    assertTrue(Tlv.compareBytes(x, 0, 3, y, 0, 3) > 0, "0x80 sorts after 0x7f (unsigned)");
    assertTrue(Tlv.compareBytes(x, 0, 2, x, 0, 3) < 0, "a proper prefix sorts first");
    assertEquals(0, Tlv.compareBytes(x, 0, 3, buf("0180ff"), 0, 3));
    assertTrue(Tlv.equalBytes(x, 2, y, 2, 1));
    assertFalse(Tlv.equalBytes(x, 0, y, 0, 2));
  }

  @Test
  void copyOwnsAndViewShares() {
    ByteBuffer b = buf("00 0102 03");
    byte[] c = Tlv.copy(b, 1, 2);
    assertArrayEquals(new byte[] {1, 2}, c);
    ByteBuffer v = Tlv.view(b, 1, 2);
    assertEquals(0, v.position());
    assertEquals(2, v.limit());
    assertTrue(v.isReadOnly());
    assertThrows(ReadOnlyBufferException.class, () -> v.put(0, (byte) 9));
    b.put(1, (byte) 0x77);
    assertEquals(0x77, v.get(0), "a view sees the underlying bytes");
    assertEquals(1, c[0], "a copy does not");
    ByteBuffer direct = ByteBuffer.allocateDirect(4);
    direct.put(0, (byte) 5).put(3, (byte) 6);
    assertArrayEquals(new byte[] {5, 0, 0, 6}, Tlv.copy(direct, 0, 4));
  }

  // ---- TlvEncoder ----

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "0, 00",
      "252, fc",
      "253, fd00fd",
      "65535, fdffff",
      "65536, fe00010000",
      "4294967295, feffffffff",
      "4294967296, ff0000000100000000",
      "1152921504606846976, ff1000000000000000",
      "-1, ffffffffffffffffff",
  })
  void encoderWritesEachVarNumberInShortestForm(long v, String expected) {
    TlvEncoder enc = new TlvEncoder();
    enc.prependVarNumber(v);
    assertEquals(norm(expected), hex(enc.toByteArray()));
    assertEquals(Tlv.sizeOfVarNumber(v), enc.size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "1", "252", "253", "65535", "65536", "4294967295",
  })
  void encodedTypeReadsBack(long type) {
    TlvEncoder enc = new TlvEncoder();
    enc.prependEmptyTlv((int) type);
    ByteBuffer b = enc.toBuffer();
    assertEquals(type, Integer.toUnsignedLong(Tlv.readType(b, 0, b.limit(), 0, "T")));
    assertEquals(b.limit(), Tlv.elementEnd(b, 0, b.limit(), 0, "T"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "0, 180100",
      "255, 1801ff",
      "256, 18020100",
      "65535, 1802ffff",
      "65536, 180400010000",
      "4294967295, 1804ffffffff",
      "4294967296, 18080000000100000000",
      "-1, 1808ffffffffffffffff",
  })
  void encoderWritesNonNegativeIntegersInShortestFormAndTheyReadBack(long v, String expected) {
    TlvEncoder enc = new TlvEncoder();
    enc.prependNonNegativeIntegerTlv(TlvTypes.CONTENT_TYPE, v);
    ByteBuffer b = enc.toBuffer();
    assertEquals(norm(expected), hex(b));
    int vs = Tlv.valueStart(b, 0);
    assertEquals(v, Tlv.readNonNegativeInteger(b, vs, b.limit() - vs, 0, "N"));
  }

  @Test
  void encoderGrowsPastItsInitialCapacityAndKeepsEveryOctet() {
    TlvEncoder enc = new TlvEncoder(1);
    byte[] value = new byte[70000];
    for (int i = 0; i < value.length; i++) {
      value[i] = (byte) (i * 31);
    }
    enc.prependBytesTlv(TlvTypes.CONTENT, value);
    int mark = enc.size();
    enc.prependBytesTlv(TlvTypes.GENERIC_NAME_COMPONENT, new byte[] {0x41});
    enc.prependHeader(TlvTypes.NAME, enc.size() - mark);
    enc.prependHeader(TlvTypes.DATA, enc.size());
    byte[] out = enc.toByteArray();
    // Data(1 + 5) { Name(2) { 080141 } Content(1 + 5) { 70000 octets } }
    assertEquals(1 + 5 + 5 + 1 + 5 + 70000, out.length);
    ByteBuffer b = ByteBuffer.wrap(out);
    assertEquals(TlvTypes.DATA, Tlv.readType(b, 0, b.limit(), 0, "T"));
    assertEquals(b.limit(), Tlv.elementEnd(b, 0, b.limit(), 0, "T"));
    int content = b.limit() - 70000;
    for (int i = 0; i < value.length; i++) {
      assertEquals(value[i], out[content + i]);
    }
  }

  @Test
  void prependingFromABufferDoesNotMoveIt() {
    ByteBuffer src = buf("aa bbcc dd");
    src.position(1).limit(3);
    TlvEncoder enc = new TlvEncoder();
    enc.prependBytes(src);
    assertEquals(1, src.position());
    assertEquals(3, src.limit());
    ByteBuffer direct = ByteBuffer.allocateDirect(2);
    direct.put(0, (byte) 0x11).put(1, (byte) 0x22);
    enc.prependBytes(direct, 0, 2);
    enc.prependByte(0x99);
    assertEquals("991122bbcc", hex(enc.toByteArray()));
  }

  @Test
  void toBufferHandsOverExactlyTheWrittenOctets() {
    TlvEncoder enc = new TlvEncoder(64);
    enc.prependBytesTlv(TlvTypes.GENERIC_NAME_COMPONENT, new byte[] {0x41});
    ByteBuffer b = enc.toBuffer();
    assertEquals(0, b.position());
    assertEquals(3, b.limit());
    assertEquals(3, b.remaining());
    assertEquals("080141", hex(b));
  }
}
