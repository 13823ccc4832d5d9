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
