package dev.ndnj.faces.websocket;

import dev.ndnj.faces.net.EngineRig;
import java.net.InetSocketAddress;
import java.util.List;

/** An {@link EngineRig} with the engine's WebSocket faces ({@link WebSocketFaces}); it watches their faces. */
final class WsRig extends EngineRig {
  final WebSocketFaces ws;

  WsRig(WebSocketFacesConfig config) {
    super(face -> face.transport() instanceof WebSocketTransport);
    ws = new WebSocketFaces(engine, config);
  }

  /** A config that listens on nothing by itself: tests listen on loopback with ephemeral ports. */
  static WebSocketFacesConfig quiet() {
    return new WebSocketFacesConfig().listen(List.of()).ioThreads(2);
  }

  static int port(WebSocketChannel ch) {
    return ((InetSocketAddress) ch.localAddress()).getPort();
  }

  @Override
  protected void closeFaces() {
    ws.close();
  }
}
