package dev.ndnj.forwarder.fwd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.jvm.FutureConsumer;
import dev.ndnj.engine.jvm.JvmEngines;
import dev.ndnj.faces.net.NetFaces;
import dev.ndnj.faces.net.NetFacesConfig;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Sha256;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvTypes;
import dev.ndnj.tlv.mgmt.ControlCommand;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ndnj fwd}'s forwarder on real loopback sockets: a TCP consumer fetches from a Unix-socket producer. */
class ForwarderProcessTest {
  @TempDir
  Path dir;

  private static final Random RANDOM = new Random(7);

  /** A v0.3 command Interest signed with DigestSha256 (what the local authorizer accepts from a local face). */
  static Interest signedCommand(Name name, long time) {
    byte[] nonce = new byte[8];
    RANDOM.nextBytes(nonce);
    SignatureInfo info = SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256).nonce(nonce).time(time).build();
    int n = RANDOM.nextInt();
    Interest unsigned = Interest.builder(name).nonce(n).lifetime(4000).signatureInfo(info)
        .signatureValue(new byte[32]).build();
    Sha256 h = new Sha256();
    for (ByteBuffer p : unsigned.signedPortions()) {
      h.update(p, p.position(), p.remaining());
    }
    return Interest.builder(name).nonce(n).lifetime(4000).signatureInfo(info).signatureValue(h.digest()).build();
  }

  private static NetFaces clientFaces(Engine engine) {
    return new NetFaces(engine, new NetFacesConfig().tcpListen(List.of()).udpListen(List.of()).unixPath(null));
  }

  private static void route(Engine engine, Name prefix, Face face) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    engine.execute(() -> {
      engine.forwarder().fib().addOrUpdateNextHop(prefix, face, 0);
      done.complete(null);
    });
    done.get(5, TimeUnit.SECONDS);
  }

  @Test
  void tcpConsumerFetchesFromUnixProducerRegisteredThroughManagement() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Path sock = dir.resolve("fwd.sock");
    FwdConfig config = new FwdConfig().bind("127.0.0.1").tcpPort(0).udpPort(0).wsPort(0).unixPath(sock);
    try (ForwarderProcess fwd = new ForwarderProcess(config, new FwdLog(lines::add)).start();
         Engine producer = JvmEngines.start();
         NetFaces producerNet = clientFaces(producer);
         Engine client = JvmEngines.start();
         NetFaces clientNet = clientFaces(client)) {
      List<String> channels = fwd.channelUris();
      String tcp = channels.stream().filter(u -> u.startsWith("tcp4://127.0.0.1:")).findFirst().orElseThrow();
      assertTrue(channels.stream().anyMatch(u -> u.startsWith("udp4://127.0.0.1:")), channels.toString());
      assertTrue(channels.stream().anyMatch(u -> u.startsWith("ws://127.0.0.1:")), channels.toString());
      assertTrue(channels.contains("unix://" + sock.toAbsolutePath()), channels.toString());
      for (String uri : channels) {
        assertTrue(lines.contains("channel: " + uri), lines.toString());
      }
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("face up: id=1 ")), lines.toString());

      // the producer: a Unix socket face, management reached through it, /demo registered with FaceId 0
      Face up = producerNet.createFace("unix://" + sock.toAbsolutePath()).get(10, TimeUnit.SECONDS);
      route(producer, Name.parse("/localhost/nfd"), up);
      producer.producer().produce(Name.parse("/demo"), (interest, responder) ->
          responder.data(Data.builder(interest.name())
              .content("hello".getBytes(StandardCharsets.UTF_8))
              .freshnessPeriod(1000)
              .signWithDigestSha256()));
      Interest register = signedCommand(ControlCommand.of("rib", "register",
          ControlParameters.builder().name(Name.parse("/demo")).build()).toName(), producer.clock().epochMillis());
      Data reply = new FutureConsumer(producer.consumer()).express(register).get(10, TimeUnit.SECONDS);
      ControlResponse r = ControlResponse.decode(reply.content());
      assertEquals(200, r.code(), r.text());

      // the consumer: a TCP face with a default route
      Face toFwd = clientNet.createFace(tcp).get(10, TimeUnit.SECONDS);
      route(client, Name.parse("/"), toFwd);
      Data d = new FutureConsumer(client.consumer()).express(Name.parse("/demo/x")).get(10, TimeUnit.SECONDS);
      assertEquals(Name.parse("/demo/x"), d.name());
      assertEquals("hello", StandardCharsets.UTF_8.decode(d.content()).toString());

      assertTrue(lines.stream().anyMatch(l -> l.startsWith("face up: ") && l.contains("local=" + tcp)),
          lines.toString());
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("face up: ") && l.contains("remote=fd://")),
          lines.toString());
    }
    assertTrue(lines.contains("forwarder stopped"), lines.toString());
  }

  @Test
  void twoInstancesSideBySideAndABusyPortFailsCleanly() throws Exception {
    List<String> a = new CopyOnWriteArrayList<>();
    List<String> b = new CopyOnWriteArrayList<>();
    FwdConfig ca = new FwdConfig().bind("127.0.0.1").tcpPort(0).udpPort(-1).wsPort(-1).unixPath(dir.resolve("a"));
    FwdConfig cb = new FwdConfig().bind("127.0.0.1").tcpPort(0).udpPort(0).wsPort(0).unixPath(dir.resolve("b"));
    try (ForwarderProcess fa = new ForwarderProcess(ca, new FwdLog(a::add)).start();
         ForwarderProcess fb = new ForwarderProcess(cb, new FwdLog(b::add)).start()) {
      assertEquals(2, fa.channelUris().size(), fa.channelUris().toString());
      assertEquals(4, fb.channelUris().size(), fb.channelUris().toString());
      assertNotEquals(fa.channelUris().get(0), fb.channelUris().get(0));
      int port = Integer.parseInt(fa.channelUris().get(0).replaceAll(".*:", ""));
      FwdConfig clash = new FwdConfig().bind("127.0.0.1").tcpPort(port).udpPort(-1).wsPort(-1).unixPath(null);
      assertThrows(RuntimeException.class, () -> new ForwarderProcess(clash, new FwdLog(l -> { })).start());
    }
  }

  @Test
  void configFileWithNfdSections() throws Exception {
    Path ini = dir.resolve("ndnj.conf");
    Files.writeString(ini, String.join("\n",
        "# comment",
        "[face_system]",
        "bind = 127.0.0.1",
        "[face_system.tcp]",
        "port = 7000",
        "[face_system.udp]",
        "listen no",
        "[face_system.unix]",
        "path = /tmp/x.sock",
        "[face_system.websocket]",
        "port=-1",
        "[tables]",
        "cs_max_bytes = 1024",
        ""));
    FwdConfig c = new FwdConfig().load(ini);
    assertEquals(7000, c.tcpPort);
    assertEquals(-1, c.udpPort);
    assertEquals(-1, c.wsPort);
    assertEquals(Path.of("/tmp/x.sock"), c.unixPath);
    assertEquals("127.0.0.1", c.bind);
    assertEquals(1024, c.csCapacityBytes);

    Files.writeString(ini, "[tables]\ncs_max_packets = 3\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FwdConfig().load(ini));
    assertTrue(e.getMessage().contains(":2: unknown key tables.cs_max_packets"), e.getMessage());
  }
}
