package dev.ndnj.engine.jvm;

import dev.ndnj.engine.app.Consumer;
import dev.ndnj.engine.app.ExpressOptions;
import dev.ndnj.engine.app.FetchOptions;
import dev.ndnj.engine.app.SegmentedFetcher;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Consumer} with {@link CompletableFuture} results, for JVM applications. Failures are the consumer's:
 * {@code NackException}, {@code InterestTimeoutException}, {@code ValidationException}, {@code FetchException}
 * (wrapped in {@code ExecutionException} by {@code get}). Cancelling a future forgets the expression. Dependent
 * stages run on the forwarding thread unless added with an {@code *Async} method. Thread-safe.
 */
public final class FutureConsumer {
  private final Consumer consumer;

  /** Wraps {@code consumer}. */
  public FutureConsumer(Consumer consumer) {
    this.consumer = consumer;
  }

  /** The wrapped consumer. */
  public Consumer consumer() {
    return consumer;
  }

  /** Expresses an Interest for exactly {@code name} (default lifetime, fresh Nonce). */
  public CompletableFuture<Data> express(Name name) {
    return Futures.of(consumer.express(name));
  }

  /** Expresses {@code interest} without retransmission. */
  public CompletableFuture<Data> express(Interest interest) {
    return Futures.of(consumer.express(interest));
  }

  /** Expresses {@code interest} with {@code options} (retransmissions). */
  public CompletableFuture<Data> express(Interest interest, ExpressOptions options) {
    return Futures.of(consumer.express(interest, options));
  }

  /** Fetches the segmented object under {@code prefix} ({@link SegmentedFetcher}); the content is the caller's. */
  public CompletableFuture<byte[]> fetch(Name prefix, FetchOptions options) {
    return Futures.of(SegmentedFetcher.fetch(consumer, prefix, options));
  }
}
