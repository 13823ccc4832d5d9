package dev.ndnj.tlv;

/**
 * The one exception every decoder in ndnj throws for bad wire input.
 *
 * <p>Its message names the element, the problem and the offset, e.g.
 * {@code "Interest: Nonce length 3, expected 4, at offset 17"}. It is unchecked: a forwarder counts it as a drop
 * and goes on; an application that decodes untrusted bytes catches it.
 */
public class TlvException extends RuntimeException {
  private final int offset;

  /** A decoding failure at {@code offset} (octets from the start of the input; -1 if unknown). */
  public TlvException(String message, int offset) {
    super(offset >= 0 ? message + ", at offset " + offset : message);
    this.offset = offset;
  }

  /** Offset of the problem in the input, or -1 when it does not apply. */
  public int offset() {
    return offset;
  }
}
