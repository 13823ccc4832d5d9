package dev.ndnj.engine.app;

/**
 * Why an expressed Interest or a fetch failed: the base of {@link NackException}, {@link InterestTimeoutException},
 * {@link ValidationException} and {@link FetchException}. Unchecked, since it travels through a {@link Promise}.
 */
public class ConsumerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public ConsumerException(String message) {
    super(message);
  }

  /** An exception with {@code message} and {@code cause}. */
  public ConsumerException(String message, Throwable cause) {
    super(message, cause);
  }
}
