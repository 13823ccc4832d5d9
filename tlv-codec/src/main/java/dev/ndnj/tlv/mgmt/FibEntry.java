package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvRules;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * FibEntry (TLV-TYPE 0x80 in fib/list): a prefix (Name, required, first) and zero or more
 * {@link NextHopRecord}s. The prefix of a decoded entry is a view of the decoded bytes. Equality compares the
 * next hops in order (ndn-cxx's {@code operator==} ignores their order).
 */
public final class FibEntry extends PrefixEntry<NextHopRecord> {
  private static final String CTX = "FibEntry";
  private static final TlvRules RULES = rules(CTX, MgmtTypes.NEXT_HOP_RECORD);

  private FibEntry(Name prefix, List<NextHopRecord> nextHops, ByteBuffer buf, int start, int end) {
    super(MgmtTypes.FIB_ENTRY, prefix, nextHops, buf, start, end);
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one FibEntry element.
   *
   * @throws TlvException if they are not
   */
  public static FibEntry decode(ByteBuffer wire) {
    return decodeWhole(wire, CTX, MgmtTypes.FIB_ENTRY, RULES, NextHopRecord::decode, FibEntry::new);
  }

  /** Decodes the element at absolute offset {@code off} of {@code buf} (ending by {@code end}). */
  public static FibEntry decode(ByteBuffer buf, int off, int end, int base) {
    return decode(buf, off, end, base, MgmtTypes.FIB_ENTRY, RULES, NextHopRecord::decode, FibEntry::new);
  }

  /** The next hops, in wire order (unmodifiable). */
  public List<NextHopRecord> nextHops() {
    return records();
  }

  @Override
  public String toString() {
    return describe("FibEntry", "NextHops");
  }

  /** A builder for an entry of {@code prefix} with no next hop yet. */
  public static Builder builder(Name prefix) {
    return new Builder(prefix);
  }

  /** Builds a {@link FibEntry}. */
  public static final class Builder {
    private final Name prefix;
    private final List<NextHopRecord> nextHops = new ArrayList<>();

    private Builder(Name prefix) {
      this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** Appends a next hop. */
    public Builder addNextHop(NextHopRecord nh) {
      nextHops.add(Objects.requireNonNull(nh, "nextHop"));
      return this;
    }

    /** Appends a next hop through {@code faceId} at {@code cost}. */
    public Builder addNextHop(long faceId, long cost) {
      return addNextHop(NextHopRecord.of(faceId, cost));
    }

    /** The FibEntry. */
    public FibEntry build() {
      return new FibEntry(prefix, List.copyOf(nextHops), null, 0, 0);
    }
  }
}
