package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvRules;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * FibEntry (TLV-TYPE 0x80 in fib/list): a prefix (Name, required, first) and zero or more
 * {@link NextHopRecord}s. The prefix of a decoded entry is a view of the decoded bytes. Equality compares the
 * next hops in order (ndn-cxx's {@code operator==} ignores their order).
 */
public final class FibEntry implements Encodable {
  private static final String CTX = "FibEntry";
  private static final TlvRules RULES = TlvRules.of(CTX, TlvTypes.NAME, MgmtTypes.NEXT_HOP_RECORD)
      .repeatable(MgmtTypes.NEXT_HOP_RECORD);

  private final Name prefix;
  private final List<NextHopRecord> nextHops;
  private final ByteBuffer buf;
  private final int start;
  private final int end;
  private ByteBuffer ownWire;

  private FibEntry(Name prefix, List<NextHopRecord> nextHops, ByteBuffer buf, int start, int end) {
    this.prefix = prefix;
    this.nextHops = nextHops;
    this.buf = buf;
    this.start = start;
    this.end = end;
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one FibEntry element.
   *
   * @throws TlvException if they are not
   */
  public static FibEntry decode(ByteBuffer wire) {
    int off = wire.position();
    FibEntry e = decode(wire, off, wire.limit(), off);
    Children.checkWhole(wire, e.end, CTX);
    return e;
  }

  /** Decodes the element at absolute offset {@code off} of {@code buf} (ending by {@code end}). */
  public static FibEntry decode(ByteBuffer buf, int off, int end, int base) {
    Children c = Children.open(buf, off, end, base, MgmtTypes.FIB_ENTRY, RULES, false);
    Name prefix = null;
    List<NextHopRecord> hops = new ArrayList<>();
    while (c.next()) {
      if (c.slot == 1) {
        prefix = c.name();
      } else {
        hops.add(NextHopRecord.decode(buf, c.childStart, c.childEnd, base));
      }
    }
    c.require(1, "Name");
    return new FibEntry(prefix, List.copyOf(hops), buf, off, c.end());
  }

  /** The prefix. */
  public Name prefix() {
    return prefix;
  }

  /** The next hops, in wire order (unmodifiable). */
  public List<NextHopRecord> nextHops() {
    return nextHops;
  }

  @Override
  public void prependTo(TlvEncoder enc) {
    int mark = enc.size();
    for (int i = nextHops.size() - 1; i >= 0; i--) {
      nextHops.get(i).prependTo(enc);
    }
    prefix.prependTo(enc);
    enc.prependHeader(MgmtTypes.FIB_ENTRY, enc.size() - mark);
  }

  @Override
  public ByteBuffer wire() {
    if (buf != null) {
      return Tlv.view(buf, start, end - start);
    }
    ByteBuffer w = ownWire;
    if (w == null) {
      w = Children.encode(this);
      ownWire = w;
    }
    return w.duplicate();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FibEntry && prefix.equals(((FibEntry) o).prefix) && nextHops.equals(((FibEntry) o).nextHops);
  }

  @Override
  public int hashCode() {
    return Objects.hash(prefix, nextHops);
  }

  @Override
  public String toString() {
    return "FibEntry(Prefix: " + prefix + ", NextHops: " + nextHops + ")";
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
