package dev.ndnj.engine.app;

import dev.ndnj.tlv.Name;

/**
 * A prefix a {@link Producer} serves: while open, the FIB routes the prefix to the producer's face (cost 0) and
 * Interests under it reach the handler. {@link #close()} (any thread, idempotent) removes the route.
 */
public final class Registration implements AutoCloseable {
  private final Producer producer;
  private final Name prefix;
  private final InterestHandler handler;
  private volatile boolean closed;

  Registration(Producer producer, Name prefix, InterestHandler handler) {
    this.producer = producer;
    this.prefix = prefix;
    this.handler = handler;
  }

  /** The registered prefix. */
  public Name prefix() {
    return prefix;
  }

  /** The producer this registration belongs to. */
  public Producer producer() {
    return producer;
  }

  InterestHandler handler() {
    return handler;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** Removes the route and the handler (from any thread; idempotent). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    producer.face().run(() -> producer.unregister(this));
  }

  @Override
  public String toString() {
    return "Registration(" + prefix + (closed ? ", closed)" : ")");
  }
}
