package dev.ndnj.faces.net;

import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/**
 * A unicast UDP face's transport: one remote endpoint on a {@link UdpChannel}'s shared socket. Each frame is one
 * datagram to the remote endpoint; received datagrams are dispatched here by the channel. Non-local even on loopback,
 * point-to-point, with the channel's MTU. Closing the face forgets the endpoint (the socket stays open for the
 * channel's other faces); the next datagram from it makes a new on-demand face.
 */
final class UdpTransport extends NettyTransport {
  private final UdpChannel owner;
  private final InetSocketAddress remote;
  private volatile long lastReceivedNanos;

  UdpTransport(UdpChannel owner, InetSocketAddress remote, FacePersistency persistency, long nowNanos) {
    super(owner.nettyChannel(), owner.tasks(), FaceScope.NON_LOCAL, LinkType.POINT_TO_POINT, persistency,
        owner.localUri(), FaceUris.ip("udp", remote), owner.mtu(), owner.queueLimits());
    this.owner = owner;
    this.remote = remote;
    this.lastReceivedNanos = nowNanos;
  }

  /** The remote endpoint. */
  InetSocketAddress remote() {
    return remote;
  }

  /** Notes a datagram received now (event loop). */
  void touch(long nowNanos) {
    lastReceivedNanos = nowNanos;
  }

  /** When the last datagram arrived ({@link System#nanoTime()}; any thread). */
  long lastReceivedNanos() {
    return lastReceivedNanos;
  }

  @Override
  protected Object encodeOutbound(ByteBuf frame) {
    return new DatagramPacket(frame, remote);
  }

  /** Forgets the endpoint and reports the transport closed at once (forwarding thread). */
  @Override
  public void close() {
    owner.forget(this);
    closed();
  }

  /** Called by the channel when its socket closed (event loop). */
  void socketClosed() {
    channelInactive();
  }
}
