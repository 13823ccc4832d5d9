package dev.ndnj.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/**
 * Where a connection's handler writes the packets of one burst (a read turn's replies, a window refill). On a byte
 * stream (TCP, Unix) they go back to back into shared 64 KiB buffers, one message per buffer; otherwise (UDP
 * datagrams, WebSocket messages) each packet is its own message. {@link #flush()} writes what is pending and flushes
 * once. Event loop only.
 */
final class BurstWriter {
  private static final int CHUNK = 64 * 1024;

  private final ChannelHandlerContext ctx;
  private final boolean stream;
  private ByteBuf pending;

  BurstWriter(ChannelHandlerContext ctx, boolean stream) {
    this.ctx = ctx;
    this.stream = stream;
  }

  /** A buffer with room for {@code size} more octets; write the packet into it, then call {@link #done}. */
  ByteBuf buffer(int size) {
    if (!stream) {
      return ctx.alloc().buffer(size);
    }
    if (pending != null && pending.writableBytes() < size) {
      ctx.write(pending, ctx.voidPromise());
      pending = null;
    }
    if (pending == null) {
      pending = ctx.alloc().directBuffer(Math.max(size, CHUNK));
    }
    return pending;
  }

  /** The packet written into {@code b} (from {@link #buffer}) is complete. */
  void done(ByteBuf b) {
    if (!stream) {
      ctx.write(b, ctx.voidPromise());
    }
  }

  /** Writes a packet made elsewhere (ownership passes). */
  void write(ByteBuf packet) {
    if (stream) {
      ByteBuf b = buffer(packet.readableBytes());
      b.writeBytes(packet);
      packet.release();
    } else {
      ctx.write(packet, ctx.voidPromise());
    }
  }

  /** Writes what is pending and flushes. */
  void flush() {
    if (pending != null) {
      if (pending.isReadable()) {
        ctx.write(pending, ctx.voidPromise());
      } else {
        pending.release();
      }
      pending = null;
    }
    ctx.flush();
  }

  /** Releases what is pending without writing it (the channel is going away). */
  void discard() {
    if (pending != null) {
      pending.release();
      pending = null;
    }
  }
}
