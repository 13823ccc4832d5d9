package dev.ndnj.bench.load;

import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;

/**
 * The load generator's packets, encoded straight into Netty buffers (no packet objects on the send path) and parsed
 * in place on the receive path.
 *
 * <p>Every name the generator asks for ends in one GenericNameComponent of exactly 8 octets, a big-endian key
 * ({@link #keyOfName}); the rest of the name is a fixed head per connection. Interests carry a Nonce and an
 * InterestLifetime and nothing else. Data carry FreshnessPeriod, the payload and a DigestSha256 SignatureInfo whose
 * value is 32 zero octets: forwarders do not verify Data signatures, and computing real digests would put the load
 * generator's own cost (7 us per 1 KB Data in pure Java) into the machine the forwarder shares.
 */
final class LoadPackets {
  /** Octets of the key component: type, length, 8 value octets. */
  static final int KEY_COMPONENT_LENGTH = 10;

  private LoadPackets() {}

  /** Octets of a VAR-NUMBER. */
  static int varSize(long n) {
    return n < 253 ? 1 : n <= 0xffff ? 3 : n <= 0xffffffffL ? 5 : 9;
  }

  /** Writes a VAR-NUMBER. */
  static void writeVar(ByteBuf out, long n) {
    if (n < 253) {
      out.writeByte((int) n);
    } else if (n <= 0xffff) {
      out.writeByte(253);
      out.writeShort((int) n);
    } else if (n <= 0xffffffffL) {
      out.writeByte(254);
      out.writeInt((int) n);
    } else {
      out.writeByte(255);
      out.writeLong(n);
    }
  }

  /** Octets of a NonNegativeInteger's value. */
  static int nniSize(long n) {
    return n <= 0xff ? 1 : n <= 0xffff ? 2 : n <= 0xffffffffL ? 4 : 8;
  }

  static void writeNni(ByteBuf out, long n) {
    switch (nniSize(n)) {
      case 1 -> out.writeByte((int) n);
      case 2 -> out.writeShort((int) n);
      case 4 -> out.writeInt((int) n);
      default -> out.writeLong(n);
    }
  }

  /** The component TLVs of {@code name} (its value octets), to be followed by the key component. */
  static byte[] nameHead(Name name) {
    ByteBuffer w = name.wire();
    int header = w.remaining() - name.valueLength();
    byte[] head = new byte[name.valueLength()];
    for (int i = 0; i < head.length; i++) {
      head[i] = w.get(w.position() + header + i);
    }
    return head;
  }

  /** Encodes an Interest named {@code head} + key component, with {@code nonce} and {@code lifetimeMillis}. */
  static ByteBuf interest(ByteBufAllocator alloc, byte[] head, long key, int nonce, long lifetimeMillis) {
    ByteBuf out = alloc.buffer(interestLength(head, lifetimeMillis));
    writeInterest(out, head, key, nonce, lifetimeMillis);
    return out;
  }

  /** Octets of the Interest {@link #writeInterest} writes. */
  static int interestLength(byte[] head, long lifetimeMillis) {
    int nameValue = head.length + KEY_COMPONENT_LENGTH;
    int value = 1 + varSize(nameValue) + nameValue + 6 + 2 + nniSize(lifetimeMillis);
    return 1 + varSize(value) + value;
  }

  /** Appends the Interest of {@link #interest} to {@code out}. */
  static void writeInterest(ByteBuf out, byte[] head, long key, int nonce, long lifetimeMillis) {
    int nameValue = head.length + KEY_COMPONENT_LENGTH;
    int nameTlv = 1 + varSize(nameValue) + nameValue;
    int lifetimeLen = nniSize(lifetimeMillis);
    int value = nameTlv + 6 + 2 + lifetimeLen;
    out.writeByte(TlvTypes.INTEREST);
    writeVar(out, value);
    out.writeByte(TlvTypes.NAME);
    writeVar(out, nameValue);
    out.writeBytes(head);
    out.writeByte(TlvTypes.GENERIC_NAME_COMPONENT);
    out.writeByte(8);
    out.writeLong(key);
    out.writeByte(TlvTypes.NONCE);
    out.writeByte(4);
    out.writeInt(nonce);
    out.writeByte(TlvTypes.INTEREST_LIFETIME);
    out.writeByte(lifetimeLen);
    writeNni(out, lifetimeMillis);
  }

  /**
   * Encodes a Data whose Name element is {@code nameLen} octets of {@code src} from {@code nameAt} (copied as is),
   * with {@code payload} as Content, FreshnessPeriod {@code freshnessMillis} and a zero DigestSha256 value.
   */
  static ByteBuf data(ByteBufAllocator alloc, ByteBuffer src, int nameAt, int nameLen, byte[] payload,
      long freshnessMillis) {
    ByteBuf out = alloc.buffer(dataLength(nameLen, payload.length, freshnessMillis));
    writeData(out, src, nameAt, nameLen, payload, freshnessMillis);
    return out;
  }

  /** Octets of the Data {@link #writeData} writes. */
  static int dataLength(int nameLen, int payloadLen, long freshnessMillis) {
    int value = nameLen + 2 + 2 + nniSize(freshnessMillis) + 1 + varSize(payloadLen) + payloadLen + 5 + 34;
    return 1 + varSize(value) + value;
  }

  /** Appends the Data of {@link #data} to {@code out}. */
  static void writeData(ByteBuf out, ByteBuffer src, int nameAt, int nameLen, byte[] payload,
      long freshnessMillis) {
    int meta = 2 + nniSize(freshnessMillis);
    int content = 1 + varSize(payload.length) + payload.length;
    int value = nameLen + 2 + meta + content + 5 + 34;
    out.writeByte(TlvTypes.DATA);
    writeVar(out, value);
    ByteBuffer name = src.duplicate();
    name.limit(nameAt + nameLen).position(nameAt);
    out.writeBytes(name);
    out.writeByte(TlvTypes.META_INFO);
    out.writeByte(meta);
    out.writeByte(TlvTypes.FRESHNESS_PERIOD);
    out.writeByte(nniSize(freshnessMillis));
    writeNni(out, freshnessMillis);
    out.writeByte(TlvTypes.CONTENT);
    writeVar(out, payload.length);
    out.writeBytes(payload);
    out.writeByte(TlvTypes.SIGNATURE_INFO);
    out.writeByte(3);
    out.writeByte(TlvTypes.SIGNATURE_TYPE);
    out.writeByte(1);
    out.writeByte(TlvTypes.SIGNATURE_DIGEST_SHA256);
    out.writeByte(TlvTypes.SIGNATURE_VALUE);
    out.writeByte(32);
    out.writeZero(32);
  }

  /** Wraps {@code fragment} (consumed) in an LpPacket with {@code pitToken}. */
  static ByteBuf withPitToken(ByteBufAllocator alloc, ByteBuffer pitToken, ByteBuf fragment) {
    int tokenLen = pitToken.remaining();
    int fragLen = fragment.readableBytes();
    int value = 1 + varSize(tokenLen) + tokenLen + 1 + varSize(fragLen) + fragLen;
    ByteBuf out = alloc.buffer(1 + varSize(value) + value);
    out.writeByte(TlvTypes.LP_PACKET);
    writeVar(out, value);
    out.writeByte(TlvTypes.LP_PIT_TOKEN);
    writeVar(out, tokenLen);
    out.writeBytes(pitToken.duplicate());
    out.writeByte(TlvTypes.LP_FRAGMENT);
    writeVar(out, fragLen);
    out.writeBytes(fragment);
    fragment.release();
    return out;
  }

  /** Reads a VAR-NUMBER at {@code at}; returns it, or -1 if it does not fit before {@code end}. */
  static long readVar(ByteBuffer b, int at, int end) {
    if (at >= end) {
      return -1;
    }
    int first = b.get(at) & 0xff;
    if (first < 253) {
      return first;
    }
    int size = first == 253 ? 2 : first == 254 ? 4 : 8;
    if (at + 1 + size > end) {
      return -1;
    }
    return switch (size) {
      case 2 -> b.getShort(at + 1) & 0xffff;
      case 4 -> b.getInt(at + 1) & 0xffffffffL;
      default -> b.getLong(at + 1);
    };
  }

  /**
   * Where the Name element of a packet of type {@code packetType} starts in {@code b}'s element at {@code at}
   * (absolute), or -1 if the element is not that packet or its first field is not a Name.
   */
  static int nameOffset(ByteBuffer b, int at, int end, int packetType) {
    long type = readVar(b, at, end);
    if (type != packetType) {
      return -1;
    }
    at += varSize(type);
    long len = readVar(b, at, end);
    if (len < 0) {
      return -1;
    }
    at += varSize(len);
    if (at + len > end || readVar(b, at, end) != TlvTypes.NAME) {
      return -1;
    }
    return at;
  }

  /** Octets of the Name element at {@code nameAt}, header included, or -1 if it overruns {@code end}. */
  static int nameLength(ByteBuffer b, int nameAt, int end) {
    long len = readVar(b, nameAt + 1, end);
    if (len < 0) {
      return -1;
    }
    long total = 1 + varSize(len) + len;
    return nameAt + total > end ? -1 : (int) total;
  }

  /**
   * The key of the name at {@code nameAt} (its last component, 8 octets of a GenericNameComponent), or -1 if the
   * name does not end that way (not one of the generator's names). Keys are never negative.
   */
  static long keyOfName(ByteBuffer b, int nameAt, int end) {
    long valueLen = readVar(b, nameAt + 1, end);
    if (valueLen < 0) {
      return -1;
    }
    int valueStart = nameAt + 1 + varSize(valueLen);
    long nameEnd = valueStart + valueLen;
    if (nameEnd > end || valueLen < KEY_COMPONENT_LENGTH) {
      return -1;
    }
    int k = (int) nameEnd - KEY_COMPONENT_LENGTH;
    if (b.get(k) != TlvTypes.GENERIC_NAME_COMPONENT || b.get(k + 1) != 8) {
      return -1;
    }
    long key = b.getLong(k + 2);
    return key < 0 ? -1 : key;
  }
}
