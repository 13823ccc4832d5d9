package dev.ndnj.faces.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Splits a byte stream (TCP, Unix) into frames, one TLV element each, as NFD's {@code StreamTransport}: reads the
 * TLV-TYPE and TLV-LENGTH VAR-NUMBERs, waits for partial elements, and emits each complete element as a retained
 * slice of the cumulation (no copy; the next handler owns and releases it), or, made with {@code copyFrames}, as a
 * new heap {@link ByteBuffer} holding a copy of the element (owned by the next handler; nothing to release): the one
 * copy a face makes of each received frame, taken straight from the cumulation without a slice and its reference
 * count.
 *
 * <p>A stream whose next header is invalid (zero or over-long TLV-TYPE, a VAR-NUMBER not in shortest form) or whose
 * element is larger than the largest frame cannot be re-synchronized: the decoder fires a {@link FramingError} user
 * event, discards everything from then on and closes the channel. A stream that ends in the middle of an element
 * fires {@link FramingError#TRUNCATED} before the channel goes inactive. Bad input never throws.
 */
public final class TlvFrameDecoder extends ByteToMessageDecoder {
  /** Why a stream was given up, fired as a user event down the pipeline. */
  public enum FramingError {
    /** A TLV-TYPE or TLV-LENGTH that is not valid. */
    INVALID_HEADER,
    /** An element larger than the largest frame. */
    TOO_LONG,
    /** The stream ended inside an element. */
    TRUNCATED
  }

  private final int maxFrame;
  private final boolean copyFrames;
  private boolean failed;

  /** A decoder that accepts elements of at most {@code maxFrame} octets (header included), emitted as slices. */
  public TlvFrameDecoder(int maxFrame) {
    this(maxFrame, false);
  }

  /**
   * A decoder that accepts elements of at most {@code maxFrame} octets (header included), emitted as heap
   * {@link ByteBuffer} copies when {@code copyFrames}, else as retained {@link ByteBuf} slices.
   */
  public TlvFrameDecoder(int maxFrame, boolean copyFrames) {
    if (maxFrame < 2) {
      throw new IllegalArgumentException("maxFrame must be >= 2, got " + maxFrame);
    }
    this.maxFrame = maxFrame;
    this.copyFrames = copyFrames;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    while (in.isReadable()) {
      int n = TlvFrames.frameLength(in, maxFrame);
      if (n == TlvFrames.NEED_MORE || (n > 0 && in.readableBytes() < n)) {
        return;
      }
      if (n < 0) {
        if (!out.isEmpty()) {
          return; // let the frames before the bad header go first; the next call fails
        }
        fail(ctx, in, n == TlvFrames.TOO_LONG ? FramingError.TOO_LONG : FramingError.INVALID_HEADER);
        return;
      }
      if (copyFrames) {
        ByteBuffer copy = ByteBuffer.allocate(n);
        in.readBytes(copy);
        copy.flip();
        out.add(copy);
      } else {
        out.add(in.readRetainedSlice(n));
      }
    }
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    decode(ctx, in, out);
    if (!failed && in.isReadable()) {
      in.skipBytes(in.readableBytes());
      failed = true;
      ctx.fireUserEventTriggered(FramingError.TRUNCATED);
    }
  }

  private void fail(ChannelHandlerContext ctx, ByteBuf in, FramingError why) {
    failed = true;
    in.skipBytes(in.readableBytes());
    ctx.fireUserEventTriggered(why);
    ctx.close();
  }
}
