package dev.ndnj.engine.app;

import dev.ndnj.tlv.Data;
import java.util.function.Function;

/**
 * Decides whether a Data that answered an expressed Interest is acceptable (signature, trust schema). The security
 * module implements it; a {@link Consumer} uses it when one is set, failing the expression's promise with a
 * {@link ValidationException} when the Data is rejected.
 *
 * <p>Called on the forwarding thread; it must not block. It may answer at once ({@link Promise#completed},
 * {@link Promise#failed}) or later, from any thread (e.g. after fetching a certificate): the consumer moves the
 * outcome back onto the forwarding thread.
 */
@FunctionalInterface
public interface DataValidator {
  /**
   * Validates {@code data}.
   *
   * @return a promise completed (with null) if the Data is valid, or failed with the reason (a
   *     {@link ValidationException}, or any exception, which the consumer wraps in one)
   */
  Promise<Void> validate(Data data);

  /**
   * A synchronous validator from {@code check}, which returns null when a Data is valid and the reason otherwise.
   */
  static DataValidator of(Function<Data, String> check) {
    return data -> {
      String reason = check.apply(data);
      return reason == null ? Promise.completed(null) : Promise.failed(new ValidationException(data, reason));
    };
  }
}
