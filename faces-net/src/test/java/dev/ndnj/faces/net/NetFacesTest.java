package dev.ndnj.faces.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ndnj.engine.face.Face;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API the forwarder process calls: start the configured channels, create faces, stop everything. */
class NetFacesTest {
  @TempDir
  Path dir;

  private NetRig a;
  private NetRig b;

  @AfterEach
  void close() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void startListensOnIpv4AndIpv6WildcardsAndTheUnixSocketAndReturnsTheirUris() throws Exception {
    int port = freePort();
    Path sock = dir.resolve("nfd.sock");
    a = new NetRig(new NetFacesConfig().tcpListen(NetFacesConfig.wildcards(port))
        .udpListen(NetFacesConfig.wildcards(port)).unixPath(sock));
    assumeTrue(a.net.isNative(), "separate IPv4 and IPv6 sockets on one port need the native transport");
    List<String> uris = a.net.start();
    assertEquals(List.of("tcp4://0.0.0.0:" + port, "tcp6://[::]:" + port, "udp4://0.0.0.0:" + port,
        "udp6://[::]:" + port, "unix://" + sock.toAbsolutePath()), uris);
    assertEquals(5, a.net.channels().size());

    a.produce("/p", 4);
    b = new NetRig(NetRig.quiet());
    Face v4 = NetRig.get(b.net.createFace("tcp4://127.0.0.1:" + port));
    b.route("/p", v4);
    assertEquals(4, b.fetch("/p/v4").contentLength());
    assertEquals("tcp4://127.0.0.1:" + port, a.nextAdded().localUri(), "the IPv4 channel accepted it");
    if (TcpFacesTest.hasIpv6Loopback()) {
      Face v6 = NetRig.get(b.net.createFace("tcp6://[::1]:" + port));
      assertEquals("tcp6://[::1]:" + port, a.nextAdded().localUri(), "the IPv6 channel accepted it");
      assertTrue(b.onLoop(v6::isUp));
    }
  }

  @Test
  void closeStopsEveryChannelAndFreesThePortsAndTheSocketFile() throws Exception {
    int port = freePort();
    Path sock = dir.resolve("x.sock");
    a = new NetRig(NetRig.quiet().tcpListen(List.of(new InetSocketAddress("127.0.0.1", port)))
        .udpListen(List.of(new InetSocketAddress("127.0.0.1", port))).unixPath(sock));
    a.net.start();
    b = new NetRig(NetRig.quiet());
    NetRig.get(b.net.createFace("tcp4://127.0.0.1:" + port));
    Face accepted = a.nextAdded();
    a.net.close();
    assertEquals(accepted, a.nextRemoved());
    assertEquals(List.of(), a.net.channels());
    assertFalse(Files.exists(sock));
    try (ServerSocket again = new ServerSocket()) {
      again.bind(new InetSocketAddress("127.0.0.1", port)); // the port is free again
    }
    assertThrows(IllegalStateException.class, () -> a.net.listenTcp(NetRig.loopback4()));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> a.net.createFace("tcp4://127.0.0.1:" + port).get(5, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof IllegalStateException);
  }


  @Test
  void aPortInUseFailsStartAndClosesWhatItStarted() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      a = new NetRig(NetRig.quiet().udpListen(List.of(new InetSocketAddress("127.0.0.1", 0)))
          .tcpListen(List.of(new InetSocketAddress("127.0.0.1", port))));
      UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> a.net.start());
      assertTrue(e.getMessage().contains("cannot listen on tcp"), e.getMessage());
      assertEquals(List.of(), a.net.channels());
    }
  }

  @Test
  void aRefusedConnectionFailsTheFuture() throws Exception {
    a = new NetRig(NetRig.quiet());
    int port = freePort();
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> a.net.createFace("tcp4://127.0.0.1:" + port).get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ConnectException, e.getCause().toString());
    assertThrows(IllegalArgumentException.class, () -> a.net.createFace("ether://[01:00:5e:00:17:aa]"));
  }

  @Test
  void aUdpFaceWithoutAUdpChannelOpensOneOnAnEphemeralPort() {
    a = new NetRig(NetRig.quiet());
    b = new NetRig(NetRig.quiet());
    NetChannel chB = b.net.listenUdp(NetRig.loopback4());
    b.produce("/p", 3);
    Face toB = NetRig.get(a.net.createFace("udp4://127.0.0.1:" + NetRig.port(chB)));
    assertTrue(toB.localUri().matches("udp4://0\\.0\\.0\\.0:\\d+"), toB.localUri());
    a.route("/p", toB);
    assertEquals(3, a.fetch("/p/x").contentLength());
    assertEquals(1, a.net.channels().size());
  }

  @Test
  void withoutTheNativeTransportTcpAndUdpRunOnNio() throws Exception {
    a = new NetRig(NetRig.quiet().preferNative(false));
    b = new NetRig(NetRig.quiet().preferNative(false).udpMtu(1472));
    assertFalse(a.net.isNative());
    NetChannel tcp = a.net.listenTcp(NetRig.loopback4());
    NetChannel udp = a.net.listenUdp(NetRig.loopback4());
    b.net.listenUdp(NetRig.loopback4());
    a.produce("/t", 5000);
    Face overTcp = NetRig.get(b.net.createFace("tcp4://127.0.0.1:" + NetRig.port(tcp)));
    Face overUdp = NetRig.get(b.net.createFace("udp4://127.0.0.1:" + NetRig.port(udp)));
    b.route("/t/tcp", overTcp);
    b.route("/t/udp", overUdp);
    assertEquals(5000, b.fetch("/t/tcp/1").contentLength());
    assertEquals(5000, b.fetch("/t/udp/1").contentLength());
    assertThrows(UnsupportedOperationException.class, () -> a.net.listenUnix(dir.resolve("n.sock")));
  }

  @Test
  void withoutTheNativeTransportAnIpv6WildcardServesIpv4Too() throws Exception {
    int port = freePort();
    a = new NetRig(NetRig.quiet().preferNative(false).tcpListen(NetFacesConfig.wildcards(port)));
    assertEquals(List.of("tcp6://[::]:" + port), a.net.start());
    b = new NetRig(NetRig.quiet());
    Face v4 = NetRig.get(b.net.createFace("tcp4://127.0.0.1:" + port));
    Face accepted = a.nextAdded();
    assertEquals("tcp4://127.0.0.1:" + port, accepted.localUri(), "IPv4-mapped addresses print as IPv4");
    assertEquals(v4.localUri(), accepted.remoteUri());
  }
}
