package dev.ndnj.faces.net;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.Transport;
import dev.ndnj.engine.platform.TaskQueue;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The glue between a Netty {@link Channel} and the engine: a {@link Transport} whose I/O runs on the channel's event
 * loop. It is the only place where a Netty {@link ByteBuf} becomes a {@link ByteBuffer} (inbound) and the reverse
 * (outbound). TCP and Unix stream faces, UDP faces and WebSocket faces are subclasses.
 *
 * <h2>Inbound (event loop to forwarding thread)</h2>
 * A subclass's channel handler (or the ready-made {@link #inboundHandler()}) calls, on the event loop:
 * <ol>
 *   <li>{@link #frameRead(ByteBuf)} for each complete frame (one TLV element: a stream decoder's output, a datagram's
 *       content, a binary WebSocket message). The bytes are copied once into a new heap {@code ByteBuffer} that the
 *       engine will own, and the {@code ByteBuf} is released: ownership of the {@code ByteBuf} passes to this call.
 *   <li>{@link #readComplete()} from {@code channelReadComplete}: the frames read in this event-loop turn go to the
 *       engine in one task on its {@link TaskQueue}, which passes each to {@link Transport#receive}.
 *   <li>{@link #channelInactive()} from {@code channelInactive}: frames still pending are handed over, then
 *       {@link Transport#closed()} runs on the forwarding thread and the face leaves its table.
 * </ol>
 * Frames handed over but not yet processed by the forwarding thread are bounded by
 * {@link QueueLimits#receiveBytes()}: above it, the channel stops reading ({@code autoRead} off) until the engine
 * has caught up to half of it, so a fast sender slows down (TCP, Unix, WebSocket) or loses datagrams in the kernel
 * (UDP) instead of growing the engine's queue.
 *
 * <h2>Outbound (forwarding thread to event loop)</h2>
 * {@link #doSend} (called by the engine on the forwarding thread) wraps the frame, a read-only view the engine never
 * changes, without copying ({@link Unpooled#wrappedBuffer(ByteBuffer)}), passes it through {@link #encodeOutbound}
 * (a subclass may wrap it in a {@code DatagramPacket} or a {@code BinaryWebSocketFrame}), and queues it; one task on
 * the event loop writes everything queued and flushes once. A stream transport ({@link #coalescesOutbound()}) copies
 * the frames of a drain back to back into pooled buffers and writes those: one message per 64 KiB, not per frame. Octets accepted and not yet written to the socket are
 * bounded by {@link QueueLimits#sendBytes()}: when a frame would go over, {@code doSend} returns false and the engine
 * counts a {@code SEND_QUEUE_FULL} drop. Nothing is buffered without bound. The event loop is woken once per pass of
 * the forwarding thread over its queue, not per frame: the first frame queued schedules, behind the tasks already
 * queued, the task that hands the drain to the event loop.
 *
 * <h2>Closing</h2>
 * {@link #close()} (forwarding thread) closes the channel; the handler's {@link #channelInactive()} then reports the
 * transport closed on the forwarding thread. A subclass sharing a channel among faces (UDP) overrides
 * {@link #close()}.
 *
 * <h2>Extending</h2>
 * A WebSocket transport, for instance, needs only the outbound message type and a handler that feeds the same
 * inbound path; the face is then made on the forwarding thread with {@link NetFaces#addFace(Engine, NettyTransport)}:
 * <pre>{@code
 * final class WebSocketTransport extends NettyTransport {
 *   WebSocketTransport(Channel ch, TaskQueue tasks, FaceScope scope, String local, String remote) {
 *     super(ch, tasks, scope, LinkType.POINT_TO_POINT, FacePersistency.ON_DEMAND, local, remote, -1,
 *         QueueLimits.DEFAULT);
 *   }
 *   protected Object encodeOutbound(ByteBuf frame) { return new BinaryWebSocketFrame(frame); }
 * }
 * // its handler, last in the pipeline:
 * public void channelRead(ChannelHandlerContext ctx, Object msg) {
 *   if (msg instanceof BinaryWebSocketFrame) transport.frameRead(((BinaryWebSocketFrame) msg).content());
 *   else ReferenceCountUtil.release(msg);                      // ping/pong/close handled before this handler
 * }
 * public void channelReadComplete(ChannelHandlerContext ctx) { transport.readComplete(); }
 * public void channelInactive(ChannelHandlerContext ctx) { transport.channelInactive(); }
 * }</pre>
 *
 * <p>Threading: the constructor may run on any thread (it touches no engine state). {@link #frameRead},
 * {@link #readComplete} and {@link #channelInactive} run on the channel's event loop; {@link #doSend} and
 * {@link #close} on the forwarding thread, like every {@link Transport} method; {@link #sendQueueBytes()} on any.
 */
public abstract class NettyTransport extends Transport {
  /**
   * Bounds on the octets in flight between a Netty channel and the engine.
   *
   * @param sendBytes octets accepted by {@code doSend} and not yet written to the socket; a frame that would go over
   *     is dropped ({@code SEND_QUEUE_FULL}). At least 1.
   * @param receiveBytes octets of frames handed to the forwarding thread and not yet processed; above it the channel
   *     stops reading until the engine catches up. At least 1.
   */
  public record QueueLimits(int sendBytes, int receiveBytes) {
    /** 1 MiB each way: about a hundred 8800-octet packets, a few milliseconds of a fast link. */
    public static final QueueLimits DEFAULT = new QueueLimits(1 << 20, 1 << 20);

    /** Checks the bounds. */
    public QueueLimits {
      if (sendBytes < 1 || receiveBytes < 1) {
        throw new IllegalArgumentException("queue limits must be >= 1, got send=" + sendBytes + " receive="
            + receiveBytes);
      }
    }
  }

  private static final System.Logger LOG = System.getLogger(NettyTransport.class.getName());
  /** Largest buffer a coalescing drain fills before starting another. */
  private static final int COALESCE_BYTES = 64 * 1024;

  private final Channel channel;
  private final TaskQueue tasks;
  private final QueueLimits limits;
  private final AtomicLong queuedBytes = new AtomicLong();
  private final Queue<ByteBuffer> outbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Runnable drainTask = this::drainOutbox;
  private final Runnable wakeTask = () -> channel().eventLoop().execute(drainTask);
  private InboundBatch inbound; // event loop only; made on the first frame read through this transport

  /**
   * A transport over {@code channel}.
   *
   * @param channel the channel frames go out on (for a UDP face, the channel shared by the faces of a listener)
   * @param tasks the engine's entry point ({@code engine.tasks()})
   * @param mtu largest frame in octets, or -1 for no limit (streams)
   */
  protected NettyTransport(Channel channel, TaskQueue tasks, FaceScope scope, LinkType linkType,
      FacePersistency persistency, String localUri, String remoteUri, int mtu, QueueLimits limits) {
    super(scope, linkType, persistency, localUri, remoteUri, mtu);
    if (channel == null || tasks == null || limits == null) {
      throw new IllegalArgumentException("channel, task queue and queue limits are required");
    }
    this.channel = channel;
    this.tasks = tasks;
    this.limits = limits;
  }

  /** The Netty channel frames go out on. */
  protected final Channel channel() {
    return channel;
  }

  /** The engine's entry point. */
  protected final TaskQueue tasks() {
    return tasks;
  }

  /** The queue bounds. */
  public final QueueLimits limits() {
    return limits;
  }

  /** Octets accepted by {@link #doSend} and not yet written to the socket (any thread; a snapshot). */
  public final long sendQueueBytes() {
    return queuedBytes.get();
  }

  // ------------------------------------------------------------------------------------------------ inbound

  /**
   * Copies one complete frame into a new heap {@code ByteBuffer} and releases {@code frame}: the one copy of every
   * received frame, and where a Netty buffer stops. The returned buffer is <em>owned</em> by the caller.
   */
  static ByteBuffer copyAndRelease(ByteBuf frame) {
    try {
      ByteBuffer copy = ByteBuffer.allocate(frame.readableBytes());
      frame.getBytes(frame.readerIndex(), copy);
      copy.flip();
      return copy;
    } finally {
      frame.release();
    }
  }

  /**
   * A complete frame was read (event loop). Ownership of {@code frame} passes to this call, which copies its readable
   * bytes once and releases it; the copy goes to the engine at the next {@link #readComplete()}.
   */
  public final void frameRead(ByteBuf frame) {
    ByteBuffer copy = copyAndRelease(frame);
    if (inbound == null) {
      inbound = new InboundBatch(channel, tasks, limits.receiveBytes());
    }
    inbound.add(this, copy);
  }

  /**
   * A complete frame was read and already copied (event loop): {@code copy} is owned by this call and goes to the
   * engine at the next {@link #readComplete()}, like a frame from {@link #frameRead(ByteBuf)}.
   */
  final void frameCopied(ByteBuffer copy) {
    if (inbound == null) {
      inbound = new InboundBatch(channel, tasks, limits.receiveBytes());
    }
    inbound.add(this, copy);
  }

  /** The channel finished a read turn (event loop): hands the frames read since the last call to the engine. */
  public final void readComplete() {
    if (inbound != null) {
      inbound.submit();
    }
  }

  /**
   * The channel went inactive (event loop): hands pending frames over, then reports the transport closed on the
   * forwarding thread.
   */
  public final void channelInactive() {
    readComplete();
    tasks.execute(this::closed);
  }

  /** The face this transport belongs to, or null (forwarding thread). */
  final Face faceRef() {
    return face();
  }

  /** Delivers a frame on the forwarding thread (called by {@link InboundBatch}); ownership passes to the engine. */
  final void deliver(ByteBuffer frame) {
    receive(frame);
  }

  /**
   * Reports a bad frame on the forwarding thread as a {@code MALFORMED} drop on this face (any thread), e.g. a stream
   * whose framing broke before it is closed.
   */
  public final void reportMalformed() {
    tasks.execute(() -> {
      if (face() != null) {
        face().counters().drop(FaceDrop.MALFORMED);
      }
    });
  }

  /**
   * The stream's framing broke ({@link TlvFrameDecoder} closes the channel); event loop. Counts a {@code MALFORMED}
   * drop on this face and logs at debug; a subclass may count more (call super).
   */
  protected void framingError(TlvFrameDecoder.FramingError why) {
    LOG.log(System.Logger.Level.DEBUG, () -> "DROP framing " + why + " from " + remoteUri() + ", closing");
    reportMalformed();
  }

  /**
   * A handler for the end of a pipeline whose messages are complete frames as {@link ByteBuf}s (a stream decoder's
   * output) or as heap {@link ByteBuffer} copies the handler then owns (a copying {@link TlvFrameDecoder}):
   * {@code channelRead} calls {@link #frameRead}, {@code channelReadComplete} {@link #readComplete},
   * {@code channelInactive} {@link #channelInactive}, a {@link TlvFrameDecoder.FramingError} event
   * {@link #framingError}; an exception is logged at debug and closes the channel. Other
   * messages are released and ignored.
   */
  public ChannelInboundHandlerAdapter inboundHandler() {
    return new FrameHandler(this);
  }

  private static final class FrameHandler extends ChannelInboundHandlerAdapter {
    private final NettyTransport transport;

    FrameHandler(NettyTransport transport) {
      this.transport = transport;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf) {
        transport.frameRead((ByteBuf) msg);
      } else if (msg instanceof ByteBuffer) {
        transport.frameCopied((ByteBuffer) msg); // from a TlvFrameDecoder that copies frames
      } else {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      transport.readComplete();
      ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      transport.channelInactive();
      ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof TlvFrameDecoder.FramingError) {
        transport.framingError((TlvFrameDecoder.FramingError) evt);
      } else {
        ctx.fireUserEventTriggered(evt);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.log(System.Logger.Level.DEBUG, () -> "closing " + transport.remoteUri() + ": " + cause);
      ctx.close();
    }
  }

  // ----------------------------------------------------------------------------------------------- outbound

  /**
   * Queues {@code frame} (a read-only view kept until written, never copied here) for the event loop, or returns
   * false when it would take the send queue over {@link QueueLimits#sendBytes()}. Forwarding thread.
   */
  @Override
  protected final boolean doSend(ByteBuffer frame) {
    int len = frame.remaining();
    long now = queuedBytes.get();
    if (now + len > limits.sendBytes()) {
      return false;
    }
    queuedBytes.addAndGet(len);
    outbox.add(frame);
    if (drainScheduled.compareAndSet(false, true)) {
      // On the forwarding thread, wake the event loop only after the tasks queued so far (the rest of this read
      // batch and those behind it): the frames they send go out in one drain, one write turn and one flush, instead
      // of an event-loop wake-up and a socket write per frame while the forwarder is still producing.
      if (!tasks.inLoop() || !tasks.execute(wakeTask)) {
        channel.eventLoop().execute(drainTask);
      }
    }
    return true;
  }

  /**
   * Turns an outbound frame into the message written to the channel (event loop). The default writes the buffer
   * itself (streams); a UDP face returns a {@code DatagramPacket} to its peer, a WebSocket face a
   * {@code BinaryWebSocketFrame}. Ownership of {@code frame} passes to the returned message.
   */
  protected Object encodeOutbound(ByteBuf frame) {
    return frame;
  }

  /**
   * Whether consecutive outbound frames may be written as one run of octets (a byte stream, where frames are
   * delimited by their own TLV headers): then a drain copies its frames into as few pooled buffers as it needs and
   * writes those, instead of one message per frame. False by default (datagrams, WebSocket messages); only used when
   * {@link #encodeOutbound} is the identity.
   */
  protected boolean coalescesOutbound() {
    return false;
  }

  /** Writes everything queued, then flushes once; the batch's octets leave the count when its last write ends. */
  private void drainOutbox() {
    drainScheduled.set(false); // a frame queued from now on schedules another drain
    if (coalescesOutbound() && channel.isActive()) {
      drainCoalesced();
      return;
    }
    boolean active = channel.isActive();
    long bytes = 0;
    int written = 0;
    ByteBuffer next = outbox.poll();
    while (next != null) {
      ByteBuffer frame = next;
      next = outbox.poll();
      bytes += frame.remaining();
      if (!active) {
        continue;
      }
      Object msg = encodeOutbound(Unpooled.wrappedBuffer(frame));
      written++;
      if (next != null) {
        channel.write(msg, channel.voidPromise());
      } else {
        long batch = bytes;
        ChannelPromise last = channel.newPromise();
        last.addListener(f -> queuedBytes.addAndGet(-batch));
        channel.write(msg, last);
      }
    }
    if (!active) {
      queuedBytes.addAndGet(-bytes);
      return;
    }
    if (written > 0) {
      channel.flush();
    }
  }

  /**
   * A stream's drain: the queued frames are copied back to back into pooled buffers of up to
   * {@link #COALESCE_BYTES} (a larger frame gets its own), one message and one outbound-buffer entry per buffer
   * rather than per frame (the epoll transport would otherwise copy each heap frame into a direct buffer of its own).
   */
  private void drainCoalesced() {
    ByteBuffer frame = outbox.poll();
    if (frame == null) {
      return;
    }
    long bytes = 0;
    ByteBuf out = null;
    while (frame != null) {
      int len = frame.remaining();
      bytes += len;
      if (out != null && out.writableBytes() < len) {
        channel.write(out, channel.voidPromise());
        out = null;
      }
      if (out == null) {
        out = channel.alloc().directBuffer(Math.max(len, COALESCE_BYTES));
      }
      out.writeBytes(frame.duplicate());
      frame = outbox.poll();
    }
    long batch = bytes;
    ChannelPromise last = channel.newPromise();
    last.addListener(f -> queuedBytes.addAndGet(-batch));
    channel.write(out, last);
    channel.flush();
  }

  // ------------------------------------------------------------------------------------------------ closing

  /** Closes the channel (forwarding thread); {@link #channelInactive()} reports the transport closed. */
  @Override
  public void close() {
    channel.close();
  }
}
