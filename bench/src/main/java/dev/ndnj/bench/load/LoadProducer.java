package dev.ndnj.bench.load;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.KeyLocator;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Sha256;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvTypes;
import dev.ndnj.tlv.mgmt.ControlCommand;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The producer side of the load: one connection to the forwarder that registers a prefix with NFD's
 * {@code /localhost/nfd/rib/register} (a v0.3 signed command Interest, DigestSha256 with a KeyLocator name, as
 * NFD's permissive localhost configuration accepts and ndnj accepts on local faces) and answers every Interest it
 * receives with a Data of the configured payload, echoing a PitToken if the Interest carried one. Answers written
 * during one read turn are flushed once at its end (on a stream, back to back in shared buffers). Runs on its channel's event loop; the counters may be read from
 * any thread.
 */
final class LoadProducer extends ChannelInboundHandlerAdapter {
  private static final Name REGISTER = Name.parse("/localhost/nfd/rib/register");
  private static final Name KEY_NAME = Name.parse("/ndnj-loadgen/KEY/1");

  private final Name prefix;
  private final byte[] payload;
  private final long freshnessMillis;
  private final CompletableFuture<ControlResponse> registered = new CompletableFuture<>();
  private volatile long interests;
  private volatile long dropped;
  private boolean pending;
  private final boolean stream;
  private BurstWriter out;

  LoadProducer(Name prefix, int payloadSize, long freshnessMillis, boolean stream) {
    this.prefix = prefix;
    this.payload = new byte[payloadSize];
    for (int i = 0; i < payloadSize; i++) {
      payload[i] = (byte) ('a' + i % 26);
    }
    this.freshnessMillis = freshnessMillis;
    this.stream = stream;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    out = new BurstWriter(ctx, stream);
  }

  /** Completes with the forwarder's answer to rib/register (any status code). */
  CompletableFuture<ControlResponse> registered() {
    return registered;
  }

  /** Interests answered so far. */
  long interests() {
    return interests;
  }

  /** Packets received that were neither an Interest to answer nor the command's response. */
  long dropped() {
    return dropped;
  }

  /** The signed rib/register command for {@code prefix} (v0.3 signed Interest, DigestSha256). */
  static Interest registerCommand(Name prefix) {
    ControlParameters p = ControlParameters.builder().name(prefix).build();
    Name name = ControlCommand.of("rib", "register", p).toName();
    byte[] sigNonce = new byte[8];
    ThreadLocalRandom.current().nextBytes(sigNonce);
    SignatureInfo info = SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256)
        .keyLocator(KeyLocator.ofName(KEY_NAME)).nonce(sigNonce).time(System.currentTimeMillis()).build();
    int nonce = ThreadLocalRandom.current().nextInt();
    Interest unsigned = Interest.builder(name).nonce(nonce).lifetime(4000).signatureInfo(info)
        .signatureValue(new byte[32]).build();
    Sha256 h = new Sha256();
    for (ByteBuffer portion : unsigned.signedPortions()) {
      h.update(portion, portion.position(), portion.remaining());
    }
    return Interest.builder(name).nonce(nonce).lifetime(4000).signatureInfo(info).signatureValue(h.digest()).build();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    pending = true;
    ByteBuffer w = registerCommand(prefix).wire();
    ctx.writeAndFlush(Unpooled.wrappedBuffer(w));
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf frame = (ByteBuf) msg;
    try {
      ByteBuffer b = frame.nioBuffer();
      int type = b.get(b.position()) & 0xff;
      if (type == TlvTypes.INTEREST) {
        answer(ctx, b, null);
      } else if (type == TlvTypes.LP_PACKET) {
        LpPacket lp = LpPacket.decode(b);
        if (!lp.isNack() && lp.fragmentType() == TlvTypes.INTEREST && lp.fragCount() == 1) {
          answer(ctx, lp.fragment(), lp.pitToken());
        } else {
          dropped++;
        }
      } else if (type == TlvTypes.DATA && pending) {
        Data d = Data.decode(b);
        if (REGISTER.isPrefixOf(d.name())) {
          pending = false;
          registered.complete(ControlResponse.decode(d.content()));
        } else {
          dropped++;
        }
      } else {
        dropped++;
      }
    } catch (TlvException e) {
      dropped++;
    } finally {
      frame.release();
    }
  }

  private void answer(ChannelHandlerContext ctx, ByteBuffer b, ByteBuffer pitToken) {
    int nameAt = LoadPackets.nameOffset(b, b.position(), b.limit(), TlvTypes.INTEREST);
    int nameLen = nameAt < 0 ? -1 : LoadPackets.nameLength(b, nameAt, b.limit());
    if (nameLen < 0) {
      dropped++;
      return;
    }
    if (pitToken == null) {
      ByteBuf d = out.buffer(LoadPackets.dataLength(nameLen, payload.length, freshnessMillis));
      LoadPackets.writeData(d, b, nameAt, nameLen, payload, freshnessMillis);
      out.done(d);
    } else {
      ByteBuf data = LoadPackets.data(ctx.alloc(), b, nameAt, nameLen, payload, freshnessMillis);
      out.write(LoadPackets.withPitToken(ctx.alloc(), pitToken, data));
    }
    interests++;
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    out.flush();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    out.discard();
    registered.completeExceptionally(new IllegalStateException("producer connection closed"));
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    registered.completeExceptionally(cause);
    ctx.close();
  }
}
