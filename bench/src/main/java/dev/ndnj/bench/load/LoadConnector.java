package dev.ndnj.bench.load;

import dev.ndnj.faces.net.TlvFrameDecoder;
import dev.ndnj.faces.net.TlvFrames;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Client connections to a forwarder, by face URI: {@code tcp4://host:port} (also tcp, tcp6), {@code udp4://host:port}
 * (udp, udp6; a connected datagram socket, one packet per datagram), {@code unix:///path} and
 * {@code ws://host:port/path}. Epoll where it loads (required for Unix sockets), NIO otherwise. Whatever the transport,
 * the last handler of the pipeline receives each packet as one {@link ByteBuf} (it releases it) and writes packets as
 * {@link ByteBuf}s: stream framing, datagrams and WebSocket binary messages are handled below it.
 */
final class LoadConnector implements AutoCloseable {
  private static final int SOCKET_BUFFER = 4 << 20;

  private final EventLoopGroup group;
  private final boolean epoll;

  /** A connector running its channels on {@code threads} event-loop threads (daemon threads). */
  LoadConnector(int threads, boolean preferEpoll) {
    epoll = preferEpoll && Epoll.isAvailable();
    ThreadFactory tf = r -> {
      Thread t = new Thread(r, "loadgen-io");
      t.setDaemon(true);
      return t;
    };
    group = epoll ? new EpollEventLoopGroup(threads, tf) : new NioEventLoopGroup(threads, tf);
  }

  /** Whether channels use epoll. */
  boolean epoll() {
    return epoll;
  }

  /**
   * Connects to {@code remote} with {@code handler} (made per connection) last in the pipeline. The future completes
   * once packets can flow (after the WebSocket handshake for ws).
   *
   * @throws IllegalArgumentException for a URI this connector does not understand
   */
  CompletableFuture<Channel> connect(String remote, Supplier<ChannelHandler> handler) {
    URI uri;
    try {
      uri = new URI(remote);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a face URI: " + remote, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    CompletableFuture<Channel> ready = new CompletableFuture<>();
    Bootstrap b = new Bootstrap().group(group);
    ChannelFuture f;
    switch (scheme) {
      case "tcp", "tcp4", "tcp6" -> {
        b.channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(init(ch -> ch.pipeline().addLast(new TlvFrameDecoder(TlvFrames.DEFAULT_MAX_FRAME),
                handler.get())));
        f = b.connect(inet(uri));
        completeOnConnect(f, ready);
      }
      case "unix" -> {
        if (!epoll) {
          throw new IllegalArgumentException("unix:// needs Netty's epoll transport, which did not load here");
        }
        b.channel(EpollDomainSocketChannel.class)
            .handler(init(ch -> ch.pipeline().addLast(new TlvFrameDecoder(TlvFrames.DEFAULT_MAX_FRAME),
                handler.get())));
        f = b.connect(new DomainSocketAddress(uri.getPath()));
        completeOnConnect(f, ready);
      }
      case "udp", "udp4", "udp6" -> {
        b.channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
            .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
            .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER);
        if (epoll) { // recvmmsg: up to 16 datagrams per system call
          b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, TlvFrames.DEFAULT_MAX_FRAME)
              .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(16 * TlvFrames.DEFAULT_MAX_FRAME));
        } else {
          b.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(TlvFrames.DEFAULT_MAX_FRAME));
        }
        b.handler(init(ch -> ch.pipeline().addLast(new DatagramUnwrapper(), handler.get())));
        f = b.connect(inet(uri));
        completeOnConnect(f, ready);
      }
      case "ws" -> {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri.getPath() == null || uri.getPath().isEmpty() ? uri.resolve("/") : uri)
            .version(WebSocketVersion.V13)
            .customHeaders(new DefaultHttpHeaders())
            .maxFramePayloadLength(TlvFrames.DEFAULT_MAX_FRAME)
            .handleCloseFrames(true)
            .build();
        b.channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(init(ch -> ch.pipeline().addLast(
                new HttpClientCodec(), new HttpObjectAggregator(65536),
                new WebSocketClientProtocolHandler(config),
                new HandshakeWatcher(ready),
                new WebSocketUnwrapper(), new WebSocketWrapper(), handler.get())));
        f = b.connect(inet(uri));
        f.addListener(x -> {
          if (!x.isSuccess()) {
            ready.completeExceptionally(x.cause());
          }
        });
      }
      default -> throw new IllegalArgumentException(
          "unsupported face URI " + remote + " (tcp4://, udp4://, unix://, ws://)");
    }
    return ready;
  }

  private static InetSocketAddress inet(URI uri) {
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException("face URI needs host and port: " + uri);
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new InetSocketAddress(host, uri.getPort());
  }

  private static void completeOnConnect(ChannelFuture f, CompletableFuture<Channel> ready) {
    f.addListener(x -> {
      if (x.isSuccess()) {
        ready.complete(f.channel());
      } else {
        ready.completeExceptionally(x.cause());
      }
    });
  }

  private interface Init {
    void init(Channel ch);
  }

  private static ChannelInitializer<Channel> init(Init i) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        i.init(ch);
      }
    };
  }

  /** Closes every channel and stops the event loops. */
  @Override
  public void close() {
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Datagram in: its content, one packet. */
  private static final class DatagramUnwrapper extends MessageToMessageDecoder<DatagramPacket> {
    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket msg, List<Object> out) {
      out.add(msg.content().retain());
    }
  }

  /** WebSocket binary message in: its content, one packet; other data frames are dropped. */
  private static final class WebSocketUnwrapper extends MessageToMessageDecoder<WebSocketFrame> {
    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame msg, List<Object> out) {
      if (msg instanceof BinaryWebSocketFrame) {
        out.add(msg.content().retain());
      }
    }
  }

  /** Packet out: one WebSocket binary message. */
  private static final class WebSocketWrapper extends MessageToMessageEncoder<ByteBuf> {
    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf msg, List<Object> out) {
      out.add(new BinaryWebSocketFrame(msg.retain()));
    }
  }

  /** Completes the ready future when the WebSocket handshake is done (or fails it). */
  private static final class HandshakeWatcher extends ChannelInboundHandlerAdapter {
    private final CompletableFuture<Channel> ready;

    HandshakeWatcher(CompletableFuture<Channel> ready) {
      this.ready = ready;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
        ready.complete(ctx.channel());
      } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
        ready.completeExceptionally(new IllegalStateException("WebSocket handshake timed out"));
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
      ready.completeExceptionally(cause);
      super.exceptionCaught(ctx, cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      ready.completeExceptionally(new IllegalStateException("connection closed before the WebSocket handshake"));
      super.channelInactive(ctx);
    }
  }
}
