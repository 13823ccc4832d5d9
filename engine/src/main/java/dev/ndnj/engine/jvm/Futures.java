package dev.ndnj.engine.jvm;

import dev.ndnj.engine.app.Promise;
import java.util.concurrent.CompletableFuture;

/**
 * Bridges the engine's TeaVM-safe {@link Promise} to {@link CompletableFuture} (which TeaVM 0.15 lacks, so only JVM
 * code uses it).
 */
public final class Futures {
  private Futures() {}

  /**
   * A future completed when {@code promise} is; cancelling the future cancels the promise (and so the operation).
   * Dependent stages without {@code Async} run on the thread that completes the promise, which for the engine's
   * promises is the forwarding thread: keep them short, or use the {@code *Async} variants.
   */
  public static <T> CompletableFuture<T> of(Promise<T> promise) {
    CompletableFuture<T> f = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        boolean done = super.cancel(mayInterruptIfRunning);
        promise.cancel();
        return done;
      }
    };
    promise.whenComplete((value, error) -> {
      if (error != null) {
        f.completeExceptionally(error);
      } else {
        f.complete(value);
      }
    });
    return f;
  }
}
