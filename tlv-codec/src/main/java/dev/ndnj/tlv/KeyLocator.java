package dev.ndnj.tlv;

import java.nio.ByteBuffer;

/**
 * The KeyLocator of a SignatureInfo: either the name of the signing key (or its certificate) or a KeyDigest.
 * Immutable; a decoded one is a view over the packet.
 */
public final class KeyLocator {
  private final Name name;
  private final byte[] digest;

  private KeyLocator(Name name, byte[] digest) {
    this.name = name;
    this.digest = digest;
  }

  /** A KeyLocator naming a key or certificate. */
  public static KeyLocator ofName(Name name) {
    return new KeyLocator(name, null);
  }

  /** A KeyLocator holding a KeyDigest (copied). */
  public static KeyLocator ofDigest(byte[] digest) {
    return new KeyLocator(null, digest.clone());
  }

  static KeyLocator decode(ByteBuffer buf, int off, int end, int base) {
    int v = Tlv.valueStart(buf, off);
    if (v >= end) {
      throw new TlvException("KeyLocator: empty, expected Name or KeyDigest", off - base);
    }
    int t = Tlv.readType(buf, v, end, base, "KeyLocator");
    int next = Tlv.elementEnd(buf, v, end, base, "KeyLocator");
    KeyLocator kl;
    if (t == TlvTypes.NAME) {
      kl = new KeyLocator(Name.decode(buf, v, next, base), null);
    } else if (t == TlvTypes.KEY_DIGEST) {
      int dv = Tlv.valueStart(buf, v);
      kl = new KeyLocator(null, Tlv.copy(buf, dv, next - dv));
    } else {
      throw new TlvException("KeyLocator: unexpected " + TlvTypes.name(t & 0xffffffffL), v - base);
    }
    for (int p = next; p < end; p = Tlv.elementEnd(buf, p, end, base, "KeyLocator")) {
      int u = Tlv.readType(buf, p, end, base, "KeyLocator");
      if (TlvTypes.isCritical(u & 0xffffffffL)) {
        throw new TlvException("KeyLocator: unexpected critical element " + TlvTypes.name(u & 0xffffffffL), p - base);
      }
    }
    return kl;
  }

  /** The key name, or null if this is a KeyDigest. */
  public Name name() {
    return name;
  }

  /** A copy of the KeyDigest, or null if this is a name. */
  public byte[] digest() {
    return digest == null ? null : digest.clone();
  }

  void prependTo(TlvEncoder enc) {
    int mark = enc.size();
    if (name != null) {
      name.prependTo(enc);
    } else {
      enc.prependBytesTlv(TlvTypes.KEY_DIGEST, digest);
    }
    enc.prependHeader(TlvTypes.KEY_LOCATOR, enc.size() - mark);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof KeyLocator)) {
      return false;
    }
    KeyLocator k = (KeyLocator) o;
    return name != null ? name.equals(k.name) : k.name == null && java.util.Arrays.equals(digest, k.digest);
  }

  @Override
  public int hashCode() {
    return name != null ? name.hashCode() : java.util.Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    return name != null ? "Name=" + name : "KeyDigest=" + Hex.encode(digest);
  }
}
