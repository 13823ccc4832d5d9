package dev.ndnj.forwarder.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.forwarder.cli.NdnjCli;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Three {@code ndnj fwd} OS processes on loopback, consumer - A - B - C - producer: A-B over UDP and B-C over TCP,
 * both faces and routes made with {@code ndnj face create} and {@code ndnj route add} through management. Ping and a
 * segmented file flow end to end; B caches (a second fetch with A's cache erased is answered by B, C sees no new
 * Interest); B is killed and restarted, faces and routes are made again, and traffic flows again.
 */
class ThreeForwarderChainTest {
  private static final long START_TIMEOUT_MILLIS = 60_000;

  @TempDir
  Path dir;

  /** One {@code ndnj fwd} process with its ports and socket; its output is kept for the assertions. */
  static final class Fwd {
    final String label;
    final int port;
    final Path sock;
    final List<String> lines = new ArrayList<>();
    Process process;

    Fwd(String label, int port, Path sock) {
      this.label = label;
      this.port = port;
      this.sock = sock;
    }

    String uri() {
      return "unix://" + sock;
    }

    void start() throws Exception {
      synchronized (lines) {
        lines.clear();
      }
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      List<String> cmd = List.of(java, "-Xmx96m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-Dio.netty.leakDetectionLevel=paranoid", "-cp", cp, "dev.ndnj.forwarder.cli.NdnjCli", "fwd",
          "--bind", "127.0.0.1", "--tcp-port", Integer.toString(port), "--udp-port", Integer.toString(port),
          "--ws-port", "-1", "--unix-path", sock.toString());
      process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String l = r.readLine(); l != null; l = r.readLine()) {
            synchronized (lines) {
              lines.add(l);
              lines.notifyAll();
            }
          }
        } catch (IOException e) {
          // the process went away
        }
      }, "fwd-" + label + "-log");
      reader.setDaemon(true);
      reader.start();
      awaitLine("forwarder started");
    }

    void awaitLine(String part) throws InterruptedException {
      long deadline = System.nanoTime() + START_TIMEOUT_MILLIS * 1_000_000;
      synchronized (lines) {
        while (lines.stream().noneMatch(l -> l.contains(part))) {
          long left = (deadline - System.nanoTime()) / 1_000_000;
          if (left <= 0 || !process.isAlive() && lines.stream().noneMatch(l -> l.contains(part))) {
            throw new AssertionError("forwarder " + label + " did not log '" + part + "' (alive="
                + process.isAlive() + "):\n" + String.join("\n", lines));
          }
          lines.wait(Math.min(left, 500));
        }
      }
    }

    void kill() throws InterruptedException {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
      }
    }
  }

  /** What a tool printed and returned. */
  record Result(int exit, String out, String err) {
  }

  /** A tool running on its own thread (a producer), stopped by interrupting it. */
  static final class Server {
    final StringWriter out = new StringWriter();
    final CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread thread;
  }

  private static Result tool(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new NdnjCli(new ByteArrayInputStream(new byte[0])))
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  private static Result ok(String... args) {
    Result r = tool(args);
    assertEquals(0, r.exit(), String.join(" ", args) + "\nout:\n" + r.out() + "err:\n" + r.err());
    return r;
  }

  private static Server serve(String... args) {
    Server s = new Server();
    s.thread = new Thread(() -> s.exit.complete(new CommandLine(new NdnjCli(new ByteArrayInputStream(new byte[0])))
        .setOut(new PrintWriter(s.out, true)).setErr(new PrintWriter(new StringWriter(), true)).execute(args)),
        "producer-" + args[0]);
    s.thread.setDaemon(true);
    s.thread.start();
    return s;
  }

  /** Waits (polling the tool's output each 50 ms, bounded) until it printed {@code part}. */
  private static String awaitOutput(Server s, String part) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      String text = s.out.toString();
      if (text.contains(part)) {
        return text;
      }
      if (s.exit.isDone() || System.nanoTime() > deadline) {
        throw new AssertionError("producer did not print '" + part + "': " + text);
      }
      try {
        s.exit.get(50, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        // not yet
      }
    }
  }

  private static int freePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket tcp = new ServerSocket()) {
        tcp.setReuseAddress(true);
        tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
          return port;
        } catch (IOException taken) {
          // UDP port in use: try another
        }
      }
    }
    throw new IOException("no free TCP+UDP port on loopback");
  }

  private static int faceId(Result created) {
    Matcher m = Pattern.compile("^face-(?:created|exists) id=(\\d+) ").matcher(created.out());
    assertTrue(m.find(), created.out());
    return Integer.parseInt(m.group(1));
  }

  /**
   * Erases the forwarder's cached answers of a management dataset: datasets are Data with a FreshnessPeriod of 1 s
   * (as NFD's), so a query right after another one would get the cached, older answer.
   */
  private static void uncache(Fwd fwd, String dataset) {
    ok("cs", "erase", "/localhost/nfd/" + dataset, "--forwarder", fwd.uri());
  }

  /** Interests received by {@code fwd} on its face whose local URI is {@code localUri} (from face list --json). */
  private static long inInterests(Fwd fwd, String localUri) {
    uncache(fwd, "faces/list");
    String json = ok("face", "list", "--json", "--forwarder", fwd.uri()).out();
    Matcher m = Pattern.compile("\"localUri\": \"" + Pattern.quote(localUri) + "\",[^}]*?\"in\": \\{\\s*"
        + "\"interests\": (\\d+)").matcher(json);
    assertTrue(m.find(), localUri + " in " + json);
    return Long.parseLong(m.group(1));
  }

  private static long csHits(Fwd fwd) {
    uncache(fwd, "cs/info");
    String json = ok("cs", "info", "--json", "--forwarder", fwd.uri()).out();
    Matcher m = Pattern.compile("\"nHits\": (\\d+)").matcher(json);
    assertTrue(m.find(), json);
    return Long.parseLong(m.group(1));
  }

  /** Faces and routes of the chain: A -> B over UDP, B -> C over TCP, /chain towards C. */
  private static void connect(Fwd a, Fwd b, Fwd c) {
    int ab = faceId(ok("face", "create", "udp4://127.0.0.1:" + b.port, "--forwarder", a.uri()));
    ok("route", "add", "/chain", Integer.toString(ab), "--forwarder", a.uri());
    int bc = faceId(ok("face", "create", "tcp4://127.0.0.1:" + c.port, "--forwarder", b.uri()));
    ok("route", "add", "/chain", Integer.toString(bc), "--forwarder", b.uri());
  }

  private static void assertPingFlows(Fwd a, int count) {
    Result ping = ok("ping", "/chain", "-c", Integer.toString(count), "-i", "50", "-o", "2000",
        "--forwarder", a.uri());
    assertTrue(ping.out().contains(count + " packets transmitted, " + count + " received, 0 nacked, 0% packet loss"),
        ping.out());
  }

  @Test
  void trafficFlowsBCachesAndTheChainRecoversAfterBRestarts() throws Exception {
    Fwd a = new Fwd("A", freePort(), dir.resolve("a.sock"));
    Fwd b = new Fwd("B", freePort(), dir.resolve("b.sock"));
    Fwd c = new Fwd("C", freePort(), dir.resolve("c.sock"));
    List<Server> servers = new ArrayList<>();
    try {
      a.start();
      b.start();
      c.start();
      assertTrue(a.lines.stream().anyMatch(l -> l.contains("channel: udp4://127.0.0.1:" + a.port)), a.lines.toString());
      connect(a, b, c);

      // the producer on C: a ping server and a 100 kB file
      Server pingServer = serve("pingserver", "/chain", "-q", "--forwarder", c.uri());
      servers.add(pingServer);
      awaitOutput(pingServer, "PING SERVER /chain");
      byte[] file = new byte[100_000];
      new Random(3).nextBytes(file);
      Path src = dir.resolve("file.bin");
      Files.write(src, file);
      Server put = serve("put", "/chain/file", src.toString(), "--forwarder", c.uri());
      servers.add(put);
      Matcher published = Pattern.compile("published (/chain/file/v=\\d+) segments=13 ")
          .matcher(awaitOutput(put, "published "));
      assertTrue(published.find(), put.out.toString());
      String versioned = published.group(1);

      // the consumer on A: ping and get, end to end
      assertPingFlows(a, 3);
      Path first = dir.resolve("first.bin");
      ok("get", "/chain/file", first.toString(), "-q", "--forwarder", a.uri());
      assertArrayEquals(file, Files.readAllBytes(first));
      assertTrue(b.lines.stream().anyMatch(l -> l.contains("face up:") && l.contains("remote=udp4://127.0.0.1:"
          + a.port)), "B logs the on-demand UDP face from A: " + b.lines);

      // B caches: with A's Content Store erased, the same segments come from B, and C is not asked again
      Result erased = ok("cs", "erase", "/chain", "--forwarder", a.uri());
      assertTrue(erased.out().matches("Erased (1[3-9]|[2-9]\\d|\\d{3,}) entries under /chain\n"), erased.out());
      String cFromB = "tcp4://127.0.0.1:" + c.port;
      long cBefore = inInterests(c, cFromB);
      long bHitsBefore = csHits(b);
      Path second = dir.resolve("second.bin");
      ok("get", versioned, second.toString(), "-q", "--forwarder", a.uri());
      assertArrayEquals(file, Files.readAllBytes(second));
      assertEquals(cBefore, inInterests(c, cFromB), "C received no Interest for the second fetch");
      assertTrue(csHits(b) >= bHitsBefore + 13, "B answered the 13 segments from its Content Store");

      // kill B: the chain is broken
      b.kill();
      Result broken = tool("ping", "/chain", "-c", "1", "-o", "300", "--forwarder", a.uri());
      assertEquals(1, broken.exit(), broken.out() + broken.err());
      assertTrue(broken.out().contains("1 packets transmitted, 0 received"), broken.out());

      // restart B on the same ports, make the faces and routes again: traffic flows again
      b.start();
      connect(a, b, c);
      assertPingFlows(a, 3);
      Path third = dir.resolve("third.bin");
      ok("get", "/chain/file", third.toString(), "-q", "--forwarder", a.uri());
      assertArrayEquals(file, Files.readAllBytes(third));
    } finally {
      for (Server s : servers) {
        s.thread.interrupt();
      }
      for (Server s : servers) {
        try {
          s.exit.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          // stopping anyway
        }
      }
      a.kill();
      b.kill();
      c.kill();
    }
  }
}
