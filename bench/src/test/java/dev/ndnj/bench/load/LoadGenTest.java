package dev.ndnj.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.forwarder.fwd.ForwarderProcess;
import dev.ndnj.forwarder.fwd.FwdConfig;
import dev.ndnj.forwarder.fwd.FwdLog;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The load generator against an ndnj forwarder running in this JVM, over each transport: every measured Interest is
 * satisfied and the report is complete. No speed is asserted.
 */
class LoadGenTest {
  @TempDir
  static Path dir;
  static ForwarderProcess fwd;

  @BeforeAll
  static void startForwarder() throws InterruptedException {
    FwdConfig config = new FwdConfig().bind("127.0.0.1").tcpPort(0).udpPort(0).wsPort(0)
        .unixPath(dir.resolve("fwd.sock"));
    fwd = new ForwarderProcess(config, new FwdLog(line -> { })).start();
  }

  @AfterAll
  static void stopForwarder() {
    if (fwd != null) {
      fwd.close();
    }
  }

  private static String channel(String scheme) {
    for (String c : fwd.channelUris()) {
      if (c.startsWith(scheme + "://")) {
        return c;
      }
    }
    throw new AssertionError("no " + scheme + " channel in " + fwd.channelUris());
  }

  private static LoadReport run(String... args) throws Exception {
    LoadGen gen = new LoadGen();
    new CommandLine(gen).parseArgs(args);
    return gen.run();
  }

  private static void assertAllSatisfied(LoadReport r, long n) {
    assertEquals(n, r.satisfied(), r.toText());
    assertEquals(0, r.timeouts(), r.toText());
    assertEquals(0, r.nacks(), r.toText());
    assertEquals(0, r.unexpected(), r.toText());
    assertTrue(r.rttP50() > 0 && r.rttP50() <= r.rttP99() && r.rttP99() <= r.rttP999()
        && r.rttP999() <= r.rttMax(), r.toText());
    assertTrue(r.seconds() > 0 && r.satisfiedPerSecond() > 0, r.toText());
    assertEquals(ProcessHandle.current().pid(), r.forwarderPid());
    assertTrue(r.forwarderCpuMillis() >= 0 && r.forwarderCpuMillisSchedstat() > 0, r.toText());
    assertTrue(r.forwarderCpuMicrosPerSatisfied() > 0, r.toText());
  }

  private static String pid() {
    return Long.toString(ProcessHandle.current().pid());
  }

  @Test
  void uniqueNamesOverTcpAreAllSatisfiedByTheProducer() throws Exception {
    LoadReport r = run("--remote", channel("tcp4"), "--pid", pid(), "--window", "16", "--warmup", "0",
        "--interests", "3000", "--prefix", "/load/tcp");
    assertAllSatisfied(r, 3000);
    assertEquals("tcp4", r.transport());
    assertEquals(3000, r.producerInterests(), "unique names: every Interest reaches the producer");
    String json = r.toJson();
    assertTrue(Pattern.matches("\\{.*\"satisfied\":3000,.*\"rttMicros\":\\{\"p50\":[0-9.]+,.*\\}", json), json);
    assertTrue(r.toText().contains("satisfied/s"), r.toText());
  }

  @Test
  void repeatingNamesOverUnixAreAnsweredFromTheContentStore() throws Exception {
    LoadReport r = run("--remote", channel("unix"), "--pid", pid(), "--window", "8", "--connections", "2",
        "--names", "repeat", "--set-size", "64", "--warmup", "0", "--interests", "2000", "--prefix", "/load/unix");
    assertAllSatisfied(r, 2000);
    assertTrue(r.producerInterests() <= 64, "after the first pass the CS answers: " + r.producerInterests());
  }

  @Test
  void udpConsumersWithATcpProducer() throws Exception {
    LoadReport r = run("--remote", channel("udp4"), "--producer-remote", channel("tcp4"), "--pid", pid(),
        "--window", "4", "--warmup", "0", "--interests", "2000", "--prefix", "/load/udp");
    assertAllSatisfied(r, 2000);
  }

  @Test
  void webSocketConsumers() throws Exception {
    LoadReport r = run("--remote", channel("ws") + "/", "--producer-remote", channel("unix"), "--pid", pid(),
        "--window", "16", "--warmup", "0", "--interests", "2000", "--prefix", "/load/ws");
    assertAllSatisfied(r, 2000);
    assertEquals("ws", r.transport());
  }

  @Test
  void durationModeMeasuresAWindowAfterTheWarmUp() throws Exception {
    LoadReport r = run("--remote", channel("tcp4"), "--pid", pid(), "--window", "4", "--warmup", "0.2",
        "--duration", "0.5", "--prefix", "/load/duration", "--json");
    assertTrue(r.seconds() >= 0.5 && r.satisfied() > 0, r.toText());
    assertEquals(0, r.timeouts(), r.toText());
  }

  @Test
  void theSignedRegisterCommandIsWellFormed() {
    dev.ndnj.tlv.Interest i = LoadProducer.registerCommand(dev.ndnj.tlv.Name.parse("/a/b"));
    assertTrue(dev.ndnj.tlv.Name.parse("/localhost/nfd/rib/register").isPrefixOf(i.name()));
    assertTrue(i.name().get(i.name().size() - 1).isParametersDigest());
    assertEquals(8, i.signatureInfo().nonce().length);
    assertTrue(i.signatureInfo().time() > 0);
  }

  @Test
  void interestAndDataEncodingRoundTripThroughTheCodec() {
    byte[] head = LoadPackets.nameHead(dev.ndnj.tlv.Name.parse("/x/y"));
    ByteBuf interest = LoadPackets.interest(ByteBufAllocator.DEFAULT, head, 0x1234_5678_9aL, 42, 70_000);
    try {
      ByteBuffer b = interest.nioBuffer();
      dev.ndnj.tlv.Interest i = dev.ndnj.tlv.Interest.decode(b);
      assertEquals(3, i.name().size());
      assertEquals(70_000, i.lifetime());
      int nameAt = LoadPackets.nameOffset(b, b.position(), b.limit(), dev.ndnj.tlv.TlvTypes.INTEREST);
      assertEquals(0x1234_5678_9aL, LoadPackets.keyOfName(b, nameAt, b.limit()));
      ByteBuf data = LoadPackets.data(ByteBufAllocator.DEFAULT, b, nameAt,
          LoadPackets.nameLength(b, nameAt, b.limit()), new byte[300], 10_000);
      try {
        dev.ndnj.tlv.Data d = dev.ndnj.tlv.Data.decode(data.nioBuffer());
        assertEquals(i.name(), d.name());
        assertEquals(300, d.content().remaining());
        assertEquals(10_000, d.freshnessPeriod());
      } finally {
        data.release();
      }
    } finally {
      interest.release();
    }
  }
}
