package dev.ndnj.forwarder.mgmt;

/**
 * A {@link FaceCreator}'s refusal, with the ControlResponse status code and text management answers: 400 (bad or
 * non-canonical URI), 406 (unsupported protocol, persistency or option), 504 (connecting failed or timed out), ...
 */
public final class FaceCreationException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int statusCode;

  /** A refusal with {@code statusCode} (e.g. 504) and {@code reason} (the StatusText). */
  public FaceCreationException(int statusCode, String reason) {
    super(reason);
    this.statusCode = statusCode;
  }

  /** A refusal with {@code statusCode} and {@code reason}, caused by {@code cause}. */
  public FaceCreationException(int statusCode, String reason, Throwable cause) {
    super(reason, cause);
    this.statusCode = statusCode;
  }

  /** The status code to answer. */
  public int statusCode() {
    return statusCode;
  }
}
