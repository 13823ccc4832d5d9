package dev.ndnj.engine.jvm;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.EngineBuilder;
import dev.ndnj.engine.fw.ForwarderConfig;
import dev.ndnj.engine.table.caffeine.CaffeineContentStore;

/**
 * Engines for the JVM: each owns an {@link EventLoop} thread (its clock, scheduler and task queue), draws Nonces from
 * a {@link JvmRandomSource} and caches in a {@link CaffeineContentStore}. Closing the engine stops its thread.
 *
 * <pre>{@code
 * try (Engine engine = JvmEngines.start()) {
 *   FutureConsumer consumer = new FutureConsumer(engine.consumer());
 *   Data d = consumer.express(Name.parse("/example/data")).get(5, TimeUnit.SECONDS);
 * }
 * }</pre>
 */
public final class JvmEngines {
  /** Content Store capacity of {@link #start()}: 64 MiB of Data wire. */
  public static final long DEFAULT_CS_CAPACITY_BYTES = 64L << 20;

  private JvmEngines() {}

  /** An engine with default settings on a new daemon thread named {@code ndnj-forwarder}. */
  public static Engine start() {
    return builder(EventLoop.start("ndnj-forwarder")).build();
  }

  /** An engine with {@code config} and a Content Store of {@code csCapacityBytes}, on a new daemon thread. */
  public static Engine start(ForwarderConfig config, long csCapacityBytes) {
    EventLoop loop = EventLoop.start("ndnj-forwarder");
    return builder(loop).config(config).contentStore(new CaffeineContentStore(loop, csCapacityBytes)).build();
  }

  /**
   * A builder for an engine that runs on (and, once closed, stops) {@code loop}, with a {@link JvmRandomSource} and a
   * {@link CaffeineContentStore} of {@link #DEFAULT_CS_CAPACITY_BYTES}; any part may still be replaced.
   */
  public static EngineBuilder builder(EventLoop loop) {
    return Engine.builder()
        .clock(loop)
        .scheduler(loop)
        .taskQueue(loop)
        .random(new JvmRandomSource())
        .contentStore(new CaffeineContentStore(loop, DEFAULT_CS_CAPACITY_BYTES))
        .onClose(loop::close);
  }
}
