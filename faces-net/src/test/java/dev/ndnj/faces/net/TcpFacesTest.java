package dev.ndnj.faces.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.tlv.Data;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TCP faces between two engines over loopback, and what a misbehaving TCP peer gets. */
class TcpFacesTest {
  private final NetRig a = new NetRig(NetRig.quiet().queueLimits(new NettyTransport.QueueLimits(64 * 1024, 1 << 20)));
  private final NetRig b = new NetRig(NetRig.quiet());

  @AfterEach
  void close() {
    b.close();
    a.close();
  }

  /** B connects to A, routes /p to that face, and fetches from A's producer. */
  private Face connect(NetChannel listener) {
    Face toA = NetRig.get(b.net.createFace("tcp4://127.0.0.1:" + NetRig.port(listener)));
    b.route("/p", toA);
    return toA;
  }

  @Test
  void consumerOnOneEngineGetsDataFromProducerOnTheOther() {
    NetChannel listener = a.net.listenTcp(NetRig.loopback4());
    int port = NetRig.port(listener);
    assertEquals("tcp4://127.0.0.1:" + port, listener.localUri());
    a.produce("/p", 100);

    Face toA = connect(listener);
    Data d = b.fetch("/p/hello");
    assertEquals("/p/hello", d.name().toString());
    assertArrayEquals(NetRig.content(100), bytes(d));

    // the connecting side: persistent, local (both ends loopback), URIs as NFD prints them
    assertEquals("tcp4://127.0.0.1:" + port, toA.remoteUri());
    assertTrue(toA.localUri().matches("tcp4://127\\.0\\.0\\.1:\\d+"), toA.localUri());
    assertEquals(FacePersistency.PERSISTENT, toA.persistency());
    assertEquals(FaceScope.LOCAL, toA.scope());
    assertEquals(LinkType.POINT_TO_POINT, toA.linkType());
    // the accepting side: on-demand, its URIs mirror the connecting side's
    Face accepted = a.nextAdded();
    assertEquals("tcp4://127.0.0.1:" + port, accepted.localUri());
    assertEquals(toA.localUri(), accepted.remoteUri());
    assertEquals(FacePersistency.ON_DEMAND, accepted.persistency());
    assertEquals(FaceScope.LOCAL, accepted.scope());
    assertEquals(1, listener.faceCount());
  }

  @Test
  void ipv6LoopbackFacesArePrintedInBrackets() throws Exception {
    assumeTrue(hasIpv6Loopback(), "no IPv6 loopback");
    NetChannel listener = a.net.listenTcp(new InetSocketAddress("::1", 0));
    int port = NetRig.port(listener);
    assertEquals("tcp6://[::1]:" + port, listener.localUri());
    a.produce("/p", 10);
    Face toA = NetRig.get(b.net.createFace("tcp6://[::1]:" + port));
    b.route("/p", toA);
    assertEquals(10, b.fetch("/p/six").contentLength());
    assertEquals("tcp6://[::1]:" + port, toA.remoteUri());
    assertTrue(toA.localUri().matches("tcp6://\\[::1\\]:\\d+"), toA.localUri());
    assertEquals(FaceScope.LOCAL, toA.scope());
  }

  @Test
  void garbageClosesThatConnectionAndIsCountedWhileAnotherFaceWorks() throws Exception {
    NetChannel listener = a.net.listenTcp(NetRig.loopback4());
    a.produce("/p", 10);
    connect(listener);
    Face good = a.nextAdded();
    assertEquals(10, b.fetch("/p/before").contentLength());

    try (Socket raw = new Socket("127.0.0.1", NetRig.port(listener))) {
      raw.setSoTimeout((int) NetRig.TIMEOUT_SECONDS * 1000);
      Face bad = a.nextAdded();
      // TLV-TYPE 0 is invalid: the stream cannot be framed any more
      raw.getOutputStream().write(new byte[] {0x00, 0x05, 1, 2, 3, 4, 5});
      raw.getOutputStream().flush();
      assertEquals(-1, raw.getInputStream().read(), "the forwarder closes the connection");
      assertEquals(bad, a.nextRemoved());
      assertEquals(1, a.onLoop(() -> bad.counters().drops(FaceDrop.MALFORMED)));
      assertEquals(0, a.onLoop(() -> bad.counters().inInterests()));
    }
    assertEquals(1, listener.framingErrors());
    assertTrue(a.onLoop(good::isUp));
    assertEquals(10, b.fetch("/p/after").contentLength());
  }

  @Test
  void anOverlongElementClosesTheConnection() throws Exception {
    NetChannel listener = a.net.listenTcp(NetRig.loopback4());
    try (Socket raw = new Socket("127.0.0.1", NetRig.port(listener))) {
      raw.setSoTimeout((int) NetRig.TIMEOUT_SECONDS * 1000);
      Face bad = a.nextAdded();
      // a Data claiming 65536 octets, over the 8800 + headroom limit: refused before any of it arrives
      raw.getOutputStream().write(new byte[] {0x06, (byte) 0xfe, 0x00, 0x01, 0x00, 0x00});
      assertEquals(-1, raw.getInputStream().read());
      assertEquals(bad, a.nextRemoved());
      assertEquals(1, a.onLoop(() -> bad.counters().drops(FaceDrop.MALFORMED)));
    }
    assertEquals(1, listener.framingErrors());
  }

  @Test
  void aTruncatedElementBeforeCloseIsCountedAndNothingIsDelivered() throws Exception {
    NetChannel listener = a.net.listenTcp(NetRig.loopback4());
    a.produce("/p", 10);
    Face bad;
    try (Socket raw = new Socket("127.0.0.1", NetRig.port(listener))) {
      bad = a.nextAdded();
      byte[] interest = NetRig.interestWire("/p/cut");
      OutputStream out = raw.getOutputStream();
      out.write(interest, 0, interest.length - 3); // all but the last 3 octets, then close
      out.flush();
    }
    assertEquals(bad, a.nextRemoved());
    assertEquals(1, a.onLoop(() -> bad.counters().drops(FaceDrop.MALFORMED)));
    assertEquals(0, a.onLoop(() -> bad.counters().inInterests()));
    assertEquals(1, listener.framingErrors());
  }

  @Test
  void framesSplitAcrossWritesAndSeveralInOneWriteAllArrive() throws Exception {
    NetChannel listener = a.net.listenTcp(NetRig.loopback4());
    a.produce("/p", 10);
    try (Socket raw = new Socket("127.0.0.1", NetRig.port(listener))) {
      raw.setSoTimeout((int) NetRig.TIMEOUT_SECONDS * 1000);
      Face face = a.nextAdded();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int i = 0; i < 3; i++) {
        all.write(NetRig.interestWire("/p/many/" + i));
      }
      byte[] bytes = all.toByteArray();
      OutputStream out = raw.getOutputStream();
      out.write(bytes, 0, 1); // one octet of the header
      out.flush();
      out.write(bytes, 1, 5);
      out.flush();
      out.write(bytes, 6, bytes.length - 6); // the rest of the first and two whole ones
      out.flush();
      InputStream in = raw.getInputStream();
      for (int i = 0; i < 3; i++) {
        assertEquals(0x06, in.read(), "a Data comes back");
        skipElementRest(in);
      }
      assertEquals(3, a.onLoop(() -> face.counters().inInterests()));
    }
  }

  @Test
  void aReaderThatNeverReadsMakesTheForwarderDropInsteadOfBuffering() throws Exception {
    NetChannel listener = a.net.listenTcp(NetRig.loopback4());
    int limit = 64 * 1024;
    int count = 1000; // 8 MB of Data for a peer that reads none of it
    a.produce("/big", 8000);
    try (Socket raw = new Socket()) {
      raw.setReceiveBufferSize(4096);
      raw.connect(new InetSocketAddress("127.0.0.1", NetRig.port(listener)));
      Face face = a.nextAdded();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int i = 0; i < count; i++) {
        all.write(NetRig.interestWire("/big/" + i));
      }
      raw.getOutputStream().write(all.toByteArray());
      raw.getOutputStream().flush();
      a.await("every Data sent or dropped", () ->
          face.counters().outData() == count);
      long dropped = a.onLoop(() -> face.counters().drops(FaceDrop.SEND_QUEUE_FULL));
      long queued = ((NettyTransport) face.transport()).sendQueueBytes();
      assertTrue(dropped > 0, "drops counted: " + dropped);
      assertTrue(queued <= limit, "queued " + queued + " <= " + limit);
      assertTrue(a.onLoop(face::isUp), "a slow reader is not an error");
    }
  }

  private static byte[] bytes(Data d) {
    byte[] b = new byte[d.contentLength()];
    d.content().duplicate().get(b);
    return b;
  }

  /** Reads the TLV-LENGTH and value of an element whose TLV-TYPE (one octet) was read. */
  private static void skipElementRest(InputStream in) throws Exception {
    int first = in.read();
    long len;
    if (first < 253) {
      len = first;
    } else if (first == 253) {
      len = (in.read() << 8) | in.read();
    } else {
      len = ((long) in.read() << 24) | (in.read() << 16) | (in.read() << 8) | in.read();
    }
    assertNotEquals(-1, first);
    assertEquals(len, in.readNBytes((int) len).length);
  }

  static boolean hasIpv6Loopback() {
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress addr : Collections.list(nif.getInetAddresses())) {
          if (addr instanceof Inet6Address && addr.isLoopbackAddress()) {
            return true;
          }
        }
      }
    } catch (Exception e) {
      return false;
    }
    return false;
  }
}
