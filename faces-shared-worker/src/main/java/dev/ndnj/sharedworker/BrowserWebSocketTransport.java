package dev.ndnj.sharedworker;

import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.Transport;
import dev.ndnj.sharedworker.js.Js;
import dev.ndnj.sharedworker.js.Sockets;
import java.nio.ByteBuffer;
import org.teavm.jso.JSObject;

/**
 * A {@link Transport} over the browser's {@code WebSocket} to a forwarder: one TLV element per binary message, as
 * the forwarder's WebSocket channel (and NFD's) expects. A received message is read in place; a text message is
 * dropped and counted. When the socket has more than {@value #MAX_BUFFERED} octets queued, frames are dropped and
 * counted instead of buffered. Non-local scope: it is a network link.
 */
public final class BrowserWebSocketTransport extends Transport {
  /** Octets the socket may hold unsent before frames are dropped. */
  public static final int MAX_BUFFERED = 4 << 20;

  private final JSObject socket;

  BrowserWebSocketTransport(JSObject socket, String url) {
    super(FaceScope.NON_LOCAL, LinkType.POINT_TO_POINT, FacePersistency.PERSISTENT, "wsclient://browser", url, -1);
    this.socket = socket;
  }

  /** Delivers one received message (called by the owner of the socket's events). */
  void onMessage(JSObject data) {
    if (isClosed()) {
      return;
    }
    if (Js.isNullish(data) || !Js.isArrayBuffer(data)) {
      face().counters().drop(FaceDrop.MALFORMED);
      return;
    }
    receive(ByteBuffer.wrap(Js.bytesOf(data)));
  }

  /** The socket went down. */
  void onClosed() {
    closed();
  }

  @Override
  protected boolean doSend(ByteBuffer frame) {
    if (Sockets.bufferedAmount(socket) > MAX_BUFFERED) {
      return false;
    }
    byte[] b = new byte[frame.remaining()];
    frame.duplicate().get(b);
    Sockets.send(socket, b);
    return true;
  }

  @Override
  public void close() {
    if (!isClosed()) {
      Sockets.close(socket);
      closed();
    }
  }
}
