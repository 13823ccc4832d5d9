package dev.ndnj.engine.table;

import dev.ndnj.engine.face.Face;
import dev.ndnj.tlv.Name;
import java.util.List;

/**
 * The Forwarding Information Base: name prefixes to next hops. Longest-prefix match hashes each prefix of the name
 * once ({@link NameTable}) and probes from the longest key length down. Forwarding thread only.
 */
public final class Fib {
  private static final FibEntry EMPTY = new FibEntry(Name.ROOT);
  private final NameTable<FibEntry> table = new NameTable<>();

  /** The entry with the longest prefix of {@code name}, or an empty entry (no next hops) if none. Never null. */
  public FibEntry findLongestPrefixMatch(Name name) {
    FibEntry e = table.longestPrefixMatch(name);
    return e == null ? EMPTY : e;
  }

  /** The entry for exactly {@code prefix}, or null. */
  public FibEntry findExactMatch(Name prefix) {
    return table.get(prefix);
  }

  /** Adds a next hop or updates its cost. */
  public FibEntry addOrUpdateNextHop(Name prefix, Face face, long cost) {
    if (cost < 0) {
      throw new IllegalArgumentException("cost must be >= 0");
    }
    FibEntry e = table.get(prefix);
    if (e == null) {
      e = new FibEntry(prefix);
      table.put(prefix, e);
    }
    List<NextHop> hops = e.nextHops;
    for (int i = 0; i < hops.size(); i++) {
      if (hops.get(i).face() == face) {
        hops.remove(i);
        break;
      }
    }
    NextHop nh = new NextHop(face, cost);
    int at = 0;
    while (at < hops.size() && (hops.get(at).cost() < cost
        || hops.get(at).cost() == cost && hops.get(at).face().id() < face.id())) {
      at++;
    }
    hops.add(at, nh);
    return e;
  }

  /** Removes the next hop of {@code face} under {@code prefix}; the entry goes when it has none left. */
  public boolean removeNextHop(Name prefix, Face face) {
    FibEntry e = table.get(prefix);
    if (e == null) {
      return false;
    }
    boolean removed = removeFace(e, face);
    if (e.nextHops.isEmpty()) {
      table.remove(prefix);
    }
    return removed;
  }

  private static boolean removeFace(FibEntry e, Face face) {
    for (int i = 0; i < e.nextHops.size(); i++) {
      if (e.nextHops.get(i).face() == face) {
        e.nextHops.remove(i);
        return true;
      }
    }
    return false;
  }

  /** Removes {@code face} from every entry (face removal); returns the number of next hops removed. */
  public int removeFace(Face face) {
    int n = 0;
    for (FibEntry e : table.values()) {
      if (removeFace(e, face)) {
        n++;
        if (e.nextHops.isEmpty()) {
          table.remove(e.prefix);
        }
      }
    }
    return n;
  }

  /** Every entry (a snapshot). */
  public List<FibEntry> entries() {
    return table.values();
  }

  /** Number of entries. */
  public int size() {
    return table.size();
  }
}
