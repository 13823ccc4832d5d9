package dev.ndnj.faces.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.tlv.Data;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Unicast UDP faces between two engines over loopback, on-demand faces, fragmentation and bad datagrams. */
class UdpFacesTest {
  private NetRig a;
  private NetRig b;

  private void start(NetFacesConfig configA, NetFacesConfig configB) {
    a = new NetRig(configA);
    b = new NetRig(configB);
  }

  @AfterEach
  void close() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  @Test
  void consumerOnOneEngineGetsDataFromProducerOnTheOther() {
    start(NetRig.quiet(), NetRig.quiet());
    NetChannel chA = a.net.listenUdp(NetRig.loopback4());
    NetChannel chB = b.net.listenUdp(NetRig.loopback4());
    int portA = NetRig.port(chA);
    int portB = NetRig.port(chB);
    assertEquals("udp4://127.0.0.1:" + portA, chA.localUri());
    a.produce("/p", 100);

    Face toA = NetRig.get(b.net.createFace("udp4://127.0.0.1:" + portA));
    b.route("/p", toA);
    Data d = b.fetch("/p/hello");
    assertArrayEquals(NetRig.content(100), bytes(d));

    assertEquals("udp4://127.0.0.1:" + portA, toA.remoteUri());
    assertEquals("udp4://127.0.0.1:" + portB, toA.localUri());
    assertEquals(FacePersistency.PERSISTENT, toA.persistency());
    assertEquals(FaceScope.NON_LOCAL, toA.scope(), "UDP faces are non-local even on loopback, as in NFD");
    assertEquals(LinkType.POINT_TO_POINT, toA.linkType());
    assertEquals(NetFacesConfig.DEFAULT_UDP_MTU, toA.transport().mtu());

    Face onDemand = a.nextAdded();
    assertEquals("udp4://127.0.0.1:" + portB, onDemand.remoteUri());
    assertEquals("udp4://127.0.0.1:" + portA, onDemand.localUri());
    assertEquals(FacePersistency.ON_DEMAND, onDemand.persistency());
    assertEquals(FaceScope.NON_LOCAL, onDemand.scope());
    assertEquals(1, chA.faceCount());

    // creating the face A already has on demand returns it, made persistent (NFD's faces/create)
    Face same = NetRig.get(a.net.createFace("udp4://127.0.0.1:" + portB));
    assertEquals(onDemand, same);
    assertEquals(FacePersistency.PERSISTENT, a.onLoop(same::persistency));
  }

  @Test
  void aLargeDataIsFragmentedAndReassembled() {
    NetFacesConfig small = NetRig.quiet().udpMtu(1472);
    start(small, NetRig.quiet().udpMtu(1472));
    NetChannel chA = a.net.listenUdp(NetRig.loopback4());
    b.net.listenUdp(NetRig.loopback4());
    a.produce("/big", 8000);
    Face toA = NetRig.get(b.net.createFace("udp4://127.0.0.1:" + NetRig.port(chA)));
    b.route("/big", toA);

    Data d = b.fetch("/big/one");
    assertArrayEquals(NetRig.content(8000), bytes(d));
    Face atA = a.nextAdded();
    long framesOut = a.onLoop(() -> atA.counters().outFrames());
    assertTrue(framesOut >= 6, "8000+ octets in 1472-octet fragments: " + framesOut + " frames");
    assertEquals(1, b.onLoop(() -> toA.counters().inData()));
    assertEquals(0, b.onLoop(() -> toA.counters().totalDrops()));
  }

  @Test
  void aBurstOfDatagramsIsReadWholeAndAnOversizedOneIsDropped() throws Exception {
    start(NetRig.quiet(), NetRig.quiet());
    NetChannel chA = a.net.listenUdp(NetRig.loopback4());
    a.produce("/b", 20);
    InetSocketAddress to = (InetSocketAddress) chA.localAddress();
    try (DatagramSocket raw = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      raw.setSoTimeout((int) NetRig.TIMEOUT_SECONDS * 1000);
      send(raw, to, NetRig.interestWire("/b/first"));
      assertEquals(0x06, receive(raw)[0], "Data");
      Face face = a.nextAdded();
      // a valid TLV element one octet above the largest datagram the channel takes: no longer one element once read
      int max = Math.max(NetFacesConfig.DEFAULT_UDP_MTU, TlvFrames.DEFAULT_MAX_FRAME);
      byte[] big = new byte[max + 1];
      big[0] = 0x05;
      big[1] = (byte) 0xfd;
      big[2] = (byte) ((max - 3) >> 8);
      big[3] = (byte) (max - 3);
      send(raw, to, big);
      for (int i = 0; i < 40; i++) { // more than one system call's worth, sent back to back
        send(raw, to, NetRig.interestWire("/b/burst/" + i));
      }
      for (int i = 0; i < 40; i++) {
        assertEquals(0x06, receive(raw)[0], "Data " + i);
      }
      a.await("the oversized datagram counted", () -> face.counters().drops(FaceDrop.MALFORMED) == 1);
      assertEquals(41, a.onLoop(() -> face.counters().inInterests()));
    }
  }

  @Test
  void aGarbageDatagramIsACountedDropAndTheFaceStaysUsable() throws Exception {
    start(NetRig.quiet(), NetRig.quiet());
    NetChannel chA = a.net.listenUdp(NetRig.loopback4());
    a.produce("/p", 20);
    InetSocketAddress to = (InetSocketAddress) chA.localAddress();
    try (DatagramSocket raw = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      raw.setSoTimeout((int) NetRig.TIMEOUT_SECONDS * 1000);
      send(raw, to, NetRig.interestWire("/p/first"));
      assertEquals(0x06, receive(raw)[0], "Data");
      Face face = a.nextAdded();

      send(raw, to, "GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] withTrailer = concat(NetRig.interestWire("/p/trailer"), new byte[] {1, 2, 3});
      send(raw, to, withTrailer); // one element plus junk: not a datagram NFD would take either
      send(raw, to, NetRig.interestWire("/p/second"));
      assertEquals(0x06, receive(raw)[0], "the face still works");
      a.await("two malformed datagrams counted", () -> face.counters().drops(FaceDrop.MALFORMED) == 2);
      assertTrue(a.onLoop(face::isUp));
      assertEquals(2, a.onLoop(() -> face.counters().inInterests()));
    }

    try (DatagramSocket stranger = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      send(stranger, to, new byte[] {0x00, 0x00}); // TLV-TYPE 0 from an unknown endpoint: no face for it
      a.await("the stranger's datagram counted", () -> chA.framingErrors() == 1);
      assertEquals(1, chA.faceCount());
    }
  }

  @Test
  void anIdleOnDemandFaceClosesAfterTheTimeoutButAPersistentOneStays() throws Exception {
    long timeout = 300;
    start(NetRig.quiet().udpIdleTimeoutMillis(timeout), NetRig.quiet());
    NetChannel chA = a.net.listenUdp(NetRig.loopback4());
    InetSocketAddress to = (InetSocketAddress) chA.localAddress();
    try (DatagramSocket idle = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        DatagramSocket kept = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      Face persistent = NetRig.get(a.net.createFace("udp4://127.0.0.1:" + kept.getLocalPort()));
      assertEquals(persistent, a.nextAdded());
      long start = System.nanoTime();
      send(idle, to, NetRig.interestWire("/nowhere/x"));
      Face onDemand = a.nextAdded();
      assertEquals(onDemand, a.nextRemoved());
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(elapsedMillis >= timeout, "closed after " + elapsedMillis + " ms");
      assertTrue(a.onLoop(persistent::isUp), "persistent faces do not time out");
      assertEquals(1, chA.faceCount());
      // the endpoint comes back: a new on-demand face
      send(idle, to, NetRig.interestWire("/nowhere/y"));
      Face again = a.nextAdded();
      assertTrue(again.id() > onDemand.id());
    }
  }

  @Test
  void ipv6UrisAreBracketed() {
    assumeTrue(TcpFacesTest.hasIpv6Loopback(), "no IPv6 loopback");
    start(NetRig.quiet(), NetRig.quiet());
    NetChannel chA = a.net.listenUdp(new InetSocketAddress("::1", 0));
    b.net.listenUdp(new InetSocketAddress("::1", 0));
    int port = NetRig.port(chA);
    assertEquals("udp6://[::1]:" + port, chA.localUri());
    a.produce("/p", 10);
    Face toA = NetRig.get(b.net.createFace("udp6://[::1]:" + port));
    b.route("/p", toA);
    assertEquals(10, b.fetch("/p/six").contentLength());
    assertEquals("udp6://[::1]:" + port, toA.remoteUri());
  }

  private static void send(DatagramSocket s, InetSocketAddress to, byte[] payload) throws Exception {
    s.send(new DatagramPacket(payload, payload.length, to));
  }

  private static byte[] receive(DatagramSocket s) throws Exception {
    DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
    s.receive(p);
    return java.util.Arrays.copyOf(p.getData(), p.getLength());
  }

  private static byte[] concat(byte[] x, byte[] y) {
    byte[] r = java.util.Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, r, x.length, y.length);
    return r;
  }

  private static byte[] bytes(Data d) {
    byte[] b = new byte[d.contentLength()];
    d.content().duplicate().get(b);
    return b;
  }
}
