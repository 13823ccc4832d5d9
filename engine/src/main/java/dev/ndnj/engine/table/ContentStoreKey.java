package dev.ndnj.engine.table;

import dev.ndnj.tlv.Name;
import java.util.Arrays;

/**
 * A name as the {@link ContentStore} indexes it: a copy of its TLV-VALUE octets (the component TLVs) and its hash.
 * Building block shared by the implementations: each {@link ContentStoreEntry} is the key of its own Data, so an
 * exact-name lookup with a key made from the Interest's name compares one flat array instead of following a name
 * view to its offsets, buffer and octets, and the ordered index compares the same arrays.
 *
 * <p>Equality is by octets; {@link #hashCode()} is the name's own ({@link Name#hashCode()}), which the forwarder has
 * usually computed already. Comparing the octets as unsigned strings gives the canonical order of the NDN packet
 * format: a component TLV compares by TLV-TYPE, then TLV-LENGTH, then value exactly as its shortest-form encoding
 * compares octet by octet, and a name that is a prefix of another is an octet prefix of it. Immutable.
 */
public class ContentStoreKey {
  private final byte[] octets;
  private final int hash;

  /** The key of {@code name} (copies its component octets). */
  public ContentStoreKey(Name name) {
    byte[] o = new byte[name.valueLength()];
    name.copyValueTo(o, 0);
    this.octets = o;
    this.hash = name.hashCode();
  }

  final byte[] octets() {
    return octets;
  }

  /** Whether this key's name is a prefix of (or equal to) {@code other}'s. */
  public final boolean isPrefixOf(ContentStoreKey other) {
    byte[] k = other.octets;
    return k.length >= octets.length && Arrays.mismatch(k, 0, octets.length, octets, 0, octets.length) < 0;
  }

  /**
   * Canonical order of the names: unsigned lexicographic order of the octets, a proper prefix first.
   * {@link Arrays#mismatch} is vectorised by the JVM and exists in TeaVM's class library.
   */
  static int compare(ContentStoreKey x, ContentStoreKey y) {
    byte[] a = x.octets;
    byte[] b = y.octets;
    int i = Arrays.mismatch(a, b);
    if (i < 0) {
      return 0;
    }
    if (i == a.length || i == b.length) {
      return a.length - b.length;
    }
    return (a[i] & 0xff) - (b[i] & 0xff);
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
    return hash == k.hash && Arrays.equals(octets, k.octets);
  }

  @Override
  public final int hashCode() {
    return hash;
  }
}
