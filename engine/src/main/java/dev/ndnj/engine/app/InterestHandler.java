package dev.ndnj.engine.app;

import dev.ndnj.tlv.Interest;

/**
 * Answers the Interests that reach a {@link Producer}'s prefix. Called on the forwarding thread (never inside a
 * forwarder pipeline); it must not block. It may answer at once or keep the {@link Responder} and answer later, from
 * any thread; not answering lets the Interest time out downstream.
 */
@FunctionalInterface
public interface InterestHandler {
  /** An Interest under the registered prefix arrived; answer it through {@code responder}, at most once. */
  void onInterest(Interest interest, Responder responder);
}
