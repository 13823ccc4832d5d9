package dev.ndnj.engine.jvm;

import dev.ndnj.engine.platform.RandomSource;
import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * The JVM {@link RandomSource}: a {@link SplittableRandom} seeded from {@link SecureRandom}, so Nonces are
 * unpredictable across runs yet cheap to draw. Not thread-safe: the engine uses it on the forwarding thread only.
 */
public final class JvmRandomSource implements RandomSource {
  private final SplittableRandom random;

  /** A source seeded from {@link SecureRandom}. */
  public JvmRandomSource() {
    this.random = new SplittableRandom(new SecureRandom().nextLong());
  }

  @Override
  public int nextInt() {
    return random.nextInt();
  }
}
