package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.Tlv;
import java.nio.ByteBuffer;

/**
 * What every management element shares: its wire is a view of the bytes it was decoded from ({@code buf},
 * {@code [start, end)}), or, for a built one ({@code buf} null), its own encoding, made once when first asked for.
 */
abstract class MgmtElement implements Encodable {
  private final ByteBuffer buf;
  private final int start;
  /** Where the decoded element ends in its buffer (unused when built). */
  final int end;
  private ByteBuffer ownWire;

  /** A type's decoder of the element at absolute offset {@code off} of {@code buf}, ending by {@code end}. */
  interface Decoder<E> {
    E decode(ByteBuffer buf, int off, int end, int base);
  }

  /**
   * Decodes {@code wire}'s remaining octets, which must be exactly one element, with {@code decoder}; position and
   * limit are not modified.
   */
  static <E extends MgmtElement> E decodeWhole(ByteBuffer wire, String ctx, Decoder<E> decoder) {
    int off = wire.position();
    E e = decoder.decode(wire, off, wire.limit(), off);
    Children.checkWhole(wire, ((MgmtElement) e).end, ctx);
    return e;
  }

  MgmtElement(ByteBuffer buf, int start, int end) {
    this.buf = buf;
    this.start = start;
    this.end = end;
  }

  @Override
  public final ByteBuffer wire() {
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
}
