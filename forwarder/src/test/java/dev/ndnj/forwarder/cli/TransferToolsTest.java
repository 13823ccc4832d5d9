package dev.ndnj.forwarder.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.app.Registration;
import dev.ndnj.engine.app.SegmentedProducer;
import dev.ndnj.tlv.Name;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** put and get through a forwarder on loopback: RDR discovery, windows, retransmission, the progress line. */
class TransferToolsTest {
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

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void putGetRoundTripOfAMultiSegmentFile() throws Exception {
    byte[] blob = random(100_000, 1);
    Path src = dir.resolve("blob.bin");
    Files.write(src, blob);
    CliFixture.Running put = f.start("put", "/files/blob", src.toString());
    String published = put.out.awaitLine(l -> l.startsWith("published "), 10_000);
    Matcher m = Pattern.compile("published (/files/blob/v=\\d+) segments=13 bytes=100000").matcher(published);
    assertTrue(m.matches(), published);
    String versioned = m.group(1);

    Path dst = dir.resolve("copy.bin");
    CliFixture.Result get = f.run("get", "/files/blob", dst.toString(), "--window", "4");
    assertEquals(0, get.exit(), get.toString());
    assertArrayEquals(blob, Files.readAllBytes(dst));
    assertTrue(get.err().contains("[" + "#".repeat(30) + "] 100%"), get.err());
    assertTrue(get.err().contains("seg 13/13"), get.err());
    assertTrue(Pattern.compile("get: " + Pattern.quote(versioned) + ": 100000 bytes, 13 segments in [0-9.]+ s \\("
        + "[0-9.]+ [KM]?i?B/s\\), 0 retransmissions, written to " + Pattern.quote(dst.toString()) + "\n")
        .matcher(get.err()).find(), get.err());

    // the versioned name is fetched without discovery; '-' prints to standard output
    Path text = dir.resolve("note.txt");
    Files.writeString(text, "a short note\n");
    CliFixture.Running put2 = f.start("put", "/files/note/v=42", text.toString(), "-q");
    put2.out.awaitLine(l -> l.equals("published /files/note/v=42 segments=1 bytes=13"), 10_000);
    CliFixture.Result cat = f.run("get", "/files/note/v=42", "-", "-q");
    assertEquals(0, cat.exit(), cat.toString());
    assertEquals("a short note\n", cat.out());
    assertEquals("", cat.err());

    assertEquals(0, put.stop());
    assertTrue(put.out.text().contains("served 13 segment Interests, 1 metadata Interests\n"), put.out.text());
    assertEquals(0, put2.stop());
  }

  @Test
  void lostSegmentsAreRetransmittedAndTheFetchGoesOn() throws Exception {
    byte[] blob = random(50_000, 2);
    Name prefix = Name.parse("/files/lossy");
    SegmentedProducer segments = new SegmentedProducer(prefix, blob, 4000, 7, 10_000);
    Set<String> dropped = ConcurrentHashMap.newKeySet();
    try (ForwarderClient producer = ForwarderClient.connect(f.uri)) {
      // the first request for every odd segment goes unanswered
      Registration reg = producer.engine().producer().produce(prefix, (interest, responder) -> {
        Name n = interest.name();
        if (n.size() == 4 && n.get(-1).isSegment() && n.get(-1).toNumber() % 2 == 1
            && dropped.add(n.toString())) {
          return;
        }
        segments.onInterest(interest, responder);
      });
      producer.register(prefix);

      Path dst = dir.resolve("lossy.bin");
      CliFixture.Result get = f.run("get", "/files/lossy", dst.toString(), "--lifetime", "300", "--window", "4");
      assertEquals(0, get.exit(), get.toString());
      assertArrayEquals(blob, Files.readAllBytes(dst));
      assertEquals(6, dropped.size(), dropped.toString()); // segments 1, 3, ..., 11 of 0..12
      Matcher m = Pattern.compile(", (\\d+) retransmissions").matcher(get.err());
      assertTrue(m.find(), get.err());
      assertTrue(Integer.parseInt(m.group(1)) >= 6, get.err());
      reg.close();
    }
  }

  @Test
  void getFailsClearlyAndChecksItsArguments() throws Exception {
    CliFixture.Result none = f.run("get", "/files/none", dir.resolve("x").toString(), "--lifetime", "200", "-q");
    assertEquals(1, none.exit(), none.toString());
    assertEquals("ERROR: fetching /files/none: Nack NoRoute\n", none.err());
    assertTrue(!Files.exists(dir.resolve("x")));

    assertEquals(2, f.run("get", "/", "x").exit());
    assertEquals(2, f.run("get", "/a", "x", "--window", "0").exit());
    assertEquals(2, f.run("get", "/v=1").exit()); // no generic component to name the file after
    assertEquals(2, f.run("put", "/v=3", "x").exit());
    CliFixture.Result missing = f.run("put", "/a", dir.resolve("missing").toString());
    assertEquals(1, missing.exit(), missing.toString());
    assertTrue(missing.err().startsWith("ERROR: no such file: "), missing.err());
    for (String tool : new String[] {"put", "get"}) {
      CliFixture.Result h = CliFixture.runRaw(new byte[0], tool, "--help");
      assertEquals(0, h.exit(), h.toString());
      assertTrue(h.out().startsWith("Usage: ndnj " + tool + " "), h.out());
    }
  }
}
