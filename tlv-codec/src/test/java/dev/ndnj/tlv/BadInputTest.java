package dev.ndnj.tlv;

import static dev.ndnj.tlv.TestBytes.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bad wire input never escapes as anything but a {@link TlvException} whose message says the element, the problem
 * and the offset: every truncation and many single-octet substitutions of known-good packets are decoded, and when
 * decoding succeeds every accessor is exercised too.
 */
class BadInputTest {
  /** "Element: problem, at offset N" (element names may contain a space, e.g. "Name component"). */
  private static final Pattern MESSAGE = Pattern.compile("^[A-Z][A-Za-z]*( component)?: .+, at offset (\\d+)$");

  private static final int[] SUBSTITUTES = {0x00, 0x01, 0x05, 0x06, 0x07, 0x08, 0x1f, 0x20, 0x7f, 0x80, 0xfc, 0xfd,
      0xfe, 0xff};

  private static final List<String> INTERESTS = List.of(InterestTest.BASIC, InterestTest.WITH_PARAMETERS,
      InterestTest.FULL, InterestTest.SIGNED, InterestTest.SIGNED_APP_ELEMENTS, InterestTest.FULL_WITH_UNKNOWN,
      "0523 0703080141 2100 1200 1e0b 1f09 1e0121 0704 08024648 0a04 a0a1a2a3 0c02 76a1 2201 dc");
  private static final List<String> DATA = List.of(DataTest.DATA1,
      "0623 0706 080142 080130 140c 1801 03 1902 0104 1a03 080131 1502 c0c1 1603 1b0100 f000 1700",
      "063e 0703 080141 1634 1b0103 1c05 1d03 a0a1a2 " + SignatureInfoTest.VALIDITY + " 1701 00");
  private static final List<String> LP = List.of(
      "647a 5108 0000000000000001 520101 530103 6202 d0d1 fd032005 fd03210196 fd033002 012c"
          + " fd033405 fd03350101 fd034001 01 fd034408 0000000000000005 fd034408 0000000000000006"
          + " fd034808 0000000000000007 fd034c00 fd03500e 060c0703080158 16031b0100 1700"
          + " 500d 050b0703080149 0a0401020304",
      "6418 fd032005 fd03210164 500d 050b 070308014e 0a04a0a1a2a3",
      "642e 520100 530101 fd034408 0000000000000001 fd034408 0000000000000003 fd034408 0000000000000002 5002 03e8",
      "6422 6204 d0d1d2d3 fd034808 a0a1a2a3a4a5a6a7 500e 060c 0703080144 16031b0100 1700");
  private static final List<String> NAMES = List.of(
      "0737 0804456d6964 fd61d2025033 0800 08012e 08021c9f"
          + " 01200415e3624a151850ac686c84f155f29808c0dd73819aa4a4c20be73a4d8a874c");

  /** A decoder plus everything a caller may do with what it returns. */
  interface Exercise {
    void run(ByteBuffer input);
  }

  private static final Data SOME_DATA = Data.builder(Name.parse("/local/ndn/prefix")).signWithDigestSha256();

  /** Runs {@code body}, which must not throw at all: it works on a successfully decoded packet. */
  private static void afterDecode(Runnable body) {
    try {
      body.run();
    } catch (RuntimeException e) {
      throw new AssertionError("accessor failed on a packet that decoded: " + e, e);
    }
  }

  private static void interest(ByteBuffer b) {
    Interest i = Interest.decode(b);
    afterDecode(() -> interestAccessors(i));
  }

  private static void interestAccessors(Interest i) {
    i.name().toString();
    i.toString();
    i.forwardingHint();
    i.applicationParameters();
    i.signatureInfo();
    i.signatureValue();
    i.isParametersDigestValid();
    i.wire();
    i.matches(SOME_DATA);
    if (i.signatureInfo() != null) {
      i.signedPortions();
    }
    i.withHopLimit(3).wire();
    i.withNonce(0x01020304).wire();
    i.name().hashCode();
    i.name().getPrefix(-1).wire();
  }

  private static void data(ByteBuffer b) {
    Data d = Data.decode(b);
    afterDecode(() -> dataAccessors(d));
  }

  private static void dataAccessors(Data d) {
    d.toString();
    d.name().toString();
    d.finalBlockId();
    d.content();
    d.signatureInfo().toString();
    d.signatureValue();
    d.signedPortion();
    d.verifyDigestSha256();
    d.fullName().toString();
  }

  private static void lp(ByteBuffer b) {
    LpPacket p = LpPacket.decode(b);
    afterDecode(() -> lpAccessors(p));
  }

  private static void lpAccessors(LpPacket p) {
    p.acks();
    p.fragment();
    p.pitToken();
    p.prefixAnnouncement();
    p.wire();
    if (p.fragmentType() == TlvTypes.INTEREST) {
      try {
        interest(p.fragment());
      } catch (TlvException expected) {
        checkMessage(expected, p.fragment().remaining());
      }
    } else if (p.fragmentType() == TlvTypes.DATA) {
      try {
        data(p.fragment());
      } catch (TlvException expected) {
        checkMessage(expected, p.fragment().remaining());
      }
    }
  }

  private static void name(ByteBuffer b) {
    Name n = Name.decode(b);
    afterDecode(() -> nameAccessors(n));
  }

  private static void nameAccessors(Name n) {
    String uri = n.toString();
    assertEquals(n, Name.parse(uri), "a decoded name prints a URI that parses back to it");
    n.hashCode();
    for (int k = 0; k <= n.size(); k++) {
      n.prefixHash(k);
    }
  }

  private static void checkMessage(TlvException e, int inputLength) {
    String m = e.getMessage();
    var match = MESSAGE.matcher(m);
    assertTrue(match.matches(), () -> "message should be 'Element: problem, at offset N': " + m);
    assertEquals(Integer.parseInt(match.group(2)), e.offset(), m);
    assertTrue(e.offset() >= 0 && e.offset() <= inputLength, () -> "offset within the input: " + m);
  }

  private static void sweep(List<String> vectors, Exercise exercise) {
    for (String hex : vectors) {
      byte[] good = bytes(hex);
      exercise.run(ByteBuffer.wrap(good.clone())); // the vector itself is good
      for (int len = 0; len < good.length; len++) {
        byte[] cut = java.util.Arrays.copyOf(good, len);
        try {
          exercise.run(ByteBuffer.wrap(cut));
          fail("truncated to " + len + " octets should not decode: " + hex);
        } catch (TlvException e) {
          checkMessage(e, len);
        } catch (RuntimeException | AssertionError other) {
          throw new AssertionError("truncated to " + len + " octets of " + hex + ": " + other, other);
        }
      }
      for (int pos = 0; pos < good.length; pos++) {
        for (int sub : SUBSTITUTES) {
          byte[] bad = good.clone();
          bad[pos] = (byte) sub;
          tryOne(exercise, bad, hex, pos, sub);
        }
        byte[] flipped = good.clone();
        flipped[pos] ^= 0x01;
        tryOne(exercise, flipped, hex, pos, flipped[pos] & 0xff);
      }
    }
  }

  private static void tryOne(Exercise exercise, byte[] bad, String hex, int pos, int sub) {
    try {
      exercise.run(ByteBuffer.wrap(bad));
    } catch (TlvException e) {
      checkMessage(e, bad.length);
    } catch (RuntimeException | AssertionError other) {
      throw new AssertionError("octet " + pos + " set to " + Integer.toHexString(sub) + " in " + hex + ": " + other,
          other);
    }
  }

  @Test
  void mangledInterestsFailOnlyWithTlvException() {
    sweep(INTERESTS, BadInputTest::interest);
  }

  @Test
  void mangledDataFailOnlyWithTlvException() {
    sweep(DATA, BadInputTest::data);
  }

  @Test
  void mangledLpPacketsFailOnlyWithTlvException() {
    sweep(LP, BadInputTest::lp);
  }

  @Test
  void mangledNamesFailOnlyWithTlvException() {
    sweep(NAMES, BadInputTest::name);
  }

  @Test
  void emptyInputIsATruncatedType() {
    for (Exercise e : List.<Exercise>of(BadInputTest::interest, BadInputTest::data, BadInputTest::lp,
        BadInputTest::name)) {
      TestBytes.assertTlvError(0, () -> e.run(ByteBuffer.allocate(0)), ": truncated TLV-TYPE");
    }
  }

  @Test
  void offsetsCountFromTheBufferPosition() {
    // the same bad Interest at position 0 and at position 40 of a larger buffer reports the same offset
    byte[] bad = bytes("050a 0703080149 0a03 04c263");
    TlvException at0 = TestBytes.assertTlvError(7, () -> Interest.decode(ByteBuffer.wrap(bad)), "Nonce length 3");
    ByteBuffer big = ByteBuffer.allocate(100);
    big.position(40);
    big.put(bad);
    big.position(40).limit(40 + bad.length);
    TlvException at40 = TestBytes.assertTlvError(7, () -> Interest.decode(big), "Nonce length 3");
    assertEquals(at0.getMessage(), at40.getMessage());
  }
}
