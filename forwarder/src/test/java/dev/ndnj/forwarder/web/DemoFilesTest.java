package dev.ndnj.forwarder.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The demo's generated files are fixed: same octets every run (others, e.g. a browser, may recompute them). */
class DemoFilesTest {
  @Test
  void generatorIsSplitMix64LittleEndian() {
    // SplitMix64 from seed 0: the first output is 0xe220a8397b1dcdaf (the published reference sequence)
    byte[] b = DemoFiles.generate(0, 10);
    assertEquals("afcd1d7b39a820e2", HexFormat.of().formatHex(b, 0, 8));
    assertArrayEquals(DemoFiles.generate(0, 16), concat(b, DemoFiles.generate(0, 16)));
  }

  private static byte[] concat(byte[] first10, byte[] all16) {
    byte[] out = all16.clone();
    System.arraycopy(first10, 0, out, 0, 10);
    return out;
  }

  @Test
  void filesHaveTheirSizesAndDiffer() {
    DemoFiles files = new DemoFiles();
    assertEquals(16 * 1024, files.contents().get("small").length);
    assertEquals(64 * 1024, files.contents().get("medium").length);
    assertEquals(256 * 1024, files.contents().get("big").length);
    assertArrayEquals(DemoFiles.generate(3, 256 * 1024), files.contents().get("big"));
    assertNotEquals(files.contents().get("small")[0], files.contents().get("medium")[0]);
  }

  @Test
  void sha256OfEachFileAsDocumented() throws Exception {
    // the values in docs/demo.md, computed there by an independent (Python) SplitMix64
    DemoFiles files = new DemoFiles();
    assertEquals("264fc40b345a69e294d6b07a2dc4ebcd08cc5b3cb2acfb6fa2b3a0c5161fda90", sha256(files, "small"));
    assertEquals("c123686bd00e88b1a1a231c5b1d0f140ffe6830f6a2507c8986414e9a1c2389d", sha256(files, "medium"));
    assertEquals("66d8529e092d0266f3718a497d4c1834b708764dca5d8aba2433eca839664679", sha256(files, "big"));
  }

  private static String sha256(DemoFiles files, String name) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(files.contents().get(name)));
  }
}
