package dev.ndnj.engine.app;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The eventual result of an asynchronous operation: one value or one failure, set once. A small stand-in for
 * {@code CompletableFuture}, which TeaVM 0.15's class library does not have; on the JVM,
 * {@code dev.ndnj.engine.jvm.Futures} turns a promise into a {@code CompletableFuture}.
 *
 * <p>Thread-safe and lock-free (TeaVM-safe: one {@link AtomicReference}). Callbacks run exactly once: at once on the
 * registering thread if the promise is already done, otherwise on the thread that completes it. Promises returned by
 * the engine's application API are completed on the forwarding thread, so their callbacks run there: they must be
 * short and must not block (never wait on another promise of the same engine inside a callback).
 *
 * @param <T> the value type
 */
public final class Promise<T> {
  /** Receives the outcome of a {@link Promise}. */
  @FunctionalInterface
  public interface Callback<T> {
    /** Called once with the value (and a null error) or with the error (and a null value). */
    void done(T value, Throwable error);
  }

  private static final class Waiter<T> {
    final Callback<? super T> callback;
    final Waiter<T> next;

    Waiter(Callback<? super T> callback, Waiter<T> next) {
      this.callback = callback;
      this.next = next;
    }
  }

  private static final class Outcome<T> {
    final T value;
    final Throwable error;

    Outcome(T value, Throwable error) {
      this.value = value;
      this.error = error;
    }
  }

  /** null: pending with no callback; Waiter: pending with callbacks (newest first); Outcome: done. */
  private final AtomicReference<Object> state = new AtomicReference<>();

  /** A pending promise. */
  public Promise() {}

  /** A promise already completed with {@code value}. */
  public static <T> Promise<T> completed(T value) {
    Promise<T> p = new Promise<>();
    p.complete(value);
    return p;
  }

  /** A promise already failed with {@code error}. */
  public static <T> Promise<T> failed(Throwable error) {
    Promise<T> p = new Promise<>();
    p.fail(error);
    return p;
  }

  /**
   * Completes with {@code value} and runs the callbacks, unless already done.
   *
   * @return true if this call completed the promise
   * @throws RuntimeException the first exception a callback threw (all callbacks still ran; later ones suppressed)
   */
  public boolean complete(T value) {
    return finish(new Outcome<>(value, null));
  }

  /**
   * Fails with {@code error} and runs the callbacks, unless already done.
   *
   * @return true if this call failed the promise
   * @throws IllegalArgumentException if {@code error} is null
   * @throws RuntimeException the first exception a callback threw (all callbacks still ran)
   */
  public boolean fail(Throwable error) {
    if (error == null) {
      throw new IllegalArgumentException("error must not be null");
    }
    return finish(new Outcome<>(null, error));
  }

  /**
   * Fails with a {@link CancellationException} unless already done. The operation behind the promise notices and
   * stops (an expressed Interest is forgotten; a fetch stops asking for segments).
   *
   * @return true if this call cancelled the promise
   */
  public boolean cancel() {
    return fail(new CancellationException("cancelled"));
  }

  @SuppressWarnings("unchecked")
  private boolean finish(Outcome<T> outcome) {
    Object s;
    do {
      s = state.get();
      if (s instanceof Outcome) {
        return false;
      }
    } while (!state.compareAndSet(s, outcome));
    // run in registration order: reverse the newest-first list
    Waiter<T> reversed = null;
    for (Waiter<T> w = (Waiter<T>) s; w != null; w = w.next) {
      reversed = new Waiter<>(w.callback, reversed);
    }
    RuntimeException first = null;
    for (Waiter<T> w = reversed; w != null; w = w.next) {
      try {
        w.callback.done(outcome.value, outcome.error);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return true;
  }

  /**
   * Registers {@code callback}: run at once (on this thread) if the promise is done, else when it completes.
   *
   * @return this promise
   */
  @SuppressWarnings("unchecked")
  public Promise<T> whenComplete(Callback<? super T> callback) {
    if (callback == null) {
      throw new IllegalArgumentException("callback must not be null");
    }
    while (true) {
      Object s = state.get();
      if (s instanceof Outcome) {
        Outcome<T> o = (Outcome<T>) s;
        callback.done(o.value, o.error);
        return this;
      }
      if (state.compareAndSet(s, new Waiter<T>(callback, (Waiter<T>) s))) {
        return this;
      }
    }
  }

  /** Whether the promise is completed, failed or cancelled. */
  public boolean isDone() {
    return state.get() instanceof Outcome;
  }

  /** Whether the promise failed with a {@link CancellationException}. */
  public boolean isCancelled() {
    return error() instanceof CancellationException;
  }

  /**
   * The value.
   *
   * @throws IllegalStateException if the promise is pending or failed (the failure is the cause)
   */
  @SuppressWarnings("unchecked")
  public T value() {
    Object s = state.get();
    if (!(s instanceof Outcome)) {
      throw new IllegalStateException("promise is pending");
    }
    Outcome<T> o = (Outcome<T>) s;
    if (o.error != null) {
      throw new IllegalStateException("promise failed: " + o.error, o.error);
    }
    return o.value;
  }

  /** The failure, or null if the promise is pending or completed with a value. */
  public Throwable error() {
    Object s = state.get();
    return s instanceof Outcome ? ((Outcome<?>) s).error : null;
  }

  @Override
  public String toString() {
    Object s = state.get();
    if (!(s instanceof Outcome)) {
      return "Promise(pending)";
    }
    Outcome<?> o = (Outcome<?>) s;
    return o.error != null ? "Promise(failed " + o.error + ")" : "Promise(" + o.value + ")";
  }
}
