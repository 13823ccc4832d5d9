package dev.ndnj.faces.net;

import dev.ndnj.engine.face.FramePrefetch;
import dev.ndnj.engine.platform.TaskQueue;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Frames read from one channel in one event-loop turn, handed to the engine in one task; and the bound on frames
 * handed over but not yet processed (above it the channel stops reading until the engine has caught up to half).
 * {@link #add} and {@link #submit} run on the channel's event loop; the task on the forwarding thread.
 */
final class InboundBatch {
  private final Channel channel;
  private final TaskQueue tasks;
  private final long maxPendingBytes;
  private final AtomicLong pendingBytes = new AtomicLong();
  private final AtomicBoolean paused = new AtomicBoolean();
  private ArrayList<NettyTransport> transports = new ArrayList<>();
  private ArrayList<ByteBuffer> frames = new ArrayList<>();
  private long batchBytes;

  InboundBatch(Channel channel, TaskQueue tasks, long maxPendingBytes) {
    this.channel = channel;
    this.tasks = tasks;
    this.maxPendingBytes = maxPendingBytes;
  }

  /** Adds a frame (owned: it goes to the engine) received by {@code transport}. Event loop. */
  void add(NettyTransport transport, ByteBuffer frame) {
    transports.add(transport);
    frames.add(frame);
    batchBytes += frame.remaining();
  }

  /** Frames handed to the engine and not yet processed, in octets (any thread). */
  long pendingBytes() {
    return pendingBytes.get();
  }

  /** Hands the frames added since the last call to the engine in one task. Event loop. */
  void submit() {
    if (frames.isEmpty()) {
      return;
    }
    ArrayList<NettyTransport> ts = transports;
    ArrayList<ByteBuffer> fs = frames;
    long bytes = batchBytes;
    transports = new ArrayList<>();
    frames = new ArrayList<>();
    batchBytes = 0;
    pendingBytes.addAndGet(bytes);
    boolean accepted = tasks.execute(() -> {
      deliverAll(ts, fs);
      processed(bytes);
    });
    if (!accepted) { // the engine has stopped: nobody will read what this channel brings
      pendingBytes.addAndGet(-bytes);
      channel.close();
      return;
    }
    if (pendingBytes.get() > maxPendingBytes && paused.compareAndSet(false, true)) {
      channel.config().setAutoRead(false);
      // the engine may have caught up between the two lines above, before it could see the pause
      resumeIfCaughtUp();
    }
  }

  /**
   * Forwarding thread: delivers the frames in order, {@link FramePrefetch#WINDOW} at a time, each window's first cache
   * lines requested together before its frames are decoded (this thread's cache does not hold what the channel's
   * thread wrote).
   */
  private static void deliverAll(ArrayList<NettyTransport> ts, ArrayList<ByteBuffer> fs) {
    int n = fs.size();
    int window = FramePrefetch.WINDOW;
    int step = window > 0 ? window : n; // a window of 0: no prefetch
    int acc = 0;
    for (int w = 0; w < n; w += step) {
      int end = Math.min(n, w + step);
      for (int i = w; i < end && window > 0; i++) {
        acc += FramePrefetch.touch(fs.get(i));
      }
      for (int i = w; i < end; i++) {
        ts.get(i).deliver(fs.get(i));
      }
    }
    FramePrefetch.keep(acc);
  }

  /** Forwarding thread: the engine processed {@code bytes}. */
  private void processed(long bytes) {
    pendingBytes.addAndGet(-bytes);
    resumeIfCaughtUp();
  }

  private void resumeIfCaughtUp() {
    if (paused.get() && pendingBytes.get() <= maxPendingBytes / 2 && paused.compareAndSet(true, false)) {
      if (channel.eventLoop().inEventLoop()) {
        channel.config().setAutoRead(true);
      } else {
        channel.eventLoop().execute(() -> channel.config().setAutoRead(true));
      }
    }
  }
}
