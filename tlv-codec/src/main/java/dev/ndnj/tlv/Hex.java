package dev.ndnj.tlv;

import java.nio.ByteBuffer;

/** Hexadecimal printing and parsing for URIs, diagnostics and tests. */
public final class Hex {
  private Hex() {}

  static final String UPPER = "0123456789ABCDEF";
  private static final String LOWER = "0123456789abcdef";

  /** Appends {@code len} octets at absolute offset {@code off} as lowercase hex. */
  public static void append(StringBuilder sb, ByteBuffer buf, int off, int len) {
    for (int i = 0; i < len; i++) {
      int b = buf.get(off + i) & 0xff;
      sb.append(LOWER.charAt(b >> 4)).append(LOWER.charAt(b & 15));
    }
  }

  /** Lowercase hex of the bytes. */
  public static String encode(byte[] bytes) {
    return encode(ByteBuffer.wrap(bytes));
  }

  /** Lowercase hex of the remaining octets of {@code buf} (position unchanged). */
  public static String encode(ByteBuffer buf) {
    StringBuilder sb = new StringBuilder(buf.remaining() * 2);
    append(sb, buf, buf.position(), buf.remaining());
    return sb.toString();
  }

  /** Parses hex digits (either case; whitespace ignored); null if a character is not a hex digit or count odd. */
  public static byte[] decode(String s) {
    byte[] tmp = new byte[s.length() / 2 + 1];
    int n = 0;
    int hi = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        continue;
      }
      int v = value(c);
      if (v < 0) {
        return null;
      }
      if (hi < 0) {
        hi = v;
      } else {
        tmp[n++] = (byte) (hi << 4 | v);
        hi = -1;
      }
    }
    if (hi >= 0) {
      return null;
    }
    byte[] out = new byte[n];
    System.arraycopy(tmp, 0, out, 0, n);
    return out;
  }

  static int value(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
