package dev.ndnj.forwarder.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ping and pingserver, peek and poke through a forwarder on loopback. */
class ProbeToolsTest {
  @TempDir
  Path dir;

  private CliFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new CliFixture(dir);
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  private static long count(String text, String needle) {
    return text.lines().filter(l -> l.startsWith(needle)).count();
  }

  @Test
  void pingAnsweredByPingserverWithRttSummary() throws Exception {
    CliFixture.Running server = f.start("pingserver", "/probe", "--count", "3");
    server.out.awaitLine(l -> l.equals("PING SERVER /probe"), 10_000);

    CliFixture.Result r = f.run("ping", "/probe", "-c", "3", "-i", "50", "-n", "100");
    assertEquals(0, r.exit(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertEquals("PING /probe", lines.get(0));
    for (int i = 0; i < 3; i++) {
      assertTrue(lines.get(1 + i).matches("content from /probe: seq=" + (100 + i) + " time=\\d+\\.\\d{3} ms"),
          r.out());
    }
    assertEquals("", lines.get(4));
    assertEquals("--- /probe ping statistics ---", lines.get(5));
    assertTrue(lines.get(6).matches("3 packets transmitted, 3 received, 0 nacked, 0% packet loss, 0% nacked, "
        + "time \\d+\\.\\d{3} ms"), lines.get(6));
    assertTrue(lines.get(7).matches("rtt min/avg/max/mdev = [0-9.]+/[0-9.]+/[0-9.]+/[0-9.]+ ms"), lines.get(7));

    assertEquals(0, server.exit.get(10, TimeUnit.SECONDS));
    String served = server.out.text();
    assertEquals(3, count(served, "interest received: seq="), served);
    assertTrue(served.contains("interest received: seq=100\n"), served);
    assertTrue(served.endsWith("\n--- /probe ping server statistics ---\n3 packets processed\n"), served);
  }

  @Test
  void pingWithAClientIdentifierAndAStoppedServer() throws Exception {
    CliFixture.Running server = f.start("pingserver", "/probe2");
    server.out.awaitLine(l -> l.equals("PING SERVER /probe2"), 10_000);
    CliFixture.Result r = f.run("ping", "/probe2", "-c", "2", "-i", "20", "-p", "me", "-n", "7");
    assertEquals(0, r.exit(), r.toString());
    server.out.awaitLine(l -> l.equals("interest received: seq=8"), 10_000);
    assertEquals(0, server.stop());
    assertTrue(server.out.text().endsWith("2 packets processed\n"), server.out.text());
    // the server's face closed: its route is gone and probes get Nacks
    f.awaitNoRoute(dev.ndnj.tlv.Name.parse("/probe2/ping"));
    CliFixture.Result after = f.run("ping", "/probe2", "-c", "2", "-i", "20");
    assertEquals(1, after.exit(), after.toString());
    assertEquals(2, count(after.out(), "nack from /probe2: seq="), after.out());
    assertTrue(after.out().contains(" reason=NoRoute\n"), after.out());
    assertTrue(after.out().contains("2 packets transmitted, 0 received, 2 nacked, 0% packet loss, 100% nacked"),
        after.out());
  }

  @Test
  void pingTimesOutWhenNobodyAnswers() {
    CliFixture.Result face = f.run("face", "create", "udp4://127.0.0.1:9");
    assertEquals(0, face.exit(), face.toString());
    String id = face.out().replaceAll("(?s)^face-created id=(\\d+) .*", "$1");
    assertEquals(0, f.run("route", "add", "/void", id).exit());
    CliFixture.Result r = f.run("ping", "/void", "-c", "2", "-i", "10", "-o", "200");
    assertEquals(1, r.exit(), r.toString());
    assertEquals(2, count(r.out(), "timeout from /void: seq="), r.out());
    assertTrue(r.out().contains("2 packets transmitted, 0 received, 0 nacked, 100% packet loss, 0% nacked"),
        r.out());
    assertTrue(!r.out().contains("rtt min"), r.out());
  }

  @Test
  void pokeServesOncePeekPrintsTheContentThenTheCacheAnswers() throws Exception {
    byte[] hello = "hello, world\n".getBytes(StandardCharsets.UTF_8);
    CliFixture.Running poke = f.start(hello, "poke", "/greet/en", "--freshness", "10000");
    poke.err.awaitLine(l -> l.startsWith("poke: serving /greet/en (13 bytes)"), 10_000);

    CliFixture.Result peek = f.run("peek", "/greet/en", "-v");
    assertEquals(0, peek.exit(), peek.toString());
    assertEquals("hello, world\n", peek.out());
    assertTrue(peek.err().matches("DATA /greet/en contentType=0 freshness=10000 content=13 bytes rtt=[0-9.]+ ms\n"),
        peek.err());
    assertEquals(0, poke.exit.get(10, TimeUnit.SECONDS));
    assertTrue(poke.err.text().contains("poke: served /greet/en\n"), poke.err.text());

    // poke is gone; the forwarder's Content Store answers a CanBePrefix + MustBeFresh Interest for the prefix
    Path out = dir.resolve("greeting.bin");
    CliFixture.Result cached = f.run("peek", "--prefix", "--fresh", "/greet", "--output", out.toString());
    assertEquals(0, cached.exit(), cached.toString());
    assertEquals("", cached.out());
    assertArrayEquals(hello, Files.readAllBytes(out));

    // without --prefix the name must match exactly: Nack from the forwarder (no route, not cached)
    CliFixture.Result exact = f.run("peek", "/greet", "--lifetime", "500");
    assertEquals(1, exact.exit(), exact.toString());
    assertEquals("ERROR: peek /greet: Nack NoRoute\n", exact.err());
  }

  @Test
  void pokeGivesUpAfterItsTimeoutAndBadArgumentsAreUsageErrors() {
    CliFixture.Result r = f.runWithInput("x".getBytes(StandardCharsets.UTF_8), "poke", "/lonely", "-w", "200");
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().endsWith("ERROR: no Interest for /lonely within 200 ms\n"), r.err());

    assertEquals(2, f.run("peek", "/a", "--payload-hex", "zz").exit());
    assertEquals(2, f.run("peek", "/a", "--lifetime", "0").exit());
    assertEquals(2, f.run("ping", "/a", "-c", "0").exit());
    assertEquals(2, f.run("pingserver", "/a", "--size", "9000").exit());
    assertEquals(2, f.run("poke").exit());
    for (String tool : new String[] {"ping", "pingserver", "peek", "poke"}) {
      CliFixture.Result h = CliFixture.runRaw(new byte[0], tool, "--help");
      assertEquals(0, h.exit(), h.toString());
      assertTrue(Pattern.compile("^Usage: ndnj " + tool + " ").matcher(h.out()).find(), h.out());
    }
  }
}
