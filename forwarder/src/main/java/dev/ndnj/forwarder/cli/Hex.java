package dev.ndnj.forwarder.cli;

import java.io.ByteArrayOutputStream;

/** Hex text to bytes and back, for the CLI's input and output. Stateless. */
final class Hex {
    private Hex() {}

  /** Whether {@code in} is printable ASCII text (hex input) rather than binary TLV. */
  static boolean looksLikeText(byte[] in) {
    for (byte b : in) {
      if (!(b >= 0x20 && b < 0x7f || b == '\n' || b == '\r' || b == '\t')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses hex digits, ignoring whitespace and a {@code 0x} before any group of digits. Returns a new array.
   *
   * @throws IllegalArgumentException on any other character or an odd number of digits
   */
  static byte[] parse(byte[] text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length / 2);
    int pending = -1;
    for (int i = 0; i < text.length; i++) {
      int c = text[i] & 0xff;
      if (Character.isWhitespace(c)) {
        continue;
      }
      boolean groupStart = i == 0 || Character.isWhitespace(text[i - 1] & 0xff);
      if (c == '0' && pending < 0 && groupStart && i + 1 < text.length && (text[i + 1] | 0x20) == 'x') {
        i++;
        continue;
      }
      int d = Character.digit(c, 16);
      if (d < 0) {
        String shown = c > 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
        throw new IllegalArgumentException("not a hex digit: " + shown + " at character " + i
            + " (use --binary for raw input)");
      }
      if (pending < 0) {
        pending = d;
      } else {
        out.write(pending << 4 | d);
        pending = -1;
      }
    }
    if (pending >= 0) {
      throw new IllegalArgumentException("odd number of hex digits");
    }
    return out.toByteArray();
  }
}
