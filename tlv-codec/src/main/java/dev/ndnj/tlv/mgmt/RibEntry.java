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
 * RibEntry (TLV-TYPE 0x80 in rib/list): a prefix (Name, required, first) and zero or more {@link Route}s. The
 * prefix of a decoded entry is a view of the decoded bytes. Equality compares the routes in order (ndn-cxx's
 * {@code operator==} ignores their order).
 */
public final class RibEntry implements Encodable {
  private static final String CTX = "RibEntry";
  private static final TlvRules RULES = TlvRules.of(CTX, TlvTypes.NAME, MgmtTypes.ROUTE).repeatable(MgmtTypes.ROUTE);

  private final Name prefix;
  private final List<Route> routes;
  private final ByteBuffer buf;
  private final int start;
  private final int end;
  private ByteBuffer ownWire;

  private RibEntry(Name prefix, List<Route> routes, ByteBuffer buf, int start, int end) {
    this.prefix = prefix;
    this.routes = routes;
    this.buf = buf;
    this.start = start;
    this.end = end;
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one RibEntry element.
   *
   * @throws TlvException if they are not
   */
  public static RibEntry decode(ByteBuffer wire) {
    int off = wire.position();
    RibEntry e = decode(wire, off, wire.limit(), off);
    Children.checkWhole(wire, e.end, CTX);
    return e;
  }

  /** Decodes the element at absolute offset {@code off} of {@code buf} (ending by {@code end}). */
  public static RibEntry decode(ByteBuffer buf, int off, int end, int base) {
    Children c = Children.open(buf, off, end, base, MgmtTypes.RIB_ENTRY, RULES, false);
    Name prefix = null;
    List<Route> routes = new ArrayList<>();
    while (c.next()) {
      if (c.slot == 1) {
        prefix = c.name();
      } else {
        routes.add(Route.decode(buf, c.childStart, c.childEnd, base));
      }
    }
    c.require(1, "Name");
    return new RibEntry(prefix, List.copyOf(routes), buf, off, c.end());
  }

  /** The prefix. */
  public Name prefix() {
    return prefix;
  }

  /** The routes, in wire order (unmodifiable). */
  public List<Route> routes() {
    return routes;
  }

  @Override
  public void prependTo(TlvEncoder enc) {
    int mark = enc.size();
    for (int i = routes.size() - 1; i >= 0; i--) {
      routes.get(i).prependTo(enc);
    }
    prefix.prependTo(enc);
    enc.prependHeader(MgmtTypes.RIB_ENTRY, enc.size() - mark);
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
    return o instanceof RibEntry && prefix.equals(((RibEntry) o).prefix) && routes.equals(((RibEntry) o).routes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(prefix, routes);
  }

  @Override
  public String toString() {
    return "RibEntry(Prefix: " + prefix + ", Routes: " + routes + ")";
  }

  /** A builder for an entry of {@code prefix} with no route yet. */
  public static Builder builder(Name prefix) {
    return new Builder(prefix);
  }

  /** Builds a {@link RibEntry}. */
  public static final class Builder {
    private final Name prefix;
    private final List<Route> routes = new ArrayList<>();

    private Builder(Name prefix) {
      this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** Appends a route. */
    public Builder addRoute(Route r) {
      routes.add(Objects.requireNonNull(r, "route"));
      return this;
    }

    /** The RibEntry. */
    public RibEntry build() {
      return new RibEntry(prefix, List.copyOf(routes), null, 0, 0);
    }
  }
}
