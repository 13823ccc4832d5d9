package dev.ndnj.faces.net;

import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.platform.TaskQueue;
import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP or Unix stream face's transport: one channel per face, framed by a {@link TlvFrameDecoder} in front of
 * {@link #inboundHandler()}, no MTU, point-to-point. A framing error is counted on the face and on the listening
 * channel (when the face was accepted by one) before the connection closes.
 */
final class StreamTransport extends NettyTransport {
  private final AtomicLong channelFramingErrors;

  /**
   * @param channelFramingErrors the accepting channel's counter of connections closed for bad framing, or null
   */
  StreamTransport(Channel channel, TaskQueue tasks, FaceScope scope, FacePersistency persistency, String localUri,
      String remoteUri, QueueLimits limits, AtomicLong channelFramingErrors) {
    super(channel, tasks, scope, LinkType.POINT_TO_POINT, persistency, localUri, remoteUri, -1, limits);
    this.channelFramingErrors = channelFramingErrors;
  }

  /** A byte stream: the frames of a drain go out back to back in shared buffers. */
  @Override
  protected boolean coalescesOutbound() {
    return true;
  }

  @Override
  protected void framingError(TlvFrameDecoder.FramingError why) {
    super.framingError(why);
    if (channelFramingErrors != null) {
      channelFramingErrors.incrementAndGet();
    }
  }
}
