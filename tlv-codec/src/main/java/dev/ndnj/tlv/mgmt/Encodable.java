package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.TlvEncoder;
import java.nio.ByteBuffer;

/**
 * A management element that can write itself: every dataset entry, {@link ControlParameters},
 * {@link ControlResponse} and the {@link ForwarderStatus} payload.
 */
public interface Encodable {
  /** Writes this element into {@code enc} (prepending, as {@link TlvEncoder} does). */
  void prependTo(TlvEncoder enc);

  /**
   * The encoding as a read-only buffer. For a decoded value this is a <em>view</em> of the bytes it was decoded
   * from (unknown non-critical elements included); for a built value it is encoded once and kept.
   */
  ByteBuffer wire();
}
