package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvRules;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * RibEntry (TLV-TYPE 0x80 in rib/list): a prefix (Name, required, first) and zero or more {@link Route}s. The
 * prefix of a decoded entry is a view of the decoded bytes. Equality compares the routes in order (ndn-cxx's
 * {@code operator==} ignores their order).
 */
public final class RibEntry extends PrefixEntry<Route> {
  private static final String CTX = "RibEntry";
  private static final TlvRules RULES = rules(CTX, MgmtTypes.ROUTE);

  private RibEntry(Name prefix, List<Route> routes, ByteBuffer buf, int start, int end) {
    super(MgmtTypes.RIB_ENTRY, prefix, routes, buf, start, end);
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one RibEntry element.
   *
   * @throws TlvException if they are not
   */
  public static RibEntry decode(ByteBuffer wire) {
    return decodeWhole(wire, CTX, MgmtTypes.RIB_ENTRY, RULES, Route::decode, RibEntry::new);
  }

  /** Decodes the element at absolute offset {@code off} of {@code buf} (ending by {@code end}). */
  public static RibEntry decode(ByteBuffer buf, int off, int end, int base) {
    return decode(buf, off, end, base, MgmtTypes.RIB_ENTRY, RULES, Route::decode, RibEntry::new);
  }

  /** The routes, in wire order (unmodifiable). */
  public List<Route> routes() {
    return records();
  }

  @Override
  public String toString() {
    return describe("RibEntry", "Routes");
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
