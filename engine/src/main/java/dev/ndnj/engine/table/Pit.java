package dev.ndnj.engine.table;

import dev.ndnj.engine.face.Face;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Pending Interest Table. Entries are keyed by (name, CanBePrefix, MustBeFresh) in a {@link NameTable}, so a
 * Data finds every matching entry by probing each prefix of its name once (CanBePrefix entries on shorter
 * prefixes, all entries on the full name, and entries named by the Data's full name with implicit digest).
 *
 * <p>Bounded: at most {@code maxEntries} entries, and at most {@code perFaceQuota} in-records from one face, so one
 * face cannot fill the table; refusals are counted. Forwarding thread only.
 */
public final class Pit {
  /**
   * Longest InterestLifetime a record honours (10 days, as NFD caps it): a larger value (the codec accepts up to
   * 2^63-1 ms) would overflow the expiry time.
   */
  public static final long MAX_LIFETIME_MILLIS = 10L * 24 * 3600 * 1000;

  private final NameTable<PitEntry[]> table = new NameTable<>();
  private final Map<Face, int[]> inRecordsByFace = new HashMap<>();
  private final int maxEntries;
  private final int perFaceQuota;
  private int size;
  private int digestEntries;
  private long refusedFull;
  private long refusedQuota;
  /**
   * The name {@link #find} probed last and the bucket it found (null: none), so that the {@link #insert} that
   * usually follows for the same Interest does not probe again; forgotten whenever the table changes.
   */
  private Name probedName;
  private PitEntry[] probedBucket;
  private Face lastQuotaFace;
  private int[] lastQuotaCount;

  /** A PIT of at most {@code maxEntries} entries and {@code perFaceQuota} in-records per face. */
  public Pit(int maxEntries, int perFaceQuota) {
    if (maxEntries < 1 || perFaceQuota < 1) {
      throw new IllegalArgumentException("PIT bounds must be positive");
    }
    this.maxEntries = maxEntries;
    this.perFaceQuota = perFaceQuota;
  }

  private static int slot(boolean canBePrefix, boolean mustBeFresh) {
    return (canBePrefix ? 2 : 0) | (mustBeFresh ? 1 : 0);
  }

  /** The entry for this Interest's (name, CanBePrefix, MustBeFresh), or null. */
  public PitEntry find(Interest interest) {
    Name name = interest.name();
    PitEntry[] b = table.get(name);
    probedName = name;
    probedBucket = b;
    return b == null ? null : b[slot(interest.canBePrefix(), interest.mustBeFresh())];
  }

  /**
   * Whether some entry (any CanBePrefix and MustBeFresh) is named by the name whose TLV-VALUE is the {@code len}
   * octets of {@code a} from {@code from}, with {@code hash} its {@link Name#hashValue}: the forwarder's Content Store
   * short path, which reads the Interest in place, asks it.
   */
  public boolean hasEntries(byte[] a, int from, int len, int hash) {
    return size != 0 && table.get(a, from, len, hash) != null;
  }

  /**
   * The entry for this Interest, created if absent; null if the table is full (counted). A new entry has no
   * records.
   */
  public PitEntry insert(Interest interest) {
    Name name = interest.name();
    PitEntry[] b = name == probedName ? probedBucket : table.get(name);
    probedName = null;
    probedBucket = null;
    int s = slot(interest.canBePrefix(), interest.mustBeFresh());
    if (b != null && b[s] != null) {
      return b[s];
    }
    if (size >= maxEntries) {
      refusedFull++;
      return null;
    }
    if (b == null) {
      b = new PitEntry[4];
      table.put(name, b);
    }
    PitEntry e = new PitEntry(interest);
    b[s] = e;
    size++;
    if (name.size() > 0 && name.componentType(name.size() - 1) == TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT) {
      digestEntries++;
    }
    return e;
  }

  /** Removes an entry (its records are released, its timer cancelled). */
  public void erase(PitEntry e) {
    if (e.erased) {
      return;
    }
    e.erased = true;
    probedName = null;
    probedBucket = null;
    e.setExpiryTimer(null);
    clearInRecords(e);
    e.outRecords.clear();
    int at = table.indexOf(e.name);
    if (at >= 0) {
      PitEntry[] b = table.valueAt(at);
      int s = slot(e.canBePrefix, e.mustBeFresh);
      if (b[s] == e) {
        b[s] = null;
        size--;
        Name name = e.name;
        if (digestEntries > 0 && name.size() > 0
            && name.componentType(name.size() - 1) == TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT) {
          digestEntries--;
        }
        if (b[0] == null && b[1] == null && b[2] == null && b[3] == null) {
          table.removeAt(at);
        }
      }
    }
  }

  /**
   * Adds every entry {@code data} satisfies to {@code out}: CanBePrefix entries named by a proper prefix of the
   * Data name, entries named exactly like it (MustBeFresh ones only if FreshnessPeriod is above 0), and entries
   * named by its full name.
   */
  public void findAllDataMatches(Data data, List<PitEntry> out) {
    Name dn = data.name();
    boolean fresh = data.freshnessPeriod() > 0;
    int n = dn.size();
    for (int k = Math.min(n, table.maxKeyLength()); k >= 0; k--) {
      if (!table.hasKeysOfLength(k)) {
        continue;
      }
      PitEntry[] b = table.get(dn, k);
      if (b == null) {
        continue;
      }
      if (k == n) {
        add(out, b[0]);
        if (fresh) {
          add(out, b[1]);
        }
      }
      add(out, b[2]);
      if (fresh) {
        add(out, b[3]);
      }
    }
    if (digestEntries > 0) {
      PitEntry[] b = table.get(data.fullName());
      if (b != null) {
        add(out, b[0]);
        add(out, b[2]);
        if (fresh) {
          add(out, b[1]);
          add(out, b[3]);
        }
      }
    }
  }

  private static void add(List<PitEntry> out, PitEntry e) {
    if (e != null) {
      out.add(e);
    }
  }

  /**
   * Adds or refreshes the in-record of {@code face}; null if the face's quota is used up (counted).
   *
   * @param pitToken PitToken to echo (a view), or null
   */
  public InRecord insertOrUpdateInRecord(PitEntry e, Face face, Interest interest, ByteBuffer pitToken, long now) {
    InRecord r = e.inRecord(face);
    if (r == null) {
      int[] count = quotaCount(face);
      if (count[0] >= perFaceQuota) {
        refusedQuota++;
        return null;
      }
      count[0]++;
      r = new InRecord(face);
      r.quotaCount = count;
      e.inRecords.add(r);
    }
    r.interest = interest;
    r.nonce = interest.nonce();
    r.lastRenewed = now;
    r.expiry = now + Math.min(interest.lifetime(), MAX_LIFETIME_MILLIS);
    r.pitToken = pitToken;
    e.interest = interest;
    return r;
  }

  /** Removes the in-record of {@code face}, if any. */
  public void deleteInRecord(PitEntry e, Face face) {
    for (int i = 0; i < e.inRecords.size(); i++) {
      InRecord r = e.inRecords.get(i);
      if (r.face == face) {
        e.inRecords.remove(i);
        release(r);
        return;
      }
    }
  }

  /** Removes every in-record. */
  public void clearInRecords(PitEntry e) {
    for (int i = 0; i < e.inRecords.size(); i++) {
      release(e.inRecords.get(i));
    }
    e.inRecords.clear();
  }

  /**
   * The in-record counter of {@code face}, made at its first in-record; the last one asked for is kept at hand, since
   * the Interests of a batch mostly come from one face. The counter stays (at 0) for the face's next in-record, with
   * no map churn per Interest; {@link #forgetFace} drops it.
   */
  private int[] quotaCount(Face face) {
    if (face == lastQuotaFace) {
      return lastQuotaCount;
    }
    int[] count = inRecordsByFace.get(face);
    if (count == null) {
      count = new int[1];
      inRecordsByFace.put(face, count);
    }
    lastQuotaFace = face;
    lastQuotaCount = count;
    return count;
  }

  private static void release(InRecord r) {
    int[] count = r.quotaCount;
    if (count[0] > 0) {
      count[0]--;
    }
  }

  /** Drops the in-record counter of a face that was removed (after its records were deleted). */
  public void forgetFace(Face face) {
    inRecordsByFace.remove(face);
    if (face == lastQuotaFace) {
      lastQuotaFace = null;
      lastQuotaCount = null;
    }
  }

  /** Adds or refreshes the out-record of {@code face} for an Interest sent with {@code nonce}. */
  public OutRecord insertOrUpdateOutRecord(PitEntry e, Face face, Interest interest, long now) {
    OutRecord r = e.outRecord(face);
    if (r == null) {
      r = new OutRecord(face);
      e.outRecords.add(r);
    }
    r.nonce = interest.nonce();
    r.lastRenewed = now;
    r.expiry = now + Math.min(interest.lifetime(), MAX_LIFETIME_MILLIS);
    r.incomingNack = -1;
    return r;
  }

  /** Removes the out-record of {@code face}, if any. */
  public void deleteOutRecord(PitEntry e, Face face) {
    for (int i = 0; i < e.outRecords.size(); i++) {
      if (e.outRecords.get(i).face == face) {
        e.outRecords.remove(i);
        return;
      }
    }
  }

  /** Every entry (a snapshot), for face cleanup and listing. */
  public List<PitEntry> entries() {
    List<PitEntry> out = new java.util.ArrayList<>(size);
    for (PitEntry[] b : table.values()) {
      for (PitEntry e : b) {
        if (e != null) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** Number of entries. */
  public int size() {
    return size;
  }

  /** In-records currently held for {@code face}. */
  public int inRecordCount(Face face) {
    int[] c = inRecordsByFace.get(face);
    return c == null ? 0 : c[0];
  }

  /** Entries refused because the table was full. */
  public long refusedFull() {
    return refusedFull;
  }

  /** In-records refused because a face's quota was used up. */
  public long refusedQuota() {
    return refusedQuota;
  }
}
