package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * ControlResponse (TLV-TYPE 0x65): the Content of the Data that answers a control command (and of the
 * ContentType=Nack Data that refuses a dataset request). StatusCode and StatusText are required, in that order;
 * the element after them, of any type, is the body: for a successful command the resulting
 * {@link ControlParameters}, for a 409 of faces/create the existing face.
 *
 * <p>Decoding follows ndn-cxx {@code mgmt::ControlResponse}: StatusCode first (a NonNegativeInteger of at most
 * 2^32-1, kept as the unsigned bit pattern of an {@code int}), StatusText second, then the body; elements after
 * the body must be well-formed and are ignored (the body's type is open, so there is no table to classify them
 * by). The body is a <em>view</em> of the decoded bytes.
 */
public final class ControlResponse extends MgmtElement {
  private static final String CTX = "ControlResponse";

  private final int code;
  private final String text;
  private final ByteBuffer body;

  private ControlResponse(int code, String text, ByteBuffer body, ByteBuffer buf, int start, int end) {
    super(buf, start, end);
    this.code = code;
    this.text = text;
    this.body = body;
  }

  /** A response without body. */
  public static ControlResponse of(int code, String text) {
    return builder(code, text).build();
  }

  /** A response whose body is {@code body} (typically the resulting ControlParameters). */
  public static ControlResponse of(int code, String text, Encodable body) {
    return builder(code, text).body(body).build();
  }

  /**
   * A response whose body is the TLV element in the remaining octets of {@code bodyElement} (copied; not checked
   * beyond being non-empty).
   */
  public static ControlResponse of(int code, String text, ByteBuffer bodyElement) {
    return builder(code, text).body(bodyElement).build();
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one ControlResponse element (a view: the octets
   * must not change afterwards; position and limit are not modified).
   *
   * @throws TlvException if the octets are not a valid ControlResponse
   */
  public static ControlResponse decode(ByteBuffer wire) {
    return decodeWhole(wire, CTX, ControlResponse::decode);
  }

  /** Decodes the ControlResponse element at absolute offset {@code off} of {@code buf} (ending by {@code end}). */
  public static ControlResponse decode(ByteBuffer buf, int off, int end, int base) {
    int t = Tlv.readType(buf, off, end, base, CTX);
    if (t != MgmtTypes.CONTROL_RESPONSE) {
      throw new TlvException(CTX + ": expected TLV-TYPE " + MgmtTypes.CONTROL_RESPONSE + ", got "
          + Long.toString(t & 0xffffffffL), off - base);
    }
    int elemEnd = Tlv.elementEnd(buf, off, end, base, CTX);
    int p = Tlv.valueStart(buf, off);
    if (p >= elemEnd || Tlv.readType(buf, p, elemEnd, base, CTX) != MgmtTypes.STATUS_CODE) {
      throw new TlvException(CTX + ": missing StatusCode (it must come first)", p - base);
    }
    int next = Tlv.elementEnd(buf, p, elemEnd, base, CTX);
    int v = Tlv.valueStart(buf, p);
    int len = next - v;
    if (len != 1 && len != 2 && len != 4 && len != 8) {
      throw new TlvException(CTX + ": StatusCode of length " + len
          + " is not a NonNegativeInteger (1, 2, 4 or 8 octets)", p - base);
    }
    long code = Tlv.readNonNegativeInteger(buf, v, len, base, CTX);
    if (code < 0 || code > 0xffffffffL) {
      throw new TlvException(CTX + ": StatusCode " + Children.unsigned(code) + " is above 2^32-1", p - base);
    }
    p = next;
    if (p >= elemEnd || Tlv.readType(buf, p, elemEnd, base, CTX) != MgmtTypes.STATUS_TEXT) {
      throw new TlvException(CTX + ": missing StatusText (it must follow StatusCode)", p - base);
    }
    next = Tlv.elementEnd(buf, p, elemEnd, base, CTX);
    v = Tlv.valueStart(buf, p);
    String text = new String(Tlv.copy(buf, v, next - v), StandardCharsets.UTF_8);
    p = next;
    ByteBuffer body = null;
    if (p < elemEnd) {
      Tlv.readType(buf, p, elemEnd, base, CTX);
      next = Tlv.elementEnd(buf, p, elemEnd, base, CTX);
      body = Tlv.view(buf, p, next - p);
      p = next;
      while (p < elemEnd) {
        Tlv.readType(buf, p, elemEnd, base, CTX);
        p = Tlv.elementEnd(buf, p, elemEnd, base, CTX);
      }
    }
    return new ControlResponse((int) code, text, body, buf, off, elemEnd);
  }

  /** StatusCode (see {@link StatusCode}); unsigned 32 bits: {@code code() & 0xffffffffL} for codes above 2^31-1. */
  public int code() {
    return code;
  }

  /** Whether StatusCode is 2xx. */
  public boolean isSuccess() {
    return StatusCode.isSuccess(code);
  }

  /** StatusText. */
  public String text() {
    return text;
  }

  /** Whether there is a body. */
  public boolean hasBody() {
    return body != null;
  }

  /** The body element (type, length, value) as a read-only view, or null. */
  public ByteBuffer body() {
    return body == null ? null : body.duplicate();
  }

  /**
   * The body decoded as ControlParameters (a view).
   *
   * @throws IllegalStateException if there is no body
   * @throws TlvException if the body is not a valid ControlParameters
   */
  public ControlParameters bodyAsControlParameters() {
    if (body == null) {
      throw new IllegalStateException("ControlResponse has no body");
    }
    return ControlParameters.decode(body.duplicate());
  }

  @Override
  public void prependTo(TlvEncoder enc) {
    int mark = enc.size();
    if (body != null) {
      enc.prependBytes(body);
    }
    Children.prependText(enc, MgmtTypes.STATUS_TEXT, text);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.STATUS_CODE, code & 0xffffffffL);
    enc.prependHeader(MgmtTypes.CONTROL_RESPONSE, enc.size() - mark);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ControlResponse)) {
      return false;
    }
    ControlResponse r = (ControlResponse) o;
    return code == r.code && text.equals(r.text) && Objects.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return 31 * code + text.hashCode();
  }

  /** A builder for a response with {@code code} and {@code text}. */
  public static Builder builder(int code, String text) {
    return new Builder(code, text);
  }

  /** Builds a {@link ControlResponse}. */
  public static final class Builder {
    private final int code;
    private final String text;
    private ByteBuffer body;

    private Builder(int code, String text) {
      this.code = code;
      this.text = Objects.requireNonNull(text, "text");
    }

    /** Sets the body to {@code e}'s encoding. */
    public Builder body(Encodable e) {
      body = e.wire();
      return this;
    }

    /** Sets the body to the TLV element in the remaining octets of {@code element} (copied). */
    public Builder body(ByteBuffer element) {
      if (!element.hasRemaining()) {
        throw new IllegalArgumentException("body element is empty");
      }
      body = ByteBuffer.wrap(Tlv.copy(element, element.position(), element.remaining())).asReadOnlyBuffer();
      return this;
    }

    /** The ControlResponse. */
    public ControlResponse build() {
      return new ControlResponse(code, text, body, null, 0, 0);
    }
  }

  @Override
  public String toString() {
    return "ControlResponse(" + (code & 0xffffffffL) + " " + text
        + (body == null ? "" : ", body of " + body.remaining() + " octets") + ")";
  }
}
