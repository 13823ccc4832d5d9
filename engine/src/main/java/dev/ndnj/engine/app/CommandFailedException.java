package dev.ndnj.engine.app;

/** A control command was answered with a status code other than 200: carries the command, code and text. */
public final class CommandFailedException extends ConsumerException {
  private static final long serialVersionUID = 1L;
  private final int code;

  /** {@code command} (e.g. {@code rib/register}) failed with {@code code} and {@code text}. */
  public CommandFailedException(String command, int code, String text) {
    super(command + " failed: " + code + " " + text);
    this.code = code;
  }

  /** The status code of the ControlResponse (e.g. 403, 404). */
  public int code() {
    return code;
  }
}
