package dev.ndnj.engine.app;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.LruContentStore;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** An engine on a {@link ManualClock}, single-threaded: queued work runs on {@code clock.runDue()}. */
final class ManualEngine {
  final ManualClock clock = new ManualClock();
  final Engine engine;

  ManualEngine() {
    Random random = new Random(42);
    engine = Engine.builder().manual(clock).random(random::nextInt)
        .contentStore(new LruContentStore(clock, 1 << 20)).build();
  }

  /** Runs everything queued (and what that queues) without moving time. */
  void settle() {
    clock.runDue();
  }

  static Data data(Name name, String content) {
    return Data.builder(name).content(content.getBytes(StandardCharsets.UTF_8)).freshnessPeriod(1000)
        .signWithDigestSha256();
  }

  static String text(Data d) {
    byte[] b = new byte[d.contentLength()];
    d.content().get(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
