package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvRules;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link FibEntry} and {@link RibEntry} share: an element of a prefix (Name, required, first) and zero or more
 * records of one kind, in wire order. A decoded entry is a view of the decoded bytes; a built one encodes once, when
 * its wire is first asked for. Equality compares the records in order (ndn-cxx's {@code operator==} ignores it).
 *
 * @param <R> the record type
 */
abstract class PrefixEntry<R extends Encodable> extends MgmtElement {
  /** Decodes one record of an entry from {@code [off, end)} of {@code buf}. */
  interface RecordDecoder<R> {
    R decode(ByteBuffer buf, int off, int end, int base);
  }

  /** Makes the entry object from its decoded (or built) parts. */
  interface Maker<R, E> {
    E make(Name prefix, List<R> records, ByteBuffer buf, int start, int end);
  }

  private final int type;
  private final Name prefix;
  private final List<R> records;

  PrefixEntry(int type, Name prefix, List<R> records, ByteBuffer buf, int start, int end) {
    super(buf, start, end);
    this.type = type;
    this.prefix = prefix;
    this.records = records;
  }

  /** The rules of an entry of {@code ctx} whose records have TLV-TYPE {@code recordType}. */
  static TlvRules rules(String ctx, int recordType) {
    return TlvRules.of(ctx, TlvTypes.NAME, recordType).repeatable(recordType);
  }

  /** Decodes the element of TLV-TYPE {@code type} at offset {@code off} of {@code buf}, ending by {@code end}. */
  static <R, E> E decode(ByteBuffer buf, int off, int end, int base, int type, TlvRules rules,
      RecordDecoder<R> record, Maker<R, E> maker) {
    Children c = Children.open(buf, off, end, base, type, rules, false);
    Name prefix = null;
    List<R> records = new ArrayList<>();
    while (c.next()) {
      if (c.slot == 1) {
        prefix = c.name();
      } else {
        records.add(record.decode(buf, c.childStart, c.childEnd, base));
      }
    }
    c.require(1, "Name");
    return maker.make(prefix, List.copyOf(records), buf, off, c.end());
  }

  /** Decodes the buffer's remaining octets, which must be exactly one such element. */
  static <R, E extends PrefixEntry<?>> E decodeWhole(ByteBuffer wire, String ctx, int type, TlvRules rules,
      RecordDecoder<R> record, Maker<R, E> maker) {
    return decodeWhole(wire, ctx, (b, off, end, base) -> decode(b, off, end, base, type, rules, record, maker));
  }

  /** The prefix. */
  public final Name prefix() {
    return prefix;
  }

  /** The records, in wire order (unmodifiable). */
  final List<R> records() {
    return records;
  }

  @Override
  public final void prependTo(TlvEncoder enc) {
    int mark = enc.size();
    for (int i = records.size() - 1; i >= 0; i--) {
      records.get(i).prependTo(enc);
    }
    prefix.prependTo(enc);
    enc.prependHeader(type, enc.size() - mark);
  }

  @Override
  public final boolean equals(Object o) {
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    PrefixEntry<?> e = (PrefixEntry<?>) o;
    return prefix.equals(e.prefix) && records.equals(e.records);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(prefix, records);
  }

  /** {@code Label(Prefix: /p, Records: [...])}. */
  final String describe(String label, String recordsLabel) {
    return label + "(Prefix: " + prefix + ", " + recordsLabel + ": " + records + ")";
  }
}
