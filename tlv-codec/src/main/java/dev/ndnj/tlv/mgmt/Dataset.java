package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Status dataset payloads. A dataset (faces/list, faces/query, fib/list, rib/list, strategy-choice/list) is the
 * concatenation of its entries' encodings, published as the Content of one or more segments; this class joins
 * entries into one payload and splits a (reassembled) payload back into entries. cs/info is exactly one
 * {@link CsInfo} and status/general is a {@link ForwarderStatus}: decode those directly.
 *
 * <p>As in ndn-cxx ({@code parseDatasetVector}), every top-level element of a payload must be an entry of the
 * expected type: a stranger is an error, not skipped.
 */
public final class Dataset {
  private Dataset() {}

  /** Decodes one entry: the element at {@code off}, which ends exactly at {@code end}; offsets from {@code base}. */
  @FunctionalInterface
  public interface EntryDecoder<T> {
    /** The entry at {@code off} (see the four-argument {@code decode} of each entry type). */
    T decode(ByteBuffer buf, int off, int end, int base);
  }

  /** The payload holding {@code entries} in order (a new array, owned by the caller). */
  public static byte[] encode(List<? extends Encodable> entries) {
    TlvEncoder enc = new TlvEncoder(64 * Math.max(1, entries.size()));
    for (int i = entries.size() - 1; i >= 0; i--) {
      entries.get(i).prependTo(enc);
    }
    return enc.toByteArray();
  }

  /**
   * Splits the remaining octets of {@code payload} into entries with {@code decoder}, e.g.
   * {@code Dataset.decode(content, FaceStatus::decode)}. The entries are views of {@code payload}, whose octets must
   * not change afterwards; position and limit are not modified. Error offsets count from the payload's position.
   *
   * @throws TlvException if an element is malformed or is not a valid entry
   */
  public static <T> List<T> decode(ByteBuffer payload, EntryDecoder<T> decoder) {
    int base = payload.position();
    int end = payload.limit();
    List<T> out = new ArrayList<>();
    int p = base;
    while (p < end) {
      int next = Tlv.elementEnd(payload, p, end, base, "Dataset");
      out.add(decoder.decode(payload, p, next, base));
      p = next;
    }
    return out;
  }
}
