package dev.ndnj.engine.table;

import dev.ndnj.tlv.Name;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A FIB entry: a name prefix and its next hops, kept sorted by cost (then face id). */
public final class FibEntry {
  final Name prefix;
  final List<NextHop> nextHops = new ArrayList<>(2);
  private final List<NextHop> view = Collections.unmodifiableList(nextHops);

  FibEntry(Name prefix) {
    this.prefix = prefix;
  }

  /** The prefix. */
  public Name prefix() {
    return prefix;
  }

  /** The next hops, lowest cost first (read-only live view). */
  public List<NextHop> nextHops() {
    return view;
  }

  /** Whether there is a next hop. */
  public boolean hasNextHops() {
    return !nextHops.isEmpty();
  }

  @Override
  public String toString() {
    return "FibEntry(" + prefix + " " + nextHops + ")";
  }
}
