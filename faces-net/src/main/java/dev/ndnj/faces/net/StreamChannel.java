package dev.ndnj.faces.net;

import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.unix.UnixChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP or Unix stream listener: each accepted connection becomes an on-demand, point-to-point face framed by a
 * {@link TlvFrameDecoder}. TCP faces are local when both ends are loopback addresses (as NFD), Unix faces always.
 */
final class StreamChannel implements NetChannel {
  private final NetFaces owner;
  private final Path unixPath; // null for TCP
  private final ChannelGroup children;
  private final AtomicLong framingErrors = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Channel server;
  private volatile String localUri;
  private volatile SocketAddress localAddress;

  StreamChannel(NetFaces owner, Path unixPath) {
    this.owner = owner;
    this.unixPath = unixPath;
    this.children = new DefaultChannelGroup(owner.bossExecutor());
  }

  /** Set once bound (before accepting starts). */
  void bound(Channel serverChannel) {
    server = serverChannel;
    if (unixPath == null) {
      InetSocketAddress a = FaceUris.normalize((InetSocketAddress) serverChannel.localAddress());
      localAddress = a;
      localUri = FaceUris.ip("tcp", a);
    } else {
      localAddress = UnixDomainSocketAddress.of(unixPath);
      localUri = FaceUris.unix(unixPath.toString());
    }
  }

  /** The initializer of accepted connections. */
  ChannelInitializer<Channel> childInitializer() {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        children.add(ch);
        StreamTransport t = unixPath == null ? tcpTransport(ch) : unixTransport(ch);
        ch.pipeline().addLast(new TlvFrameDecoder(owner.config().maxFrame, true), t.inboundHandler());
        owner.addFace(t, null);
      }
    };
  }

  private StreamTransport tcpTransport(Channel ch) {
    InetSocketAddress local = FaceUris.normalize((InetSocketAddress) ch.localAddress());
    InetSocketAddress remote = FaceUris.normalize((InetSocketAddress) ch.remoteAddress());
    return NetFaces.tcpTransport(owner, ch, local, remote, FacePersistency.ON_DEMAND, framingErrors);
  }

  private StreamTransport unixTransport(Channel ch) {
    return new StreamTransport(ch, owner.engine().tasks(), FaceScope.LOCAL, FacePersistency.ON_DEMAND, localUri,
        FaceUris.fd(((UnixChannel) ch).fd().intValue()), owner.config().queueLimits, framingErrors);
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
    return children.size();
  }

  @Override
  public boolean isOpen() {
    return !closed.get() && server != null && server.isOpen();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (server != null) {
      server.close().syncUninterruptibly();
    }
    children.close().awaitUninterruptibly();
    if (unixPath != null) {
      try {
        Files.deleteIfExists(unixPath);
      } catch (java.io.IOException e) {
        NetFaces.LOG.log(System.Logger.Level.WARNING, "cannot delete " + unixPath + ": " + e);
      }
    }
  }

  @Override
  public String toString() {
    return "StreamChannel(" + localUri + ")";
  }
}
