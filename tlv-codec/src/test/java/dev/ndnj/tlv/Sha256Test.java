package dev.ndnj.tlv;

import static dev.ndnj.tlv.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SHA-256 against the FIPS 180-2/180-4 example messages (NIST CSRC "Examples with Intermediate Values"). */
class Sha256Test {

  private static String sha(String ascii) {
    return hex(Sha256.digest(ascii.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void abcMatchesTheFipsVector() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sha("abc"));
  }

  @Test
  void emptyMessageMatchesTheFipsVector() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", sha(""));
  }

  @Test
  void fourHundredFortyEightBitMessageMatchesTheFipsVector() {
    // 56 octets: the padding needs a second block
    assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        sha("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
  }

  @Test
  void eightHundredNinetySixBitMessageMatchesTheFipsVector() {
    assertEquals("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
        sha("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
            + "mnopqrstnopqrstu"));
  }

  @Test
  void oneMillionAsMatchesTheFipsVector() {
    Sha256 h = new Sha256();
    byte[] chunk = new byte[1000];
    java.util.Arrays.fill(chunk, (byte) 'a');
    for (int i = 0; i < 1000; i++) {
      h.update(chunk, 0, chunk.length);
    }
    assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", hex(h.digest()));
  }

  @Test
  void digestResetsTheStateForReuse() {
    Sha256 h = new Sha256();
    h.update("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
    h.digest();
    h.update(new byte[0], 0, 0);
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(h.digest()));
  }

  @Test
  void bufferInputUsesAbsoluteOffsetsAndLeavesThePositionAlone() {
    ByteBuffer b = ByteBuffer.wrap("xxabcyy".getBytes(StandardCharsets.US_ASCII));
    b.position(5);
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex(Sha256.digest(b, 2, 3)));
    assertEquals(5, b.position());
  }

  @Test
  void everyLengthAroundTheBlockBoundariesAgreesWithTheJdk() throws Exception {
    Random rnd = new Random(42);
    MessageDigest jdk = MessageDigest.getInstance("SHA-256");
    for (int len = 0; len <= 200; len++) {
      byte[] m = new byte[len];
      rnd.nextBytes(m);
      Sha256 h = new Sha256();
      // feed in two uneven pieces to exercise partial blocks
      int cut = len / 3;
      h.update(m, 0, cut);
      h.update(ByteBuffer.wrap(m), cut, len - cut);
      assertEquals(hex(jdk.digest(m)), hex(h.digest()), "length " + len);
    }
  }
}
