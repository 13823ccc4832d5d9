package dev.ndnj.forwarder.cli;

/**
 * A tool failed in a way the user should read: the message is printed as {@code ERROR: <message>} on standard error
 * and the command exits with {@link #exitCode()} (1 unless said otherwise).
 */
public final class ToolException extends Exception {
  private final int exitCode;

  /** A failure with exit code 1. */
  public ToolException(String message) {
    this(message, 1, null);
  }

  /** A failure with exit code 1 caused by {@code cause}. */
  public ToolException(String message, Throwable cause) {
    this(message, 1, cause);
  }

  /** A failure with {@code exitCode}. */
  public ToolException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The process exit code for this failure. */
  public int exitCode() {
    return exitCode;
  }
}
