package dev.ndnj.faces.net;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.platform.TaskQueue;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A unicast UDP channel: one socket bound to an address and port, shared by one {@link UdpTransport} per remote
 * endpoint. A datagram from a new endpoint makes an on-demand face (when it is one well-formed TLV element; otherwise
 * it is dropped and counted in {@link #framingErrors()}); on-demand faces that receive nothing for the idle timeout
 * close (checked every quarter of the timeout, so a face goes after 1 to 1.25 timeouts, as NFD's 1 to 2). Datagrams
 * read in one event-loop turn, for any faces, go to the engine in one task.
 */
final class UdpChannel implements NetChannel {
  private final NetFaces owner;
  private final ConcurrentHashMap<InetSocketAddress, UdpTransport> faces = new ConcurrentHashMap<>();
  private final AtomicLong framingErrors = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final long idleTimeoutNanos;
  private final int maxDatagram;
  private volatile Channel channel;
  private volatile InboundBatch batch;
  private volatile String localUri;
  private volatile InetSocketAddress localAddress;
  private volatile boolean v4;
  private volatile boolean v6;
  private volatile ScheduledFuture<?> idleScan;

  UdpChannel(NetFaces owner) {
    this.owner = owner;
    this.idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(owner.config().udpIdleTimeoutMillis);
    this.maxDatagram = Math.max(owner.config().udpMtu, owner.config().maxFrame);
  }

  /** Set once bound, before reading starts. {@code dualStack}: an IPv6 wildcard socket that also serves IPv4. */
  void bound(Channel ch, boolean dualStack) {
    channel = ch;
    batch = new InboundBatch(ch, owner.engine().tasks(), owner.config().queueLimits.receiveBytes());
    InetSocketAddress a = FaceUris.normalize((InetSocketAddress) ch.localAddress());
    localAddress = a;
    localUri = FaceUris.ip("udp", a);
    boolean isV4 = a.getAddress() instanceof Inet4Address;
    v4 = isV4 || dualStack;
    v6 = !isV4;
    long period = Math.max(idleTimeoutNanos / 4, TimeUnit.MILLISECONDS.toNanos(1));
    idleScan = ch.eventLoop().scheduleAtFixedRate(this::scanIdle, period, period, TimeUnit.NANOSECONDS);
  }

  /** Largest datagram read in full (a larger one is truncated and then dropped as malformed). */
  int maxDatagram() {
    return maxDatagram;
  }

  Channel nettyChannel() {
    return channel;
  }

  TaskQueue tasks() {
    return owner.engine().tasks();
  }

  int mtu() {
    return owner.config().udpMtu;
  }

  NettyTransport.QueueLimits queueLimits() {
    return owner.config().queueLimits;
  }

  /** Whether a face to an address of this IP version can be made on this socket. */
  boolean serves(int ipVersion) {
    return ipVersion == 4 ? v4 : v6;
  }

  /** The handler of the socket's pipeline. */
  ChannelInboundHandlerAdapter handler() {
    return new Handler();
  }

  private final class Handler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof DatagramPacket)) {
        ReferenceCountUtil.release(msg);
        return;
      }
      DatagramPacket p = (DatagramPacket) msg;
      ByteBuf content = p.content();
      InetSocketAddress sender = FaceUris.normalize(p.sender());
      boolean oneElement = TlvFrames.frameLength(content, maxDatagram) == content.readableBytes();
      long now = System.nanoTime();
      UdpTransport t = faces.get(sender);
      if (t == null) {
        if (closed.get()) {
          p.release();
          return;
        }
        if (!oneElement) {
          framingErrors.incrementAndGet();
          NetFaces.LOG.log(System.Logger.Level.DEBUG, () -> "DROP datagram from new endpoint " + sender
              + ": not one TLV element");
          p.release();
          return;
        }
        t = new UdpTransport(UdpChannel.this, sender, FacePersistency.ON_DEMAND, now);
        faces.put(sender, t);
        owner.addFace(t, null); // a task queued before this turn's frames
      }
      if (!oneElement) {
        p.release();
        t.reportMalformed();
        return;
      }
      t.touch(now);
      batch.add(t, NettyTransport.copyAndRelease(content));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      batch.submit();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      batch.submit();
      if (idleScan != null) {
        idleScan.cancel(false);
      }
      for (UdpTransport t : new ArrayList<>(faces.values())) {
        t.socketClosed();
      }
      faces.clear();
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // one peer's ICMP error or a failed send must not take the socket down for every face
      NetFaces.LOG.log(System.Logger.Level.DEBUG, () -> localUri + ": " + cause);
    }
  }

  /** Event loop: asks the forwarding thread to close on-demand faces idle for the timeout. */
  private void scanIdle() {
    long now = System.nanoTime();
    for (UdpTransport t : faces.values()) {
      if (now - t.lastReceivedNanos() >= idleTimeoutNanos) {
        t.tasks().execute(() -> {
          if (!t.isClosed() && t.persistency() == FacePersistency.ON_DEMAND
              && System.nanoTime() - t.lastReceivedNanos() >= idleTimeoutNanos) {
            NetFaces.LOG.log(System.Logger.Level.DEBUG, () -> "closing idle face " + t.remoteUri());
            t.close();
          }
        });
      }
    }
  }

  /** Removes {@code t} from the endpoint map if it is still there (any thread). */
  void forget(UdpTransport t) {
    faces.remove(t.remote(), t);
  }

  /**
   * The face to {@code remote}, made with {@code persistency} if there is none; an existing on-demand face is raised
   * to {@code persistency}, as NFD's faces/create does. Any thread; completes on the forwarding thread.
   */
  CompletableFuture<Face> connect(InetSocketAddress remote, FacePersistency persistency) {
    CompletableFuture<Face> done = new CompletableFuture<>();
    connectOnLoop(FaceUris.normalize(remote), persistency, done);
    return done;
  }

  private void connectOnLoop(InetSocketAddress remote, FacePersistency persistency, CompletableFuture<Face> done) {
    boolean accepted = owner.engine().execute(() -> {
      if (closed.get()) {
        done.completeExceptionally(new IllegalStateException(localUri + " is closed"));
        return;
      }
      UdpTransport t = faces.get(remote);
      if (t != null && !t.isClosed()) {
        Face f = t.faceRef();
        if (f == null) { // an on-demand face whose addition is still queued: look again after it
          connectOnLoop(remote, persistency, done);
          return;
        }
        if (t.persistency() == FacePersistency.ON_DEMAND && persistency != FacePersistency.ON_DEMAND) {
          t.setPersistency(persistency);
        }
        done.complete(f);
        return;
      }
      if (t != null) {
        faces.remove(remote, t);
      }
      UdpTransport made = new UdpTransport(this, remote, persistency, System.nanoTime());
      if (faces.putIfAbsent(remote, made) != null) {
        connectOnLoop(remote, persistency, done); // a datagram from it just made one
        return;
      }
      owner.addFaceNow(made, done);
    });
    if (!accepted) {
      done.completeExceptionally(new IllegalStateException("the engine is closed"));
    }
  }

  @Override
  public String localUri() {
    return localUri;
  }

  @Override
  public SocketAddress localAddress() {
    return localAddress;
  }

  @Override
  public long framingErrors() {
    return framingErrors.get();
  }

  @Override
  public int faceCount() {
    return faces.size();
  }

  @Override
  public boolean isOpen() {
    return !closed.get() && channel != null && channel.isOpen();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
  }

  @Override
  public String toString() {
    return "UdpChannel(" + localUri + ")";
  }
}
