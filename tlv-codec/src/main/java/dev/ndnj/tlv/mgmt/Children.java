package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvRules;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Walks the children of one management element with its {@link TlvRules} table: known children come back with
 * their slot, unknown non-critical ones are skipped, critical rule breaks throw. Also reads the value kinds the
 * management protocol uses (NonNegativeInteger in three ranges, UTF-8 text, Name) with errors that name the field.
 *
 * <p>In order mode (datasets, as ndn-cxx decodes them) a known child out of order is skipped if non-critical and
 * an error if critical. In any-order mode (ControlParameters, which ndn-cxx looks up field by field) order is
 * free; a repeated child is an error if critical and ignored otherwise. The bytes are borrowed for the walk.
 */
final class Children {
  private final ByteBuffer buf;
  private final int base;
  private final String ctx;
  private final TlvRules rules;
  private final boolean anyOrder;
  private final int elementStart;
  private final int end;
  private int pos;
  private int last;
  private long seen;

  /** Slot (1-based, in the rules table) of the current child. */
  int slot;
  /** Offset of the current child's TLV-TYPE. */
  int childStart;
  /** Offset of the current child's TLV-VALUE. */
  int valueStart;
  /** Offset just past the current child. */
  int childEnd;

  private Children(ByteBuffer buf, int base, String ctx, TlvRules rules, boolean anyOrder, int elementStart,
      int from, int end) {
    this.buf = buf;
    this.base = base;
    this.ctx = ctx;
    this.rules = rules;
    this.anyOrder = anyOrder;
    this.elementStart = elementStart;
    this.pos = from;
    this.end = end;
  }

  /** Opens the element at {@code off} (ending by {@code end}), which must be of TLV-TYPE {@code type}. */
  static Children open(ByteBuffer buf, int off, int end, int base, int type, TlvRules rules, boolean anyOrder) {
    String ctx = rules.element();
    int t = Tlv.readType(buf, off, end, base, ctx);
    if (t != type) {
      throw new TlvException(ctx + ": expected TLV-TYPE " + type + ", got " + Long.toString(t & 0xffffffffL),
          off - base);
    }
    int elemEnd = Tlv.elementEnd(buf, off, end, base, ctx);
    return new Children(buf, base, ctx, rules, anyOrder, off, Tlv.valueStart(buf, off), elemEnd);
  }

  /** Walks the elements in {@code [from, to)}, which belong to no element of their own (a dataset payload). */
  static Children range(ByteBuffer buf, int from, int to, int base, TlvRules rules) {
    return new Children(buf, base, rules.element(), rules, false, from, from, to);
  }

  /**
   * For a top-level decode: throws unless the element decoded from {@code wire} ended exactly at its limit.
   */
  static void checkWhole(ByteBuffer wire, int elementEnd, String ctx) {
    if (elementEnd != wire.limit()) {
      throw new TlvException(ctx + ": " + (wire.limit() - elementEnd) + " trailing octets after the element",
          elementEnd - wire.position());
    }
  }

  /** Offset just past the element (or range) being walked. */
  int end() {
    return end;
  }

  /** Offset of the element's own TLV-TYPE (or the start of the range). */
  int start() {
    return elementStart;
  }

  /** Moves to the next child to process; false at the end. */
  boolean next() {
    while (pos < end) {
      int type = Tlv.readType(buf, pos, end, base, ctx);
      int next = Tlv.elementEnd(buf, pos, end, base, ctx);
      int s = rules.classify(type, anyOrder ? 0 : last, pos, base);
      if (anyOrder && s != TlvRules.SKIP && (seen & 1L << s) != 0) {
        if (TlvTypes.isCritical(type & 0xffffffffL)) {
          throw new TlvException(ctx + ": TLV-TYPE " + Long.toString(type & 0xffffffffL) + " repeated", pos - base);
        }
        s = TlvRules.SKIP;
      }
      int here = pos;
      pos = next;
      if (s == TlvRules.SKIP) {
        continue;
      }
      slot = s;
      last = s;
      seen |= 1L << s;
      childStart = here;
      valueStart = Tlv.valueStart(buf, here);
      childEnd = next;
      return true;
    }
    return false;
  }

  /** Whether a child of {@code slot} was met. */
  boolean has(int s) {
    return (seen & 1L << s) != 0;
  }

  /** Throws unless a child of {@code slot} was met ({@code field} names it, as ndn-cxx's message does). */
  void require(int s, String field) {
    if (!has(s)) {
      throw new TlvException(ctx + ": missing required " + field + " field", elementStart - base);
    }
  }

  private long nni(String field) {
    int len = childEnd - valueStart;
    if (len != 1 && len != 2 && len != 4 && len != 8) {
      throw new TlvException(ctx + ": " + field + " of length " + len
          + " is not a NonNegativeInteger (1, 2, 4 or 8 octets)", childStart - base);
    }
    return Tlv.readNonNegativeInteger(buf, valueStart, len, base, ctx);
  }

  /** The current child as a NonNegativeInteger of at most 2^63-1 (counts, ids, durations). */
  long number(String field) {
    long v = nni(field);
    if (v < 0) {
      throw new TlvException(ctx + ": " + field + " above 2^63-1", childStart - base);
    }
    return v;
  }

  /** The current child as a 64-bit field of bits (Flags, Mask): all 64 bits kept. */
  long bits(String field) {
    return nni(field);
  }

  /** The current child as a NonNegativeInteger of at most {@code max} (the enumerations ndn-cxx reads narrowly). */
  long upTo(String field, long max) {
    long v = nni(field);
    if (v < 0 || v > max) {
      throw new TlvException(ctx + ": " + field + " " + unsigned(v) + " is out of range (0.."
          + max + ")", childStart - base);
    }
    return v;
  }

  /** The current child's value as UTF-8 text (a copy; malformed sequences become U+FFFD). */
  String text() {
    return new String(Tlv.copy(buf, valueStart, childEnd - valueStart), StandardCharsets.UTF_8);
  }

  /** The current child, which must be a Name, as a view. */
  Name name() {
    return Name.decode(buf, childStart, childEnd, base);
  }

  /**
   * The current child's value, which must hold a Name first (Strategy); anything after the Name follows the
   * evolvability rules of {@code inner}.
   */
  Name nestedName(TlvRules inner, String field) {
    if (valueStart >= childEnd) {
      throw new TlvException(ctx + ": " + field + " must hold a Name", childStart - base);
    }
    Children c = new Children(buf, base, inner.element(), inner, false, childStart, valueStart, childEnd);
    Name n = null;
    while (c.next()) {
      if (c.slot == 1) {
        n = c.name();
      }
    }
    if (n == null) {
      throw new TlvException(ctx + ": " + field + " must hold a Name", childStart - base);
    }
    return n;
  }

  // ---- encoding helpers ----

  /** UTF-8 octets of {@code s} (owned by the caller). */
  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Prepends a text element. */
  static void prependText(TlvEncoder enc, int type, String s) {
    enc.prependBytesTlv(type, utf8(s));
  }

  /** Encodes {@code e} into a new read-only buffer (owned by the caller, shared only by those it hands it to). */
  static ByteBuffer encode(Encodable e) {
    TlvEncoder enc = new TlvEncoder(64);
    e.prependTo(enc);
    return enc.toBuffer().asReadOnlyBuffer();
  }

  /** {@code v} as an unsigned decimal, without {@code Long.toUnsignedString} (kept out of TeaVM builds). */
  static String unsigned(long v) {
    if (v >= 0) {
      return Long.toString(v);
    }
    long q = (v >>> 1) / 5;
    return Long.toString(q) + (v - q * 10);
  }

  /** "0x" and lowercase hex, as ndn-cxx's {@code AsHex} prints flags. */
  static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  /** Checks a value a builder is given for a NonNegativeInteger field kept at most 2^63-1. */
  static long checkNumber(String field, long v) {
    if (v < 0) {
      throw new IllegalArgumentException(field + " must be >= 0, got " + v);
    }
    return v;
  }

  /** Checks a value a builder is given for a field ndn-cxx keeps in a narrower type. */
  static int checkUpTo(String field, long v, long max) {
    if (v < 0 || v > max) {
      throw new IllegalArgumentException(field + " must be in 0.." + max + ", got " + v);
    }
    return (int) v;
  }
}
