package dev.ndnj.engine.table;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;

/**
 * One Data held by a {@link ContentStore} and the time it stops being fresh; also the {@link ContentStoreKey} of its
 * Data's name, so that the store's maps use the entry itself as key. Building block shared by the implementations
 * (the LRU here, the Caffeine one in {@code table.caffeine}); the forwarder never sees entries.
 *
 * <p>Immutable apart from the ordered index's bookkeeping and what a subclass adds (the LRU's list links). Equality
 * is the key's (by name), so two entries for the same name are equal: stores compare entries with {@code ==}. The
 * entry keeps the Data as handed to {@link ContentStore#insert}; {@link #data()} returns that same view.
 */
public class ContentStoreEntry extends ContentStoreKey {
  /** {@link #indexSlot} of an entry in no {@link ContentStoreIndex}. */
  static final int NOT_INDEXED = -1;
  /** {@link #indexSlot} of an entry in the ordered part of a {@link ContentStoreIndex}. */
  static final int ORDERED = -2;

  private final Data data;
  private final long freshUntil;
  /** The Data's wire length, kept so that an eviction does not have to read the Data object again. */
  private final int weight;
  /** Where the {@link ContentStoreIndex} holds this entry: its slot among the pending ones, or a constant above. */
  int indexSlot = NOT_INDEXED;

  /**
   * An entry for {@code data} inserted at {@code insertedAt} (monotonic milliseconds). It is fresh until
   * {@code insertedAt + FreshnessPeriod}; a FreshnessPeriod of 0 (or none) makes it never fresh.
   */
  public ContentStoreEntry(Data data, long insertedAt) {
    super(data.name());
    this.data = data;
    this.weight = data.wireLength();
    long period = data.freshnessPeriod();
    long until = insertedAt + period;
    // A period beyond 2^63-1 ms reads as negative; both it and an overflowing sum mean "fresh for ever".
    this.freshUntil = period < 0 || until < insertedAt ? Long.MAX_VALUE : until;
  }

  /** The stored Data (the view handed to insert; never copied). */
  public final Data data() {
    return data;
  }

  /** The Data's name (a view into the Data). */
  public final Name name() {
    return data.name();
  }

  /** Weight in bytes: the Data's wire length. */
  public final int weight() {
    return weight;
  }

  /** Monotonic time from which the Data is stale. */
  public final long freshUntil() {
    return freshUntil;
  }

  /** Whether this entry may answer an Interest with the given MustBeFresh at monotonic time {@code now}. */
  public final boolean satisfies(boolean mustBeFresh, long now) {
    return !mustBeFresh || now < freshUntil;
  }

  /**
   * Whether the last component of {@code interestName} (an ImplicitSha256DigestComponent) equals this Data's
   * implicit digest. Computes the digest (SHA-256 of the whole Data, kept by the Data) on first use; call it only
   * once the name without that component has matched.
   */
  public final boolean digestMatches(Name interestName) {
    ByteBuffer v = interestName.get(interestName.size() - 1).value();
    if (v.remaining() != 32) {
      return false;
    }
    byte[] d = data.implicitDigest();
    int p = v.position();
    for (int i = 0; i < 32; i++) {
      if (v.get(p + i) != d[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return data.name().toString();
  }
}
