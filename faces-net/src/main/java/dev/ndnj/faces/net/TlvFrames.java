package dev.ndnj.faces.net;

import io.netty.buffer.ByteBuf;

/**
 * Where one TLV element ends in a Netty buffer: the TLV-TYPE and TLV-LENGTH VAR-NUMBERs at the reader index, checked
 * as NDN packet format v0.3 says (shortest form, TLV-TYPE in 1..2^32-1) and against a largest frame size. Used by the
 * stream decoder and by the UDP channel (a datagram must be exactly one element). The buffer is <em>borrowed</em>:
 * nothing is read past the header and no index changes.
 */
public final class TlvFrames {
  /** The largest NDN packet, as ndn-cxx's {@code MAX_NDN_PACKET_SIZE}. */
  public static final int MAX_NDN_PACKET_SIZE = 8800;
  /** Room for NDNLPv2 headers around a largest packet (PitToken, Nack, IncomingFaceId, Sequence, Frag*). */
  public static final int LP_HEADROOM = 256;
  /** The default largest frame on a stream: {@link #MAX_NDN_PACKET_SIZE} plus {@link #LP_HEADROOM}. */
  public static final int DEFAULT_MAX_FRAME = MAX_NDN_PACKET_SIZE + LP_HEADROOM;

  /** {@link #frameLength}: the header is not complete yet. */
  public static final int NEED_MORE = -1;
  /** {@link #frameLength}: the header is not a valid TLV-TYPE and TLV-LENGTH. */
  public static final int INVALID = -2;
  /** {@link #frameLength}: the element is larger than the largest frame allowed. */
  public static final int TOO_LONG = -3;

  private TlvFrames() {}

  /**
   * The size in octets of the whole TLV element starting at {@code buf}'s reader index (header and value), or
   * {@link #NEED_MORE}, {@link #INVALID} or {@link #TOO_LONG}. Only the header must be present; the value may not
   * have arrived yet.
   */
  public static int frameLength(ByteBuf buf, int maxFrame) {
    int at = buf.readerIndex();
    int end = buf.writerIndex();
    long type = varNumber(buf, at, end);
    if (type == NEED_MORE || type == INVALID) {
      return (int) type;
    }
    if (type == 0 || type > 0xffffffffL || type == TOO_BIG) {
      return INVALID;
    }
    int typeSize = varNumberSize(buf.getUnsignedByte(at));
    long length = varNumber(buf, at + typeSize, end);
    if (length == NEED_MORE || length == INVALID) {
      return (int) length;
    }
    int lengthSize = varNumberSize(buf.getUnsignedByte(at + typeSize));
    if (length == TOO_BIG || length > maxFrame - typeSize - lengthSize) {
      return TOO_LONG;
    }
    return (int) (typeSize + lengthSize + length);
  }

  /** A VAR-NUMBER above 2^63-1 (9-octet form with the top bit set). */
  private static final long TOO_BIG = -4;

  private static int varNumberSize(int first) {
    return first < 253 ? 1 : first == 253 ? 3 : first == 254 ? 5 : 9;
  }

  /** The VAR-NUMBER at {@code at}, or NEED_MORE, INVALID (not shortest form) or TOO_BIG. */
  private static long varNumber(ByteBuf buf, int at, int end) {
    if (at >= end) {
      return NEED_MORE;
    }
    int first = buf.getUnsignedByte(at);
    int size = varNumberSize(first);
    if (end - at < size) {
      return NEED_MORE;
    }
    switch (size) {
      case 1:
        return first;
      case 3: {
        int v = buf.getUnsignedShort(at + 1);
        return v < 253 ? INVALID : v;
      }
      case 5: {
        long v = buf.getUnsignedInt(at + 1);
        return v <= 0xffff ? INVALID : v;
      }
      default: {
        long v = buf.getLong(at + 1);
        if (v < 0) {
          return TOO_BIG;
        }
        return v <= 0xffffffffL ? INVALID : v;
      }
    }
  }
}
