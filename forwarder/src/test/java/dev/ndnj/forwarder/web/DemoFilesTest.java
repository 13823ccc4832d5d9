package dev.ndnj.forwarder.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
}
