package dev.ndnj.tlv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.function.Executable;

/** Small helpers shared by the codec tests: hex literals with spaces, buffer comparison, error assertions. */
final class TestBytes {
  private TestBytes() {}

  /** Octets of a hex string; spaces, newlines and parentheses (used to show nesting) are ignored. */
  static byte[] bytes(String hex) {
    byte[] b = Hex.decode(hex.replace("(", "").replace(")", ""));
    if (b == null) {
      throw new IllegalArgumentException("bad hex literal in test: " + hex);
    }
    return b;
  }

  /** A heap buffer holding {@code hex} (position 0). */
  static ByteBuffer buf(String hex) {
    return ByteBuffer.wrap(bytes(hex));
  }

  /** Lowercase hex of the remaining octets of {@code b}, without moving it. */
  static String hex(ByteBuffer b) {
    return Hex.encode(b);
  }

  /** Lowercase hex of {@code b}. */
  static String hex(byte[] b) {
    return Hex.encode(b);
  }

  /** Normalizes an expected hex literal to the form {@link #hex} prints. */
  static String norm(String hex) {
    return Hex.encode(bytes(hex));
  }

  /** Asserts that the remaining octets of {@code actual} are exactly {@code expectedHex}. */
  static void assertWire(String expectedHex, ByteBuffer actual) {
    assertEquals(norm(expectedHex), hex(actual));
  }

  /** A copy of the remaining octets of {@code b} (position unchanged). */
  static byte[] toArray(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  /**
   * Asserts that {@code body} throws exactly a {@link TlvException} whose message contains every fragment in
   * {@code parts} and ends with ", at offset N" for the expected offset.
   */
  static TlvException assertTlvError(int offset, Executable body, String... parts) {
    TlvException e = assertThrows(TlvException.class, body);
    assertEquals(TlvException.class, e.getClass(), "exact exception type");
    String m = e.getMessage();
    for (String p : parts) {
      assertTrue(m.contains(p), () -> "message '" + m + "' should contain '" + p + "'");
    }
    assertEquals(offset, e.offset(), () -> "offset in '" + m + "'");
    assertTrue(m.endsWith(", at offset " + offset), () -> "message '" + m + "' should end with the offset");
    return e;
  }
}
