package dev.ndnj.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.engine.jvm.FutureConsumer;
import dev.ndnj.engine.jvm.JvmEngines;
import dev.ndnj.faces.net.NetFaces;
import dev.ndnj.faces.net.NetFacesConfig;
import dev.ndnj.interop.RunningForwarder.FaceView;
import dev.ndnj.interop.RunningForwarder.Transport;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;
import dev.ndnj.tlv.mgmt.RouteFlags;
import dev.ndnj.tlv.mgmt.RouteOrigin;
import io.netty.util.ResourceLeakDetector;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input against a running forwarder ({@code ForwarderProcess}, real loopback sockets), one transport at a time:
 * garbage and truncated elements on TCP, garbage on the Unix socket, oversized and text WebSocket messages, garbage
 * UDP datagrams, and a flood of Interests for an unrouted prefix. Each must end in a counted drop (or the offending
 * connection closed and counted) while a well-behaved consumer on another face keeps fetching from a producer
 * behind the forwarder.
 *
 * <p>The producer and the consumer are ndnj engines in this JVM with their own network faces (the producer over
 * TCP, the consumer over the Unix socket); the attackers are plain JDK sockets and the JDK's WebSocket client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  private static final long T = 10;
  private static final Name GOOD = Name.parse("/good");

  private RunningForwarder fwd;
  private Engine producer;
  private NetFaces producerNet;
  private Engine client;
  private NetFaces clientNet;
  private FutureConsumer consumer;
  private int producerFaceId;
  private final AtomicLong goodSeq = new AtomicLong();
  private final AtomicInteger nonces = new AtomicInteger(1);

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    fwd = new RunningForwarder(dir, c -> c.demo(false));

    producer = JvmEngines.start();
    producerNet = clientFaces(producer);
    producer.producer().produce(GOOD, (interest, responder) -> responder.data(Data.builder(interest.name())
        .content(interest.name().toString().getBytes(StandardCharsets.UTF_8))
        .signWithDigestSha256()));
    Face up = producerNet.createFace(fwd.uri(Transport.TCP)).get(T, TimeUnit.SECONDS);
    String producerEnd = up.localUri();
    FaceView atFwd = fwd.awaitFace(f -> f.remoteUri().equals(producerEnd)).get(T, TimeUnit.SECONDS);
    producerFaceId = atFwd.id();
    fwd.onLoop(() -> fwd.process().management().rib().register(GOOD, producerFaceId, RouteOrigin.APP, 0,
        RouteFlags.CHILD_INHERIT, -1));

    client = JvmEngines.start();
    clientNet = clientFaces(client);
    Face toFwd = clientNet.createFace(fwd.uri(Transport.UNIX)).get(T, TimeUnit.SECONDS);
    CompletableFuture<Void> routed = new CompletableFuture<>();
    client.execute(() -> {
      client.forwarder().fib().addOrUpdateNextHop(Name.parse("/"), toFwd, 0);
      routed.complete(null);
    });
    routed.get(T, TimeUnit.SECONDS);
    consumer = new FutureConsumer(client.consumer());
    goodTrafficFlows(5);
  }

  @AfterAll
  void stop() {
    if (clientNet != null) {
      clientNet.close();
    }
    if (client != null) {
      client.close();
    }
    if (producerNet != null) {
      producerNet.close();
    }
    if (producer != null) {
      producer.close();
    }
    if (fwd != null) {
      fwd.close();
    }
  }

  private static NetFaces clientFaces(Engine engine) {
    return new NetFaces(engine, new NetFacesConfig().tcpListen(List.of()).udpListen(List.of()).unixPath(null));
  }

  // --- TCP ---

  @Test
  void tcpGarbageClosesThatFaceOnlyAndIsCounted() throws Exception {
    long framingBefore = fwd.channel(Transport.TCP).framingErrors();
    try (Socket s = connectTcp()) {
      FaceView face = tcpFace(s);
      CompletableFuture<FaceView> removed = fwd.awaitRemoval(face.id());
      // TLV-TYPE 0 is not a type: the stream cannot be re-synchronized, so the forwarder closes it
      s.getOutputStream().write(new byte[] {0, 0, 0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 0x42});
      s.getOutputStream().flush();
      assertClosedByPeer(s);
      FaceView last = removed.get(T, TimeUnit.SECONDS);
      assertEquals(1, last.drops(FaceDrop.MALFORMED), last.counters());
    }
    assertEquals(framingBefore + 1, fwd.channel(Transport.TCP).framingErrors());
    assertNotNull(fwd.face(producerFaceId), "the producer's face is still up");
    goodTrafficFlows(20);
  }

  @Test
  void tcpWellFramedGarbageIsDroppedAndTheConnectionLivesOn() throws Exception {
    try (Socket s = connectTcp()) {
      FaceView face = tcpFace(s);
      OutputStream out = s.getOutputStream();
      // framed elements that are not packets: an Interest without a Name, an unknown critical top-level type, an
      // LpPacket with an unknown critical header field
      out.write(new byte[] {0x05, 0x03, 0x01, 0x02, 0x03});
      out.write(new byte[] {0x47, 0x02, 0x41, 0x42});
      out.write(new byte[] {0x64, 0x05, (byte) 0xfd, 0x03, 0x21, 0x00, 0x00});
      // then a good Interest on the same connection is answered
      Name name = nextGoodName();
      out.write(interestWire(name));
      out.flush();
      s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(T));
      Data d = readData(s.getInputStream());
      assertEquals(name, d.name());
      FaceView after = fwd.face(face.id());
      assertNotNull(after, "the face stays up");
      assertEquals(3, after.drops(FaceDrop.MALFORMED), after.counters());
      assertEquals(1, after.inInterests(), after.counters());
    }
    goodTrafficFlows(20);
  }

  @Test
  void tcpTruncatedElementThenCloseIsCounted() throws Exception {
    long framingBefore = fwd.channel(Transport.TCP).framingErrors();
    try (Socket s = connectTcp()) {
      FaceView face = tcpFace(s);
      CompletableFuture<FaceView> removed = fwd.awaitRemoval(face.id());
      byte[] whole = interestWire(nextGoodName());
      // the header of a good Interest and half of it, then the end of the stream
      s.getOutputStream().write(Arrays.copyOf(whole, whole.length / 2));
      s.getOutputStream().flush();
      s.shutdownOutput();
      FaceView last = removed.get(T, TimeUnit.SECONDS);
      assertEquals(1, last.drops(FaceDrop.MALFORMED), last.counters());
      assertEquals(0, last.inInterests(), last.counters());
    }
    assertEquals(framingBefore + 1, fwd.channel(Transport.TCP).framingErrors());
    goodTrafficFlows(20);
  }

  // --- Unix ---

  @Test
  void unixGarbageClosesThatFaceOnlyAndIsCounted() throws Exception {
    long framingBefore = fwd.channel(Transport.UNIX).framingErrors();
    Set<Integer> before = faceIds();
    String channel = fwd.uri(Transport.UNIX);
    Path path = Path.of(URI.create(channel).getPath());
    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      FaceView face = fwd.awaitFace(f -> f.localUri().equals(channel) && !before.contains(f.id()))
          .get(T, TimeUnit.SECONDS);
      CompletableFuture<FaceView> removed = fwd.awaitRemoval(face.id());
      // a VAR-NUMBER that is not in its shortest form (253 followed by a value below 253) cannot be framed
      ch.write(ByteBuffer.wrap(new byte[] {0x05, (byte) 0xfd, 0x00, 0x10, 1, 2, 3}));
      ByteBuffer in = ByteBuffer.allocate(16);
      assertEquals(-1, ch.read(in), "the forwarder sent something instead of closing");
      FaceView last = removed.get(T, TimeUnit.SECONDS);
      assertEquals(1, last.drops(FaceDrop.MALFORMED), last.counters());
    }
    assertEquals(framingBefore + 1, fwd.channel(Transport.UNIX).framingErrors());
    goodTrafficFlows(20);
  }

  // --- WebSocket ---

  @Test
  void webSocketOversizedAndTextMessagesAreDroppedAndCounted() throws Exception {
    Set<Integer> before = faceIds();
    long framingBefore = fwd.channel(Transport.WS).framingErrors();
    WsPeer peer = new WsPeer();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(fwd.uri(Transport.WS) + "/"), peer).get(T, TimeUnit.SECONDS);
    FaceView face = fwd.awaitFace(f -> f.remoteUri().startsWith("wsclient://") && !before.contains(f.id()))
        .get(T, TimeUnit.SECONDS);
    CompletableFuture<FaceView> removed = fwd.awaitRemoval(face.id());

    // over the 8800-octet message limit (one frame, under the 64 KiB frame limit): dropped, connection kept
    byte[] big = new byte[9000];
    big[0] = 0x05;
    big[1] = (byte) 0xfd;
    big[2] = (byte) ((big.length - 4) >> 8);
    big[3] = (byte) (big.length - 4);
    ws.sendBinary(ByteBuffer.wrap(big), true).get(T, TimeUnit.SECONDS);
    // a text frame: dropped, connection kept
    ws.sendText("/good/hello", true).get(T, TimeUnit.SECONDS);
    // then a good Interest is answered on the same connection
    Name name = nextGoodName();
    ws.sendBinary(ByteBuffer.wrap(interestWire(name)), true).get(T, TimeUnit.SECONDS);
    Data d = dataOf(peer.binary.poll(T, TimeUnit.SECONDS));
    assertEquals(name, d.name());
    FaceView after = fwd.face(face.id());
    assertNotNull(after, "the face stays up");
    assertEquals(1, after.drops(FaceDrop.OVERSIZED), after.counters());
    assertEquals(1, after.drops(FaceDrop.MALFORMED), after.counters());

    // one frame above 64 KiB: the forwarder refuses to buffer it and closes the connection
    ws.sendBinary(ByteBuffer.wrap(new byte[70_000]), true);
    FaceView last = removed.get(T, TimeUnit.SECONDS);
    assertEquals(2, last.drops(FaceDrop.OVERSIZED), last.counters());
    assertEquals(framingBefore + 1, fwd.channel(Transport.WS).framingErrors());
    peer.closed.get(T, TimeUnit.SECONDS);
    goodTrafficFlows(20);
  }

  /** The JDK WebSocket client's listener: binary messages in a queue, completion when the connection ends. */
  static final class WsPeer implements WebSocket.Listener {
    final LinkedBlockingQueue<byte[]> binary = new LinkedBlockingQueue<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] b = new byte[data.remaining()];
      data.get(b);
      partial.writeBytes(b);
      if (last) {
        binary.add(partial.toByteArray());
        partial.reset();
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.complete(null);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.complete(null);
    }
  }

  // --- UDP ---

  @Test
  void udpGarbageDatagramsAreCountedAndDropped() throws Exception {
    long framingBefore = fwd.channel(Transport.UDP).framingErrors();
    Set<Integer> before = faceIds();
    try (DatagramSocket ds = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      ds.setSoTimeout((int) TimeUnit.SECONDS.toMillis(T));
      InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), fwd.port(Transport.UDP));
      byte[] garbage = {0, 1, 2, 3, 4, 5, 6, 7};
      // from an endpoint without a face: no face is made, the channel counts it
      ds.send(new DatagramPacket(garbage, garbage.length, to));
      // a good Interest then makes the face and is answered; datagrams are handled in order, so the garbage was
      // seen before it
      Name first = nextGoodName();
      byte[] i1 = interestWire(first);
      ds.send(new DatagramPacket(i1, i1.length, to));
      assertEquals(first, receiveData(ds).name());
      assertEquals(framingBefore + 1, fwd.channel(Transport.UDP).framingErrors());
      String remote = "udp4://127.0.0.1:" + ds.getLocalPort();
      List<FaceView> made = fwd.faces().stream().filter(f -> !before.contains(f.id())).toList();
      assertEquals(1, made.size(), made.toString());
      assertEquals(remote, made.get(0).remoteUri());

      // on the face: garbage, an element followed by junk, then a good Interest
      ds.send(new DatagramPacket(garbage, garbage.length, to));
      byte[] trailing = Arrays.copyOf(interestWire(nextGoodName()), i1.length + 3);
      ds.send(new DatagramPacket(trailing, trailing.length, to));
      Name second = nextGoodName();
      byte[] i2 = interestWire(second);
      ds.send(new DatagramPacket(i2, i2.length, to));
      assertEquals(second, receiveData(ds).name());
      FaceView face = fwd.face(made.get(0).id());
      assertNotNull(face, "the UDP face stays up");
      assertEquals(2, face.drops(FaceDrop.MALFORMED), face.counters());
      assertEquals(2, face.inInterests(), face.counters());
      assertEquals(framingBefore + 1, fwd.channel(Transport.UDP).framingErrors(), "only the first was the channel's");
    }
    goodTrafficFlows(20);
  }

  // --- flood ---

  /**
   * 50 000 Interests for an unrouted prefix from one TCP peer, as fast as the socket takes them, followed by one
   * Interest for the producer (the marker: its Data comes back after every Nack the flood caused). Meanwhile the
   * consumer on the Unix face keeps fetching from the producer; each of its exchanges must succeed.
   *
   * <p>Netty's leak detection is lowered from paranoid to simple (sampling) for this test only: paranoid records a
   * stack trace for every buffer, which makes the forwarder about ten times slower per packet, and this test is
   * about how the forwarder shares itself between faces at a realistic speed.
   */
  @Test
  void floodOfUnroutedInterestsFromOneFaceLeavesOtherFacesServed() throws Exception {
    int flood = 50_000;
    // built before the clock starts, so that the flooding peer costs the machine little but its socket writes
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < flood; i++) {
      all.writeBytes(interestWire(Name.parse("/unrouted/flood/" + i)));
    }
    Name marker = nextGoodName();
    all.writeBytes(interestWire(marker));
    byte[] floodWire = all.toByteArray();

    ResourceLeakDetector.Level leakLevel = ResourceLeakDetector.getLevel();
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
    ExecutorService io = Executors.newFixedThreadPool(2);
    try (Socket s = connectTcp()) {
      FaceView face = tcpFace(s);
      s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(30));
      long floodStart = System.nanoTime();
      // read everything the forwarder answers (Nack NoRoute in an LpPacket), up to the marker's Data
      AtomicInteger nacks = new AtomicInteger();
      AtomicInteger other = new AtomicInteger();
      CompletableFuture<Data> readerDone = CompletableFuture.supplyAsync(() -> {
        try {
          InputStream in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
          while (true) {
            byte[] e = readElement(in);
            if (isNack(e)) {
              nacks.incrementAndGet();
            } else if (e[0] == TlvTypes.DATA || e[0] == TlvTypes.LP_PACKET) {
              Data d = dataOf(e);
              if (d.name().equals(marker)) {
                return d;
              }
              other.incrementAndGet();
            } else {
              other.incrementAndGet();
            }
          }
        } catch (IOException e) {
          throw new IllegalStateException("the flooding peer's connection ended after " + nacks + " Nacks", e);
        }
      }, io);
      CompletableFuture<Long> writerDone = CompletableFuture.supplyAsync(() -> {
        long t0 = System.nanoTime();
        try {
          // not closed afterwards: the end of the stream would close the face (as NFD does) before it is inspected
          OutputStream out = s.getOutputStream();
          for (int i = 0; i < floodWire.length; i += 64 * 1024) {
            out.write(floodWire, i, Math.min(64 * 1024, floodWire.length - i));
          }
          out.flush();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        return System.nanoTime() - t0;
      }, io);

      // meanwhile the consumer on the Unix face keeps fetching from the producer, ten at a time
      int duringFlood = 0;
      long worstMillis = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!readerDone.isDone()) {
        long t0 = System.nanoTime();
        goodTrafficFlows(10);
        worstMillis = Math.max(worstMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        duringFlood += 10;
        assertTrue(System.nanoTime() < deadline, "the flood was not answered in 60 s: " + nacks + " Nacks");
      }
      long writeNanos = writerDone.get(T, TimeUnit.SECONDS);
      readerDone.get(T, TimeUnit.SECONDS);
      long floodMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - floodStart);
      assertTrue(duringFlood > 0, "no good exchange overlapped the flood");

      FaceView after = fwd.face(face.id());
      assertNotNull(after, "a face that floods is not closed for it");
      assertEquals(flood + 1, after.inInterests(), after.counters());
      // every flood Interest was answered with a Nack NoRoute; those the peer did not read fast enough were
      // dropped at its face's send queue and counted there
      assertEquals(flood, after.outNacks(), after.counters());
      assertEquals(after.outNacks() - after.drops(FaceDrop.SEND_QUEUE_FULL), nacks.get(),
          "Nacks received by the flooding peer: " + after.counters());
      assertEquals(0, other.get(), "only Nacks and the marker's Data come back");
      System.out.printf("flood: %d unrouted Interests written in %d ms, %d Nacks back (%d dropped) after %d ms;"
          + " %d good exchanges on another face meanwhile, the slowest 10 in %d ms%n", flood,
          TimeUnit.NANOSECONDS.toMillis(writeNanos), nacks.get(), after.drops(FaceDrop.SEND_QUEUE_FULL),
          floodMillis, duringFlood, worstMillis);
    } finally {
      io.shutdownNow();
      ResourceLeakDetector.setLevel(leakLevel);
    }
    goodTrafficFlows(20);
  }

  // --- helpers ---

  private Socket connectTcp() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), fwd.port(Transport.TCP)),
        (int) TimeUnit.SECONDS.toMillis(T));
    return s;
  }

  /** The forwarder's face for a TCP connection of ours. */
  private FaceView tcpFace(Socket s) throws Exception {
    String remote = "tcp4://127.0.0.1:" + s.getLocalPort();
    return fwd.awaitFace(f -> f.remoteUri().equals(remote)).get(T, TimeUnit.SECONDS);
  }

  private Set<Integer> faceIds() throws InterruptedException {
    Set<Integer> ids = new HashSet<>();
    fwd.faces().forEach(f -> ids.add(f.id()));
    return ids;
  }

  private Name nextGoodName() {
    return GOOD.append("x" + goodSeq.incrementAndGet());
  }

  private byte[] interestWire(Name name) {
    ByteBuffer w = Interest.builder(name).nonce(nonces.getAndIncrement()).lifetime(4000).build().wire();
    byte[] b = new byte[w.remaining()];
    w.get(b);
    return b;
  }

  /** {@code n} exchanges with the producer from the consumer's Unix face, all at once; each must succeed. */
  private void goodTrafficFlows(int n) throws Exception {
    List<Name> names = new ArrayList<>();
    List<CompletableFuture<Data>> replies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Name name = nextGoodName();
      names.add(name);
      replies.add(consumer.express(name));
    }
    for (int i = 0; i < n; i++) {
      Data d = replies.get(i).get(T, TimeUnit.SECONDS);
      assertEquals(names.get(i), d.name());
      assertEquals(names.get(i).toString(), StandardCharsets.UTF_8.decode(d.content()).toString());
    }
  }

  /** The peer closed (EOF) or reset the connection. */
  private static void assertClosedByPeer(Socket s) throws IOException {
    s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(T));
    try {
      assertEquals(-1, s.getInputStream().read(), "the forwarder sent something instead of closing");
    } catch (SocketException e) {
      // connection reset: closed too
    }
  }

  /** Whether {@code e} is an LpPacket whose first header field is a Nack (how ndnj sends them), without decoding. */
  private static boolean isNack(byte[] e) {
    if (e[0] != TlvTypes.LP_PACKET || e.length < 6) {
      return false;
    }
    int at = 1 + (Byte.toUnsignedInt(e[1]) < 253 ? 1 : Byte.toUnsignedInt(e[1]) == 253 ? 3 : 5);
    return Byte.toUnsignedInt(e[at]) == 0xfd && e[at + 1] == 0x03 && e[at + 2] == 0x20;
  }

  /** One whole TLV element from a stream. */
  static byte[] readElement(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    readVarNumber(in, head);
    long length = readVarNumber(in, head);
    if (length > 1 << 20) {
      throw new IOException("element of " + length + " octets");
    }
    byte[] value = in.readNBytes((int) length);
    if (value.length != length) {
      throw new EOFException();
    }
    head.writeBytes(value);
    return head.toByteArray();
  }

  private static long readVarNumber(InputStream in, ByteArrayOutputStream copy) throws IOException {
    int first = in.read();
    if (first < 0) {
      throw new EOFException();
    }
    copy.write(first);
    int extra = first < 253 ? 0 : first == 253 ? 2 : first == 254 ? 4 : 8;
    long v = extra == 0 ? first : 0;
    for (int i = 0; i < extra; i++) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException();
      }
      copy.write(b);
      v = (v << 8) | b;
    }
    return v;
  }

  private static Data readData(InputStream in) throws IOException {
    return dataOf(readElement(in));
  }

  private static Data receiveData(DatagramSocket ds) throws IOException {
    DatagramPacket p = new DatagramPacket(new byte[9000], 9000);
    ds.receive(p);
    return dataOf(Arrays.copyOf(p.getData(), p.getLength()));
  }

  /** A Data, bare or in an LpPacket; fails on anything else. */
  private static Data dataOf(byte[] element) {
    assertNotNull(element, "nothing came back");
    ByteBuffer b = ByteBuffer.wrap(element);
    if (element[0] == TlvTypes.LP_PACKET) {
      LpPacket lp = LpPacket.decode(b);
      assertTrue(!lp.isNack() && lp.fragmentType() == TlvTypes.DATA, "not a Data: " + lp);
      return lp.fragmentAsData();
    }
    assertEquals(TlvTypes.DATA, element[0], "not a Data");
    return Data.decode(b);
  }
}
