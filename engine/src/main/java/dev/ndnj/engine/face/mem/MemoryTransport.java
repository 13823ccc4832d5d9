package dev.ndnj.engine.face.mem;

import dev.ndnj.engine.face.Transport;
import dev.ndnj.engine.platform.Scheduler;
import java.nio.ByteBuffer;
import java.util.function.Predicate;

/**
 * One side of a {@link MemoryLink}. A frame sent here is copied (as a real link would) and delivered to the peer as
 * a new buffer that the peer's engine owns, by a task on the peer's scheduler. At most the configured number of
 * frames are in flight per direction: beyond that {@link #doSend} refuses the frame and the {@link Transport} counts
 * a send-queue-full drop. {@link #close()} closes this side at once and the peer by a task on its scheduler, after
 * the frames already in flight; frames arriving at a closed side are discarded.
 */
public final class MemoryTransport extends Transport {
  private final Scheduler scheduler;
  private final long latencyMillis;
  private final int capacity;
  private MemoryTransport peer;
  private int inFlight;
  private Predicate<ByteBuffer> filter;

  MemoryTransport(Scheduler scheduler, MemoryLink.Config config, String localUri, String remoteUri) {
    super(config.scope, config.linkType, config.persistency, localUri, remoteUri, config.mtu);
    this.scheduler = scheduler;
    this.latencyMillis = config.latencyMillis;
    this.capacity = config.sendQueueCapacity;
  }

  void connect(MemoryTransport p) {
    peer = p;
  }

  /** The other side of the link. */
  public MemoryTransport peer() {
    return peer;
  }

  /** Frames sent on this side and not yet delivered to the peer. */
  public int framesInFlight() {
    return inFlight;
  }

  /**
   * Makes the link lossy in this direction: frames for which {@code deliver} returns false are lost on the wire
   * (the sender still counts them as sent). The predicate borrows the frame for the call. Null restores a perfect
   * link.
   */
  public void setFrameFilter(Predicate<ByteBuffer> deliver) {
    filter = deliver;
  }

  /** Copies the frame (a borrowed view) and schedules its delivery on the peer's scheduler. */
  @Override
  protected boolean doSend(ByteBuffer frame) {
    if (inFlight >= capacity) {
      return false;
    }
    if (filter != null && !filter.test(frame.duplicate())) {
      return true;
    }
    byte[] copy = new byte[frame.remaining()];
    frame.duplicate().get(copy);
    inFlight++;
    MemoryTransport to = peer;
    to.scheduler.schedule(latencyMillis, () -> {
      inFlight--;
      to.arrive(ByteBuffer.wrap(copy));
    });
    return true;
  }

  private void arrive(ByteBuffer frame) {
    receive(frame); // ignored by Transport when this side is closed
  }

  /** Closes both sides: this one now, the peer by a task on its scheduler. */
  @Override
  public void close() {
    if (isClosed()) {
      return;
    }
    closed();
    MemoryTransport p = peer;
    p.scheduler.schedule(latencyMillis, p::peerClosed);
  }

  private void peerClosed() {
    closed(); // idempotent; the peer does not echo the close back
  }
}
