package dev.ndnj.tlv;

import java.nio.ByteBuffer;

/**
 * Builds a TLV encoding back to front, as ndn-cxx's EncodingBuffer does: write an element's value first, then
 * prepend its TLV-LENGTH (now known) and TLV-TYPE. Each octet is written once; no per-field arrays.
 *
 * <p>Typical use: {@code int mark = enc.size(); ...prepend value...; enc.prependHeader(type, enc.size() - mark);}.
 * Not thread-safe. {@link #toBuffer()} hands the bytes over (owned by the caller).
 */
public final class TlvEncoder {
  private byte[] buf;
  private int pos;

  /** An encoder with room for {@code capacity} octets before it grows. */
  public TlvEncoder(int capacity) {
    buf = new byte[Math.max(16, capacity)];
    pos = buf.length;
  }

  /** An encoder with a default capacity. */
  public TlvEncoder() {
    this(256);
  }

  /** Number of octets written so far. */
  public int size() {
    return buf.length - pos;
  }

  private void ensure(int n) {
    if (pos >= n) {
      return;
    }
    int used = buf.length - pos;
    int cap = Math.max(buf.length * 2, used + n + 16);
    byte[] nb = new byte[cap];
    System.arraycopy(buf, pos, nb, cap - used, used);
    buf = nb;
    pos = cap - used;
  }

  /** Prepends one octet. */
  public void prependByte(int b) {
    ensure(1);
    buf[--pos] = (byte) b;
  }

  /** Prepends {@code len} octets of {@code src} from index {@code off} (borrowed). */
  public void prependBytes(byte[] src, int off, int len) {
    ensure(len);
    pos -= len;
    System.arraycopy(src, off, buf, pos, len);
  }

  /** Prepends {@code len} octets at absolute offset {@code off} of {@code src} (borrowed). */
  public void prependBytes(ByteBuffer src, int off, int len) {
    ensure(len);
    pos -= len;
    // bulk get on a duplicate rather than array()+arrayOffset(), which TeaVM 0.15 gets wrong for views
    ByteBuffer d = src.duplicate();
    d.position(off);
    d.get(buf, pos, len);
  }

  /** Prepends the remaining octets of {@code src} without moving its position (borrowed). */
  public void prependBytes(ByteBuffer src) {
    prependBytes(src, src.position(), src.remaining());
  }

  /** Prepends a VAR-NUMBER in shortest form ({@code v} taken as unsigned). */
  public void prependVarNumber(long v) {
    if (v >= 0 && v < 253) {
      prependByte((int) v);
    } else if (v >= 0 && v <= 0xffff) {
      prependByte((int) v);
      prependByte((int) (v >>> 8));
      prependByte(253);
    } else if (v >= 0 && v <= 0xffffffffL) {
      for (int i = 0; i < 4; i++) {
        prependByte((int) (v >>> (8 * i)));
      }
      prependByte(254);
    } else {
      for (int i = 0; i < 8; i++) {
        prependByte((int) (v >>> (8 * i)));
      }
      prependByte(255);
    }
  }

  /** Prepends TLV-TYPE and TLV-LENGTH of an element whose {@code valueLength} value octets are already written. */
  public void prependHeader(int type, int valueLength) {
    prependVarNumber(valueLength);
    prependVarNumber(type & 0xffffffffL);
  }

  /** Prepends a NonNegativeInteger value in its shortest form (1, 2, 4 or 8 octets); returns its length. */
  public int prependNonNegativeInteger(long v) {
    int n = v >= 0 && v <= 0xff ? 1 : v >= 0 && v <= 0xffff ? 2 : v >= 0 && v <= 0xffffffffL ? 4 : 8;
    for (int i = 0; i < n; i++) {
      prependByte((int) (v >>> (8 * i)));
    }
    return n;
  }

  /** Prepends a whole element whose value is a NonNegativeInteger. */
  public void prependNonNegativeIntegerTlv(int type, long v) {
    prependHeader(type, prependNonNegativeInteger(v));
  }

  /** Prepends a whole element whose value is the given octets (borrowed). */
  public void prependBytesTlv(int type, byte[] value) {
    prependBytes(value, 0, value.length);
    prependHeader(type, value.length);
  }

  /** Prepends a whole element with an empty value. */
  public void prependEmptyTlv(int type) {
    prependHeader(type, 0);
  }

  /** Copies what was written into a new array (owned by the caller). */
  public byte[] toByteArray() {
    byte[] out = new byte[size()];
    System.arraycopy(buf, pos, out, 0, out.length);
    return out;
  }

  /**
   * The written octets as a buffer (position 0, limit = size). The encoder gives up its storage: it must not be
   * used afterwards. The buffer is owned by the caller.
   */
  public ByteBuffer toBuffer() {
    ByteBuffer out = ByteBuffer.wrap(buf, pos, size()).slice();
    buf = new byte[0];
    pos = 0;
    return out;
  }
}
