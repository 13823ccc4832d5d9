package dev.ndnj.faces.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream framer without sockets: partial reads, several elements per read, and every way to break a stream. */
class TlvFrameDecoderTest {
  private final List<String> frames = new ArrayList<>();
  private final List<Object> events = new ArrayList<>();
  private final EmbeddedChannel ch = new EmbeddedChannel(new TlvFrameDecoder(100), new ChannelInboundHandlerAdapter() {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf b = (ByteBuf) msg;
      frames.add(ByteBufUtil.hexDump(b));
      b.release();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      events.add(evt);
    }
  });

  private void feed(int... octets) {
    byte[] b = new byte[octets.length];
    for (int i = 0; i < octets.length; i++) {
      b[i] = (byte) octets[i];
    }
    ch.writeInbound(Unpooled.wrappedBuffer(b));
  }

  @Test
  void anElementSplitAcrossReadsComesOutWhole() {
    feed(0x05);
    feed(0x03, 0x07);
    assertEquals(List.of(), frames);
    feed(0x01, 0x61);
    assertEquals(List.of("0503070161"), frames);
    assertTrue(ch.isOpen());
  }

  @Test
  void aCopyingDecoderEmitsHeapCopiesAndReleasesTheInput() {
    List<ByteBuffer> copies = new ArrayList<>();
    EmbeddedChannel c = new EmbeddedChannel(new TlvFrameDecoder(100, true), new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        copies.add((ByteBuffer) msg);
      }
    });
    ByteBuf first = Unpooled.wrappedBuffer(new byte[] {0x05, 0x00, 0x06, 0x01, (byte) 0xaa, 0x64});
    ByteBuf second = Unpooled.wrappedBuffer(new byte[] {0x01, 0x07});
    c.writeInbound(first);
    c.writeInbound(second);
    assertEquals(3, copies.size());
    assertEquals(ByteBuffer.wrap(new byte[] {0x05, 0x00}), copies.get(0));
    assertEquals(ByteBuffer.wrap(new byte[] {0x06, 0x01, (byte) 0xaa}), copies.get(1));
    assertEquals(ByteBuffer.wrap(new byte[] {0x64, 0x01, 0x07}), copies.get(2), "an element split across reads");
    for (ByteBuffer b : copies) {
      assertTrue(b.hasArray() && !b.isReadOnly() && b.position() == 0, "an owned heap buffer");
    }
    assertEquals(0, first.refCnt());
    assertEquals(0, second.refCnt());
    assertFalse(c.finish());
  }

  @Test
  void severalElementsInOneReadComeOutOneByOne() {
    feed(0x05, 0x00, 0x06, 0x01, 0xaa, 0x64, 0x02, 0x01);
    feed(0x02);
    assertEquals(List.of("0500", "0601aa", "64020102"), frames);
  }

  @Test
  void headersOfEverySizeAreCheckedForShortestFormAndLimit() {
    assertEquals(TlvFrames.NEED_MORE, TlvFrames.frameLength(buf(), 1000));
    assertEquals(TlvFrames.NEED_MORE, TlvFrames.frameLength(buf(0x06), 1000));
    assertEquals(TlvFrames.NEED_MORE, TlvFrames.frameLength(buf(0x06, 0xfd, 0x01), 1000));
    assertEquals(4 + 300, TlvFrames.frameLength(buf(0x06, 0xfd, 0x01, 0x2c), 1000), "value not needed yet");
    assertEquals(TlvFrames.TOO_LONG, TlvFrames.frameLength(buf(0x06, 0xfd, 0x01, 0x2c), 303));
    assertEquals(TlvFrames.INVALID, TlvFrames.frameLength(buf(0x06, 0xfd, 0x00, 0x5a), 1000), "90 in 3 octets");
    assertEquals(TlvFrames.INVALID, TlvFrames.frameLength(buf(0x06, 0xfe, 0, 0, 0, 5), 1000), "5 in 5 octets");
    assertEquals(TlvFrames.TOO_LONG, TlvFrames.frameLength(buf(0x06, 0xfe, 0, 1, 0, 0), 1000));
    assertEquals(TlvFrames.INVALID, TlvFrames.frameLength(buf(0xff, 0, 0, 0, 1, 0, 0, 0, 0, 0), 1000),
        "a TLV-TYPE above 2^32-1");
    assertEquals(TlvFrames.TOO_LONG, TlvFrames.frameLength(buf(0x06, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 0), 1000),
        "a length above 2^63");
    assertEquals(3 + 5 + 0x10000, TlvFrames.frameLength(buf(0xfd, 0x03, 0x20, 0xfe, 0, 1, 0, 0), 100_000),
        "TLV-TYPE 800 with a 65536-octet value");
  }

  @Test
  void typeZeroIsInvalidAndClosesTheStream() {
    feed(0x05, 0x00, 0x00, 0x01, 0x00, 0x05, 0x00);
    assertEquals(List.of("0500"), frames, "what came before the bad header is delivered");
    assertEquals(List.of(TlvFrameDecoder.FramingError.INVALID_HEADER), events);
    assertFalse(ch.isOpen());
  }

  @Test
  void aVarNumberNotInShortestFormIsInvalid() {
    feed(0xfd, 0x00, 0x05, 0x00);
    assertEquals(List.of(TlvFrameDecoder.FramingError.INVALID_HEADER), events);
    assertFalse(ch.isOpen());
  }

  @Test
  void anElementOverTheLimitIsRefusedFromItsHeader() {
    feed(0x06, 0xfd, 0x01, 0x00); // 256 octets announced, limit 100
    assertEquals(List.of(TlvFrameDecoder.FramingError.TOO_LONG), events);
    assertFalse(ch.isOpen());
    assertEquals(List.of(), frames);
  }

  @Test
  void aStreamEndingInsideAnElementIsTruncated() {
    feed(0x05, 0x00, 0x06, 0x05, 0x01, 0x02);
    ch.close();
    assertEquals(List.of("0500"), frames);
    assertEquals(List.of(TlvFrameDecoder.FramingError.TRUNCATED), events);
  }

  @Test
  void aStreamEndingBetweenElementsIsClean() {
    feed(0x05, 0x00);
    ch.close();
    assertEquals(List.of("0500"), frames);
    assertEquals(List.of(), events);
  }

  private static ByteBuf buf(int... octets) {
    byte[] b = new byte[octets.length];
    for (int i = 0; i < octets.length; i++) {
      b[i] = (byte) octets[i];
    }
    return Unpooled.wrappedBuffer(b);
  }
}
