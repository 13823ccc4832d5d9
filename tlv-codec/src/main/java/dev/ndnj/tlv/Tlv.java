package dev.ndnj.tlv;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * TLV primitives over a {@link ByteBuffer}: VAR-NUMBER and NonNegativeInteger reading with the rules of NDN packet
 * format v0.3 enforced (shortest-form VAR-NUMBERs, lengths within the enclosing element, TLV-TYPE in 1..2^32-1).
 *
 * <p>All reads are absolute ({@code buf.get(index)}): the buffer's position, limit and byte order are never
 * used or changed, so decoders record offsets instead of making views. The bytes are <em>borrowed</em> for the
 * call. TLV-TYPEs are returned as {@code int} holding the unsigned 32-bit value; lengths as {@code int}, since no
 * length can exceed the bytes actually present. Offsets in error messages are relative to {@code base}, the start
 * of the decoder's input.
 */
public final class Tlv {
  private Tlv() {}

  /** Size in octets of the VAR-NUMBER whose first octet is {@code first} (1, 3, 5 or 9). */
  public static int varNumberSize(int first) {
    first &= 0xff;
    return first < 253 ? 1 : first == 253 ? 3 : first == 254 ? 5 : 9;
  }

  /** Size in octets of the shortest VAR-NUMBER encoding of {@code v} (unsigned). */
  public static int sizeOfVarNumber(long v) {
    if (v >= 0 && v < 253) {
      return 1;
    }
    if (v >= 0 && v <= 0xffff) {
      return 3;
    }
    if (v >= 0 && v <= 0xffffffffL) {
      return 5;
    }
    return 9;
  }

  /** Size of a whole TLV element whose value has {@code valueLength} octets. */
  public static int sizeOfTlv(int type, int valueLength) {
    return sizeOfVarNumber(type & 0xffffffffL) + sizeOfVarNumber(valueLength) + valueLength;
  }

  /**
   * Reads a TLV-TYPE at {@code off}. Returns it as an int holding the unsigned 32-bit value.
   *
   * @throws TlvException if truncated, not in shortest form, zero, or above 2^32-1
   */
  public static int readType(ByteBuffer buf, int off, int end, int base, String ctx) {
    if (off >= end) {
      throw new TlvException(ctx + ": truncated TLV-TYPE", off - base);
    }
    int first = buf.get(off) & 0xff;
    int type;
    if (first < 253) {
      type = first;
    } else if (first == 253) {
      need(off, 3, end, base, ctx, "TLV-TYPE");
      type = u16(buf, off + 1);
      if (type < 253) {
        throw nonMinimal(ctx, "TLV-TYPE", off, base);
      }
    } else if (first == 254) {
      need(off, 5, end, base, ctx, "TLV-TYPE");
      type = buf.get(off + 1) << 24 | (buf.get(off + 2) & 0xff) << 16 | u16(buf, off + 3);
      if ((type & 0xffffffffL) <= 0xffff) {
        throw nonMinimal(ctx, "TLV-TYPE", off, base);
      }
    } else {
      throw new TlvException(ctx + ": TLV-TYPE above 2^32-1", off - base);
    }
    if (type == 0) {
      throw new TlvException(ctx + ": TLV-TYPE 0 is invalid", off - base);
    }
    return type;
  }

  /**
   * Reads a TLV-LENGTH at {@code off} and checks that the value it announces fits between the end of the
   * length and {@code end}. No allocation depends on the claimed length.
   *
   * @throws TlvException if truncated, not in shortest form, or longer than the bytes present
   */
  public static int readLength(ByteBuffer buf, int off, int end, int base, String ctx) {
    if (off >= end) {
      throw new TlvException(ctx + ": truncated TLV-LENGTH", off - base);
    }
    int first = buf.get(off) & 0xff;
    // 1- and 3-octet lengths (every length below 65536) in int arithmetic: a long is a BigInt in TeaVM's JavaScript,
    // which allocates per operation
    int len;
    int size;
    if (first < 253) {
      len = first;
      size = 1;
    } else if (first == 253) {
      need(off, 3, end, base, ctx, "TLV-LENGTH");
      len = u16(buf, off + 1);
      if (len < 253) {
        throw nonMinimal(ctx, "TLV-LENGTH", off, base);
      }
      size = 3;
    } else {
      return readLongLength(buf, off, end, base, ctx, first);
    }
    int avail = end - off - size; // not negative: off < end, and need() checked the 3-octet form
    if (len > avail) {
      throw new TlvException(ctx + ": TLV-LENGTH " + len + " exceeds the " + avail + " remaining octets", off - base);
    }
    return len;
  }

  /** {@link #readLength} for the 5- and 9-octet forms ({@code first} is 254 or 255). */
  private static int readLongLength(ByteBuffer buf, int off, int end, int base, String ctx, int first) {
    int size = varNumberSize(first);
    need(off, size, end, base, ctx, "TLV-LENGTH");
    long len;
    if (size == 5) {
      len = u32(buf, off + 1);
      if (len <= 0xffff) {
        throw nonMinimal(ctx, "TLV-LENGTH", off, base);
      }
    } else {
      if (u32(buf, off + 1) == 0) {
        throw nonMinimal(ctx, "TLV-LENGTH", off, base);
      }
      len = Long.MAX_VALUE; // any 9-octet length exceeds what a buffer can hold
    }
    long avail = (long) end - off - size;
    if (len > avail) {
      throw new TlvException(ctx + ": TLV-LENGTH " + (len == Long.MAX_VALUE ? "above 2^32" : Long.toString(len))
          + " exceeds the " + avail + " remaining octets", off - base);
    }
    return (int) len;
  }

  /**
   * Reads a NonNegativeInteger of {@code len} octets (1, 2, 4 or 8) at {@code off}. An 8-octet value above
   * 2^63-1 is returned as a negative long (the unsigned bit pattern).
   *
   * @throws TlvException for any other length
   */
  public static long readNonNegativeInteger(ByteBuffer buf, int off, int len, int base, String ctx) {
    switch (len) {
      case 1:
        return buf.get(off) & 0xff;
      case 2:
        return u16(buf, off);
      case 4:
        return u32(buf, off);
      case 8:
        return u32(buf, off) << 32 | u32(buf, off + 4);
      default:
        throw new TlvException(ctx + ": NonNegativeInteger of length " + len + ", expected 1, 2, 4 or 8",
            off - base);
    }
  }

  /** Offset of the TLV-VALUE of the element whose (already validated) header starts at {@code off}. */
  public static int valueStart(ByteBuffer buf, int off) {
    int p = off + varNumberSize(buf.get(off));
    return p + varNumberSize(buf.get(p));
  }

  /**
   * Validates the header of the element at {@code off} (type and length, within {@code end}) and returns the
   * offset just past the element.
   */
  public static int elementEnd(ByteBuffer buf, int off, int end, int base, String ctx) {
    readType(buf, off, end, base, ctx);
    int p = off + varNumberSize(buf.get(off));
    int len = readLength(buf, p, end, base, ctx);
    return p + varNumberSize(buf.get(p)) + len;
  }

  /** Reads an unsigned 16-bit big-endian value. */
  public static int u16(ByteBuffer buf, int off) {
    return (buf.get(off) & 0xff) << 8 | (buf.get(off + 1) & 0xff);
  }

  /** Reads an unsigned 32-bit big-endian value. */
  public static long u32(ByteBuffer buf, int off) {
    return ((long) (buf.get(off) & 0xff) << 24) | (buf.get(off + 1) & 0xff) << 16 | (buf.get(off + 2) & 0xff) << 8
        | (buf.get(off + 3) & 0xff);
  }

  /** Reads a signed 32-bit big-endian value. */
  public static int i32(ByteBuffer buf, int off) {
    return buf.get(off) << 24 | (buf.get(off + 1) & 0xff) << 16 | (buf.get(off + 2) & 0xff) << 8
        | (buf.get(off + 3) & 0xff);
  }

  /** Whether {@code len} bytes at {@code a} in {@code x} equal those at {@code b} in {@code y}. */
  public static boolean equalBytes(ByteBuffer x, int a, ByteBuffer y, int b, int len) {
    if (x.hasArray() && y.hasArray()) {
      byte[] xa = x.array();
      byte[] ya = y.array();
      int xo = x.arrayOffset() + a;
      int yo = y.arrayOffset() + b;
      return Arrays.mismatch(xa, xo, xo + len, ya, yo, yo + len) < 0; // vectorised by the JVM
    }
    int i = 0;
    // four octets per step while both buffers read them in the same byte order (always, in practice); not
    // ByteBuffer.mismatch, which TeaVM's class library lacks
    if (len >= 4 && x.order() == y.order()) {
      for (int last = len - 4; i <= last; i += 4) {
        if (x.getInt(a + i) != y.getInt(b + i)) {
          return false;
        }
      }
    }
    for (; i < len; i++) {
      if (x.get(a + i) != y.get(b + i)) {
        return false;
      }
    }
    return true;
  }

  /** Unsigned lexicographic comparison of two byte ranges, shorter first on a common prefix. */
  public static int compareBytes(ByteBuffer x, int a, int alen, ByteBuffer y, int b, int blen) {
    int n = Math.min(alen, blen);
    for (int i = 0; i < n; i++) {
      int d = (x.get(a + i) & 0xff) - (y.get(b + i) & 0xff);
      if (d != 0) {
        return d;
      }
    }
    return alen - blen;
  }

  /** Copies {@code len} octets at absolute offset {@code off} into a new array (owned by the caller). */
  public static byte[] copy(ByteBuffer buf, int off, int len) {
    byte[] out = new byte[len];
    // a bulk get on a duplicate, not array()+arrayOffset(): TeaVM 0.15 reports a wrong arrayOffset() for
    // duplicates and read-only views of a buffer whose position is not 0
    ByteBuffer d = buf.duplicate();
    d.position(off);
    d.get(out, 0, len);
    return out;
  }

  /**
   * A read-only view of {@code len} octets at absolute offset {@code off}: shares memory with {@code buf},
   * position 0, limit {@code len}. The caller must not expect it to outlive changes to {@code buf}'s content.
   */
  public static ByteBuffer view(ByteBuffer buf, int off, int len) {
    // two buffer objects, not three (duplicate, slice, read-only): a view costs an allocation of typed arrays in
    // TeaVM's JavaScript; a slice of a read-only buffer is read-only
    ByteBuffer d = buf.asReadOnlyBuffer();
    d.limit(off + len).position(off);
    return d.slice();
  }

  private static void need(int off, int size, int end, int base, String ctx, String what) {
    if (end - off < size) {
      throw new TlvException(ctx + ": truncated " + what + " (needs " + size + " octets, " + (end - off)
          + " remain)", off - base);
    }
  }

  private static TlvException nonMinimal(String ctx, String what, int off, int base) {
    return new TlvException(ctx + ": " + what + " not in shortest form", off - base);
  }
}
