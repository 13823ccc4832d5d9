package dev.ndnj.engine.platform;

/** Random numbers for Nonces, sequence numbers and jitter: SecureRandom on the JVM, crypto.getRandomValues in a browser. */
public interface RandomSource {
  /** A uniformly distributed 32-bit value. */
  int nextInt();
}
