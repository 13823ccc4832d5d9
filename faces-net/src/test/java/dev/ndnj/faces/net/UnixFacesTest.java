package dev.ndnj.faces.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unix stream faces: two engines on one host, socket file life cycle. */
class UnixFacesTest {
  @TempDir
  Path dir;

  private final NetRig a = new NetRig(NetRig.quiet());
  private final NetRig b = new NetRig(NetRig.quiet());

  @BeforeEach
  void needsNative() {
    assumeTrue(a.net.isNative(), "Unix sockets need the native transport");
  }

  @AfterEach
  void close() {
    b.close();
    a.close();
  }

  @Test
  void consumerOnOneEngineGetsDataFromProducerOnTheOther() {
    Path sock = dir.resolve("a.sock");
    NetChannel listener = a.net.listenUnix(sock);
    assertEquals("unix://" + sock.toAbsolutePath(), listener.localUri());
    assertTrue(listener.localUri().startsWith("unix:///"));
    a.produce("/p", 300);

    Face toA = NetRig.get(b.net.createFace("unix://" + sock));
    b.route("/p", toA);
    assertArrayEquals(NetRig.content(300), bytes(b.fetch("/p/local")));
    assertEquals(FaceScope.LOCAL, toA.scope());
    assertEquals("unix://" + sock.toAbsolutePath(), toA.remoteUri());

    Face accepted = a.nextAdded();
    assertEquals("unix://" + sock.toAbsolutePath(), accepted.localUri());
    assertTrue(accepted.remoteUri().matches("fd://\\d+"), accepted.remoteUri());
    assertEquals(FaceScope.LOCAL, accepted.scope());
    assertEquals(FacePersistency.ON_DEMAND, accepted.persistency());
    assertEquals(-1, accepted.transport().mtu());
  }

  @Test
  void twoInstancesRunSideBySideOnDifferentPaths() {
    NetChannel one = a.net.listenUnix(dir.resolve("one.sock"));
    NetChannel two = b.net.listenUnix(dir.resolve("sub/two.sock")); // the directory is made
    assertTrue(one.isOpen() && two.isOpen());
    a.produce("/a", 5);
    b.produce("/b", 6);
    Face bToA = NetRig.get(b.net.createFace("unix://" + dir.resolve("one.sock")));
    Face aToB = NetRig.get(a.net.createFace("unix://" + dir.resolve("sub/two.sock")));
    b.route("/a", bToA);
    a.route("/b", aToB);
    assertEquals(5, b.fetch("/a/x").contentLength());
    assertEquals(6, a.fetch("/b/x").contentLength());
  }

  @Test
  void aStaleSocketFileIsReplacedAndTheFileIsDeletedOnClose() throws Exception {
    Path sock = dir.resolve("stale.sock");
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(sock)); // the JDK leaves the file behind on close
    }
    assertTrue(Files.exists(sock));
    NetChannel listener = a.net.listenUnix(sock);
    a.produce("/p", 1);
    b.route("/p", NetRig.get(b.net.createFace("unix://" + sock)));
    assertEquals(1, b.fetch("/p/x").contentLength());
    listener.close();
    assertFalse(Files.exists(sock), "deleted on close");
    assertFalse(listener.isOpen());
  }

  @Test
  void aSocketInUseByAnotherInstanceIsAnError() {
    Path sock = dir.resolve("busy.sock");
    NetChannel first = a.net.listenUnix(sock);
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> b.net.listenUnix(sock));
    assertTrue(e.getMessage().contains("in use"), e.getMessage());
    assertTrue(first.isOpen());
    a.produce("/p", 1);
    b.route("/p", NetRig.get(b.net.createFace("unix://" + sock)));
    assertEquals(1, b.fetch("/p/still").contentLength());
  }

  @Test
  void closingTheNetFacesClosesItsFacesAndRemovesThemFromTheEngine() {
    Path sock = dir.resolve("c.sock");
    a.net.listenUnix(sock);
    Face toA = NetRig.get(b.net.createFace("unix://" + sock));
    Face accepted = a.nextAdded();
    a.net.close();
    assertEquals(accepted, a.nextRemoved());
    assertEquals(toA, b.nextRemoved(), "the peer sees the connection close");
    assertFalse(Files.exists(sock));
  }

  private static byte[] bytes(dev.ndnj.tlv.Data d) {
    byte[] x = new byte[d.contentLength()];
    d.content().duplicate().get(x);
    return x;
  }
}
