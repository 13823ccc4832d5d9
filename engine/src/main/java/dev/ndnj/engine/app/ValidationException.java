package dev.ndnj.engine.app;

import dev.ndnj.tlv.Data;

/** A Data came back but the consumer's {@link DataValidator} rejected it. */
public final class ValidationException extends ConsumerException {
  private static final long serialVersionUID = 1L;
  private final transient Data data;

  /** {@code data} was rejected because of {@code reason}. */
  public ValidationException(Data data, String reason) {
    this(data, reason, null);
  }

  /** {@code data} was rejected because of {@code reason}, raised by {@code cause} (or null). */
  public ValidationException(Data data, String reason, Throwable cause) {
    super("validation failed for " + data.name() + ": " + reason, cause);
    this.data = data;
  }

  /** The rejected Data. */
  public Data data() {
    return data;
  }
}
