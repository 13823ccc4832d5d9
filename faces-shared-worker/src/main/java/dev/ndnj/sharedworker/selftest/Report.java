package dev.ndnj.sharedworker.selftest;

import dev.ndnj.tlv.TlvException;
import java.nio.ByteBuffer;

/**
 * The self-test's output: one line per result, {@code section.label: value}. Only deterministic text goes in
 * (no identity hash codes, no floating point, no JDK exception messages, whose wording differs between the JVM
 * and TeaVM's class library), so the report computed on the JVM and in JavaScript must be equal byte for byte.
 */
final class Report {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out = new StringBuilder(32 * 1024);
  private String section = "?";
  private int lines;

  /** Starts a new section; its name prefixes the following lines. */
  void section(String name) {
    section = name;
  }

  /** Appends {@code section.label: value}. */
  void line(String label, String value) {
    out.append(section).append('.').append(label).append(": ").append(value).append('\n');
    lines++;
  }

  void line(String label, long value) {
    line(label, Long.toString(value));
  }

  void line(String label, boolean value) {
    line(label, value ? "true" : "false");
  }

  /** Runs {@code body}; if it throws, reports the exception under {@code label} instead. */
  void attempt(String label, Runnable body) {
    try {
      body.run();
    } catch (RuntimeException e) {
      line(label, describe(e));
    }
  }

  int lineCount() {
    return lines;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /**
   * An exception as report text. The codec's own exceptions keep their message, which is part of what we check.
   * An exception of another type gives only its class name: the JDK and TeaVM's class library word their
   * messages differently, and such an exception usually comes from the class library.
   */
  static String describe(RuntimeException e) {
    if (e instanceof TlvException) {
      return "TlvException(offset " + ((TlvException) e).offset() + "): " + e.getMessage();
    }
    if (e instanceof NumberFormatException) {
      return "NumberFormatException";
    }
    if (e instanceof IllegalArgumentException) {
      return "IllegalArgumentException: " + e.getMessage();
    }
    if (e instanceof IllegalStateException) {
      return "IllegalStateException: " + e.getMessage();
    }
    return className(e);
  }

  /** The simple class name of common library exceptions, without relying on reflection metadata in TeaVM. */
  private static String className(RuntimeException e) {
    if (e instanceof IndexOutOfBoundsException) {
      return "IndexOutOfBoundsException";
    }
    if (e instanceof java.nio.BufferUnderflowException) {
      return "BufferUnderflowException";
    }
    if (e instanceof java.nio.BufferOverflowException) {
      return "BufferOverflowException";
    }
    if (e instanceof java.nio.ReadOnlyBufferException) {
      return "ReadOnlyBufferException";
    }
    if (e instanceof NullPointerException) {
      return "NullPointerException";
    }
    if (e instanceof ArithmeticException) {
      return "ArithmeticException";
    }
    if (e instanceof ClassCastException) {
      return "ClassCastException";
    }
    if (e instanceof UnsupportedOperationException) {
      return "UnsupportedOperationException";
    }
    return "RuntimeException";
  }

  /** Lowercase hex of the remaining octets of {@code b}; its position is not changed. */
  static String hex(ByteBuffer b) {
    StringBuilder sb = new StringBuilder(b.remaining() * 2);
    for (int i = b.position(); i < b.limit(); i++) {
      int v = b.get(i) & 0xff;
      sb.append(HEX[v >> 4]).append(HEX[v & 15]);
    }
    return sb.toString();
  }

  static String hex(byte[] b) {
    return hex(ByteBuffer.wrap(b));
  }

  /** Hex of a 32-bit value, 8 digits. */
  static String hex32(int v) {
    char[] c = new char[8];
    for (int i = 7; i >= 0; i--) {
      c[i] = HEX[v & 15];
      v >>>= 4;
    }
    return new String(c);
  }

  /** {@code n} zero octets as hex. */
  static String zeros(int n) {
    StringBuilder sb = new StringBuilder(2 * n);
    for (int i = 0; i < n; i++) {
      sb.append("00");
    }
    return sb.toString();
  }

  /** Parses the self-test's own hex constants (lowercase or uppercase, no separators). */
  static byte[] unhex(String s) {
    if ((s.length() & 1) != 0) {
      throw new IllegalArgumentException("odd hex length " + s.length());
    }
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (digit(s.charAt(2 * i)) << 4 | digit(s.charAt(2 * i + 1)));
    }
    return out;
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw new IllegalArgumentException("not a hex digit: " + c);
  }
}
