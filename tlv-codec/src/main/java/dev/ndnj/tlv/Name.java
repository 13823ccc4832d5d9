package dev.ndnj.tlv;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * An NDN name: a sequence of {@link Component}s, kept as its wire bytes plus the offset of each component.
 *
 * <p>Immutable. A decoded name is a <em>view</em> over the packet buffer (no copy); {@link #getPrefix(int)}
 * shares the same bytes and offsets. Equality and {@link #hashCode()} depend only on the component bytes;
 * {@link #prefixHash(int)} gives the hash of every prefix from one pass, so a longest-prefix-match probes a hash
 * table with each prefix without re-hashing. {@link #compareTo} is the canonical order of the NDN packet format.
 */
public final class Name implements Comparable<Name> {
  private static final String CTX = "Name";
  private static final byte[] EMPTY_WIRE = {TlvTypes.NAME, 0};

  /** The name with no components, {@code /}. */
  public static final Name ROOT = new Name(ByteBuffer.wrap(EMPTY_WIRE), new int[] {2}, 0, 0);

  final ByteBuffer buf;
  /** comps[i] = absolute offset of component i's TLV; comps[size] = end of the last component. */
  final int[] comps;
  private final int size;
  /** Offset of this name's own Name TLV header in buf, or -1 when it has none (a prefix view). */
  private final int wireStart;
  private int[] prefixHashes;
  private ByteBuffer ownWire;

  Name(ByteBuffer buf, int[] comps, int size, int wireStart) {
    this.buf = buf;
    this.comps = comps;
    this.size = size;
    this.wireStart = wireStart;
  }

  /**
   * Decodes the Name element at absolute offset {@code off} of {@code buf}, which must end by {@code end}.
   * The returned name is a view over {@code buf}. Two passes: validate and count, then record offsets.
   *
   * @param base offset that error messages count from
   * @throws TlvException on any malformed component
   */
  public static Name decode(ByteBuffer buf, int off, int end, int base) {
    int type = Tlv.readType(buf, off, end, base, CTX);
    if (type != TlvTypes.NAME) {
      throw new TlvException(CTX + ": expected TLV-TYPE 7, got " + Long.toString(type & 0xffffffffL), off - base);
    }
    int p = off + Tlv.varNumberSize(buf.get(off));
    int len = Tlv.readLength(buf, p, end, base, CTX);
    p += Tlv.varNumberSize(buf.get(p));
    return decodeValue(buf, off, p, p + len, base);
  }

  /** Decodes a whole buffer holding exactly one Name element (position to limit); a view over it. */
  public static Name decode(ByteBuffer wire) {
    int off = wire.position();
    Name n = decode(wire, off, wire.limit(), off);
    if (n.comps[n.size] != wire.limit()) {
      throw new TlvException(CTX + ": trailing octets after the Name element", n.comps[n.size] - off);
    }
    return n;
  }

  static Name decodeValue(ByteBuffer buf, int wireStart, int from, int to, int base) {
    if (buf.hasArray()) {
      Name n = decodeValueFast(buf, wireStart, from, to);
      if (n != null) {
        return n;
      }
    }
    int count = 0;
    int p = from;
    while (p < to) {
      int t0 = buf.get(p) & 0xff;
      int l0 = p + 1 < to ? buf.get(p + 1) & 0xff : 0xff;
      if (isShortComponent(t0, l0, to - p - 2)) {
        // fast path: one-octet TLV-TYPE and TLV-LENGTH, the common case, validated in place
        p += 2 + l0;
        count++;
        continue;
      }
      int ctype = Tlv.readType(buf, p, to, base, "Name component");
      if ((ctype & 0xffffffffL) > 0xffff) {
        throw new TlvException("Name component: TLV-TYPE " + Long.toString(ctype & 0xffffffffL)
            + " outside 1..65535", p - base);
      }
      int q = p + Tlv.varNumberSize(buf.get(p));
      int clen = Tlv.readLength(buf, q, to, base, "Name component");
      if ((ctype == TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT
          || ctype == TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT) && clen != 32) {
        throw new TlvException("Name component: " + TlvTypes.name(ctype) + " TLV-LENGTH " + clen
            + ", expected 32", p - base);
      }
      p = q + Tlv.varNumberSize(buf.get(q)) + clen;
      count++;
    }
    int[] comps = new int[count + 1];
    p = from;
    for (int i = 0; i < count; i++) {
      comps[i] = p;
      int t0 = buf.get(p) & 0xff;
      int q = t0 < 253 ? p + 1 : p + Tlv.varNumberSize(t0);
      int l0 = buf.get(q) & 0xff;
      if (l0 < 253) {
        p = q + 1 + l0;
        continue;
      }
      int lenSize = Tlv.varNumberSize(l0);
      int clen = lenSize == 1 ? buf.get(q) & 0xff : lenSize == 3 ? Tlv.u16(buf, q + 1) : (int) Tlv.u32(buf, q + 1);
      p = q + lenSize + clen;
    }
    comps[count] = to;
    return new Name(buf, comps, count, wireStart);
  }

  /**
   * Whether a component with first octets {@code t0} (TLV-TYPE) and {@code l0} (TLV-LENGTH), followed by
   * {@code remaining} octets, is valid as it stands: one-octet TLV-TYPE and TLV-LENGTH, a type that is neither 0 nor
   * a digest component (those need their length checked), the value within bounds.
   */
  private static boolean isShortComponent(int t0, int l0, int remaining) {
    return t0 != 0 && t0 < 253 && l0 < 253 && t0 != TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT
        && t0 != TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT && l0 <= remaining;
  }

  /**
   * {@link #decodeValue} for an array-backed buffer whose components all have one-octet TLV-TYPEs and TLV-LENGTHs
   * (nearly every name), reading the array directly; null when some component needs the general path (longer
   * numbers, digest components, anything invalid), which then decodes the name from the start.
   */
  private static Name decodeValueFast(ByteBuffer buf, int wireStart, int from, int to) {
    byte[] a = buf.array();
    int shift = buf.arrayOffset();
    int end = to + shift;
    int count = 0;
    for (int p = from + shift; p < end; count++) {
      if (p + 1 >= end) {
        return null;
      }
      int t0 = a[p] & 0xff;
      int l0 = a[p + 1] & 0xff;
      if (!isShortComponent(t0, l0, end - p - 2)) {
        return null;
      }
      p += 2 + l0;
    }
    int[] comps = new int[count + 1];
    int p = from;
    for (int i = 0; i < count; i++) {
      comps[i] = p;
      p += 2 + (a[p + shift + 1] & 0xff);
    }
    comps[count] = to;
    return new Name(buf, comps, count, wireStart);
  }

  /**
   * Parses an NDN URI ({@code /a/seg=3/v=7/sha256digest=...}); an optional {@code ndn:} scheme is accepted, an
   * authority ({@code //host} after the scheme) is ignored as the NDN URI scheme says, empty segments are ignored.
   *
   * @throws IllegalArgumentException if a component is not valid URI syntax
   */
  public static Name parse(String uri) {
    String s = uri.trim();
    if (s.startsWith("ndn:")) {
      s = s.substring(4);
    }
    if (s.startsWith("//")) {
      int slash = s.indexOf('/', 2);
      s = slash < 0 ? "" : s.substring(slash);
    }
    TlvEncoder enc = new TlvEncoder(s.length() + 16);
    int count = 0;
    int endIdx = s.length();
    // encode back to front so the encoder can prepend
    while (endIdx > 0) {
      int slash = s.lastIndexOf('/', endIdx - 1);
      String seg = s.substring(slash + 1, endIdx);
      if (!seg.isEmpty()) {
        Component c = Component.parse(seg);
        enc.prependBytes(c.buf, c.start, c.end - c.start);
        count++;
      }
      if (slash < 0) {
        break;
      }
      endIdx = slash;
    }
    enc.prependHeader(TlvTypes.NAME, enc.size());
    ByteBuffer w = enc.toBuffer();
    return decode(w);
  }

  /** A name made of the given components (copied into one new buffer). */
  public static Name of(Component... components) {
    return of(List.of(components));
  }

  /** A name made of the given components (copied into one new buffer). */
  public static Name of(List<Component> components) {
    int total = 0;
    for (Component c : components) {
      total += c.end - c.start;
    }
    TlvEncoder enc = new TlvEncoder(total + 10);
    for (int i = components.size() - 1; i >= 0; i--) {
      Component c = components.get(i);
      enc.prependBytes(c.buf, c.start, c.end - c.start);
    }
    enc.prependHeader(TlvTypes.NAME, total);
    return decode(enc.toBuffer());
  }

  /** Number of components. */
  public int size() {
    return size;
  }

  /** Whether this name has no components. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Component {@code i}; a negative index counts from the end ({@code -1} is the last). A view. */
  public Component get(int i) {
    int k = i < 0 ? size + i : i;
    if (k < 0 || k >= size) {
      throw new IndexOutOfBoundsException("component " + i + " of a name with " + size);
    }
    return Component.at(buf, comps[k], comps[k + 1]);
  }

  /** TLV-TYPE of component {@code i} without creating a Component. */
  public int componentType(int i) {
    int first = buf.get(comps[i]) & 0xff;
    return first < 253 ? first : Tlv.u16(buf, comps[i] + 1);
  }

  /** The components as a list of views. */
  public List<Component> components() {
    return new AbstractList<>() {
      @Override
      public Component get(int index) {
        return Name.this.get(index);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /**
   * The first {@code k} components (a negative {@code k} drops {@code -k} from the end). Shares this name's
   * bytes; no copy.
   */
  public Name getPrefix(int k) {
    int n = k < 0 ? size + k : k;
    if (n < 0 || n > size) {
      throw new IndexOutOfBoundsException("prefix of " + k + " components of a name with " + size);
    }
    if (n == size) {
      return this;
    }
    Name p = new Name(buf, comps, n, -1);
    p.prefixHashes = prefixHashes;
    return p;
  }

  /** This name followed by {@code more} (a new buffer). */
  public Name append(Component... more) {
    int lenHere = comps[size] - comps[0];
    int total = lenHere;
    for (Component c : more) {
      total += c.end - c.start;
    }
    TlvEncoder enc = new TlvEncoder(total + 10);
    for (int i = more.length - 1; i >= 0; i--) {
      enc.prependBytes(more[i].buf, more[i].start, more[i].end - more[i].start);
    }
    enc.prependBytes(buf, comps[0], lenHere);
    enc.prependHeader(TlvTypes.NAME, total);
    return decode(enc.toBuffer());
  }

  /** This name followed by all components of {@code suffix}. */
  public Name append(Name suffix) {
    int a = comps[size] - comps[0];
    int b = suffix.comps[suffix.size] - suffix.comps[0];
    TlvEncoder enc = new TlvEncoder(a + b + 10);
    enc.prependBytes(suffix.buf, suffix.comps[0], b);
    enc.prependBytes(buf, comps[0], a);
    enc.prependHeader(TlvTypes.NAME, a + b);
    return decode(enc.toBuffer());
  }

  /** This name followed by a GenericNameComponent of the UTF-8 text (not interpreted as URI). */
  public Name append(String genericText) {
    return append(Component.generic(genericText));
  }

  /** Whether this name is a prefix of (or equal to) {@code other}. */
  public boolean isPrefixOf(Name other) {
    if (size > other.size) {
      return false;
    }
    int len = comps[size] - comps[0];
    return other.comps[size] - other.comps[0] == len && Tlv.equalBytes(buf, comps[0], other.buf, other.comps[0], len);
  }

  /**
   * Whether the first {@code k} components of this name are exactly {@code other}: a prefix comparison without
   * making the prefix (used with {@link #prefixHash(int)} to probe hash tables).
   */
  public boolean prefixEquals(int k, Name other) {
    if (other.size != k || k > size) {
      return false;
    }
    int len = comps[k] - comps[0];
    return other.comps[k] - other.comps[0] == len && Tlv.equalBytes(buf, comps[0], other.buf, other.comps[0], len);
  }

  /** Total octets of the component TLVs (the Name's TLV-LENGTH). */
  public int valueLength() {
    return comps[size] - comps[0];
  }

  /**
   * The whole Name element. For a decoded name this is a read-only view of the original bytes; for a prefix
   * view it is encoded once and kept.
   */
  public ByteBuffer wire() {
    if (wireStart >= 0) {
      return Tlv.view(buf, wireStart, comps[size] - wireStart);
    }
    ByteBuffer w = ownWire;
    if (w == null) {
      TlvEncoder enc = new TlvEncoder(valueLength() + 10);
      prependTo(enc);
      w = enc.toBuffer().asReadOnlyBuffer();
      ownWire = w;
    }
    return w.duplicate();
  }

  /** Writes this Name element into {@code enc} (prepending). */
  public void prependTo(TlvEncoder enc) {
    int len = comps[size] - comps[0];
    enc.prependBytes(buf, comps[0], len);
    enc.prependHeader(TlvTypes.NAME, len);
  }

  /** Size of the whole Name element in octets. */
  public int wireLength() {
    return Tlv.sizeOfTlv(TlvTypes.NAME, valueLength());
  }

  /**
   * Hash of the first {@code k} components. All prefix hashes come from one pass over the name, done once and
   * kept, so a longest-prefix match hashes each prefix once. Equal prefixes of different names hash equally.
   */
  public int prefixHash(int k) {
    int[] h = prefixHashes;
    if (h == null) {
      h = hashPrefixes(buf, comps, comps.length - 1);
      prefixHashes = h;
    }
    return h[k];
  }

  private static final int HASH_SEED = 0x2f1a3b5d;
  private static final int HASH_MULTIPLIER = 0x01000193;

  /**
   * Hashes of the prefixes of a name in {@code b} whose first component starts at {@code bounds[0]} and whose
   * component {@code i} ends at {@code bounds[i + 1]}: element {@code k} hashes the octets
   * {@code [bounds[0], bounds[k])}, for k from 0 to {@code n}. One pass over the octets from the name's first one,
   * four at a time (one multiply per word), read big-endian whatever the buffer's byte order; a prefix's hash adds
   * the one to three octets after its last whole word and its length. So a prefix hashes like the same octets as a
   * whole name, wherever they sit and in any kind of buffer.
   */
  static int[] hashPrefixes(ByteBuffer b, int[] bounds, int n) {
    int[] h = new int[n + 1];
    int start = bounds[0];
    int acc = HASH_SEED;
    h[0] = mix(acc);
    int p = start;
    if (b.hasArray()) {
      byte[] a = b.array();
      int off = b.arrayOffset();
      for (int i = 1; i <= n; i++) {
        int end = bounds[i];
        for (; end - p >= 4; p += 4) {
          int q = off + p;
          acc = HASH_MULTIPLIER * acc
              + (a[q] << 24 | (a[q + 1] & 0xff) << 16 | (a[q + 2] & 0xff) << 8 | (a[q + 3] & 0xff));
        }
        int w = 0;
        for (int q = off + p; q < off + end; q++) {
          w = w << 8 | a[q] & 0xff;
        }
        h[i] = mix(HASH_MULTIPLIER * acc + w + (end - start));
      }
      return h;
    }
    boolean little = b.order() == ByteOrder.LITTLE_ENDIAN;
    for (int i = 1; i <= n; i++) {
      int end = bounds[i];
      for (; end - p >= 4; p += 4) {
        int w = b.getInt(p);
        acc = HASH_MULTIPLIER * acc + (little ? Integer.reverseBytes(w) : w);
      }
      int w = 0;
      for (int q = p; q < end; q++) {
        w = w << 8 | b.get(q) & 0xff;
      }
      h[i] = mix(HASH_MULTIPLIER * acc + w + (end - start));
    }
    return h;
  }

  /**
   * The hash of the name whose TLV-VALUE (its component TLVs) is the {@code len} octets of {@code a} from
   * {@code from}: what {@link #hashCode()} of that name gives, computed from the octets alone, so that a table keyed
   * by names can be probed with a name still in its packet, without making a {@code Name}. Int arithmetic only.
   */
  public static int hashValue(byte[] a, int from, int len) {
    if (len == 0) {
      return mix(HASH_SEED);
    }
    int acc = HASH_SEED;
    int p = from;
    int end = from + len;
    for (; end - p >= 4; p += 4) {
      acc = HASH_MULTIPLIER * acc
          + (a[p] << 24 | (a[p + 1] & 0xff) << 16 | (a[p + 2] & 0xff) << 8 | (a[p + 3] & 0xff));
    }
    int w = 0;
    for (; p < end; p++) {
      w = w << 8 | a[p] & 0xff;
    }
    return mix(HASH_MULTIPLIER * acc + w + len);
  }

  /**
   * Whether this name's TLV-VALUE (its component TLVs) is exactly the {@code len} octets of {@code a} from
   * {@code from}: equality with a name still in its packet. The octets are only read.
   */
  public boolean valueEquals(byte[] a, int from, int len) {
    int off = comps[0];
    if (comps[size] - off != len) {
      return false;
    }
    if (buf.hasArray()) {
      int o = buf.arrayOffset() + off;
      return Arrays.equals(buf.array(), o, o + len, a, from, from + len);
    }
    for (int i = 0; i < len; i++) {
      if (buf.get(off + i) != a[from + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The array that holds this name's TLV-VALUE (its component TLVs) from {@link #valueArrayOffset()} on, for
   * {@link #valueLength()} octets, or null if the name is a view of a buffer without an accessible array (a
   * read-only or direct buffer). Lets a table key a name by its octets without copying them. The array is the
   * packet's own: it must not be modified (packets are immutable views of their wire).
   */
  public byte[] valueArray() {
    return buf.hasArray() ? buf.array() : null;
  }

  /** Where this name's TLV-VALUE starts in {@link #valueArray()} (meaningless when that is null). */
  public int valueArrayOffset() {
    return buf.hasArray() ? buf.arrayOffset() + comps[0] : 0;
  }

  /**
   * Copies the TLV-VALUE of this name (its component TLVs, {@link #valueLength()} octets) into {@code dst} at
   * {@code off}, without making a view of it.
   */
  public void copyValueTo(byte[] dst, int off) {
    int from = comps[0];
    int len = comps[size] - from;
    if (buf.hasArray()) {
      System.arraycopy(buf.array(), buf.arrayOffset() + from, dst, off, len);
      return;
    }
    for (int i = 0; i < len; i++) {
      dst[off + i] = buf.get(from + i);
    }
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  @Override
  public int hashCode() {
    return prefixHash(size);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Name)) {
      return false;
    }
    Name n = (Name) o;
    int len = comps[size] - comps[0];
    return size == n.size && n.comps[n.size] - n.comps[0] == len
        && Tlv.equalBytes(buf, comps[0], n.buf, n.comps[0], len);
  }

  /** Canonical order: component by component; a proper prefix sorts before the longer name. */
  @Override
  public int compareTo(Name o) {
    int n = Math.min(size, o.size);
    for (int i = 0; i < n; i++) {
      int c = compareComponent(i, o, i);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(size, o.size);
  }

  int compareComponent(int i, Name o, int j) {
    Component a = Component.at(buf, comps[i], comps[i + 1]);
    Component b = Component.at(o.buf, o.comps[j], o.comps[j + 1]);
    return a.compareTo(b);
  }

  /** The NDN URI, e.g. {@code /ndn/edu/seg=3}; the empty name is {@code /}. */
  @Override
  public String toString() {
    if (size == 0) {
      return "/";
    }
    StringBuilder sb = new StringBuilder(valueLength() + size * 2);
    for (int i = 0; i < size; i++) {
      sb.append('/');
      Component.at(buf, comps[i], comps[i + 1]).appendUri(sb);
    }
    return sb.toString();
  }
}
