package dev.ndnj.faces.net;

import java.net.InetSocketAddress;
import java.util.List;

/** An {@link EngineRig} with the engine's network faces ({@link NetFaces}); it watches their faces. */
final class NetRig extends EngineRig {
  final NetFaces net;

  NetRig(NetFacesConfig config) {
    super(face -> face.transport() instanceof NettyTransport);
    net = new NetFaces(engine, config);
  }

  /** A config that starts nothing by itself: tests listen on loopback with ephemeral ports. */
  static NetFacesConfig quiet() {
    return new NetFacesConfig().tcpListen(List.of()).udpListen(List.of()).unixPath(null).ioThreads(2);
  }

  static int port(NetChannel ch) {
    return ((InetSocketAddress) ch.localAddress()).getPort();
  }

  @Override
  protected void closeFaces() {
    net.close();
  }
}
