package dev.ndnj.engine.table;

import dev.ndnj.tlv.Name;
import java.util.Arrays;

/**
 * A name as the {@link ContentStore} indexes it: its TLV-VALUE octets (the component TLVs) as one flat array range,
 * and its hash. Building block shared by the implementations: each {@link ContentStoreEntry} is the key of its own
 * Data, so an exact-name lookup with a key made from the Interest's name compares two array ranges instead of
 * following a name view to its offsets, buffer and octets, and the ordered index compares the same ranges.
 *
 * <p>The range is the name's own octets in its packet's array when the packet is array-backed (the common case: a
 * received or encoded packet), so neither a lookup key nor an entry copies anything; the entry keeps its Data, and so
 * that array, anyway. A name in a buffer without an accessible array (read-only or direct) is copied once.
 *
 * <p>Equality is by octets; {@link #hashCode()} is the name's own ({@link Name#hashCode()}), which the forwarder has
 * usually computed already. Comparing the octets as unsigned strings gives the canonical order of the NDN packet
 * format: a component TLV compares by TLV-TYPE, then TLV-LENGTH, then value exactly as its shortest-form encoding
 * compares octet by octet, and a name that is a prefix of another is an octet prefix of it. Immutable.
 */
public class ContentStoreKey {
  private final byte[] octets;
  private final int from;
  private final int length;
  private final int hash;

  /** The key of {@code name} (a view of its octets, or a copy when its buffer has no accessible array). */
  public ContentStoreKey(Name name) {
    byte[] a = name.valueArray();
    int len = name.valueLength();
    if (a != null) {
      this.octets = a;
      this.from = name.valueArrayOffset();
    } else {
      byte[] o = new byte[len];
      name.copyValueTo(o, 0);
      this.octets = o;
      this.from = 0;
    }
    this.length = len;
    this.hash = name.hashCode();
  }

  /**
   * The key of the name whose TLV-VALUE is the {@code length} octets of {@code octets} from {@code from}, with
   * {@code hash} its {@link Name#hashCode()} ({@link Name#hashValue} of those octets): a probe for a name still in its
   * packet. The octets are not copied; the caller keeps them unchanged while the key is in use.
   */
  public ContentStoreKey(byte[] octets, int from, int length, int hash) {
    this.octets = octets;
    this.from = from;
    this.length = length;
    this.hash = hash;
  }

  /**
   * Whether this key's name has exactly the TLV-VALUE {@code a[off, off + len)}: equality with a name still in its
   * packet (a Content Store probe by octets). The octets are only read.
   */
  public final boolean hasValue(byte[] a, int off, int len) {
    return len == length && Arrays.equals(octets, from, from + length, a, off, off + len);
  }

  /** Whether this key's name is a prefix of (or equal to) {@code other}'s. */
  public final boolean isPrefixOf(ContentStoreKey other) {
    return other.length >= length
        && Arrays.mismatch(other.octets, other.from, other.from + length, octets, from, from + length) < 0;
  }

  /**
   * Canonical order of the names: unsigned lexicographic order of the octets, a proper prefix first.
   * {@link Arrays#mismatch} is vectorised by the JVM and exists in TeaVM's class library.
   */
  static int compare(ContentStoreKey x, ContentStoreKey y) {
    byte[] a = x.octets;
    byte[] b = y.octets;
    int i = Arrays.mismatch(a, x.from, x.from + x.length, b, y.from, y.from + y.length);
    if (i < 0) {
      return 0;
    }
    if (i == x.length || i == y.length) {
      return x.length - y.length;
    }
    return (a[x.from + i] & 0xff) - (b[y.from + i] & 0xff);
  }

  /** Equal when the names are: same octets (any subclass; an entry equals the key of its name). */
  @Override
  public final boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ContentStoreKey)) {
      return false;
    }
    ContentStoreKey k = (ContentStoreKey) o;
    return hash == k.hash && length == k.length
        && Arrays.equals(octets, from, from + length, k.octets, k.from, k.from + length);
  }

  @Override
  public final int hashCode() {
    return hash;
  }
}
