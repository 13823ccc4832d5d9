package dev.ndnj.bench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ExchangeAb} loads each variant in a class loader of its own, initializes it with its own properties, and
 * reports one rate per variant for every cycle after the warm-up.
 */
class ExchangeAbTest {
  private static final String PROPERTY = "ndnj.framePrefetchWindow";

  @Test
  void eachVariantRunsInItsOwnLoaderWithItsOwnSettings() throws Exception {
    String cp = System.getProperty("java.class.path");
    int cycles = ExchangeAb.WARM_UP_CYCLES + 2;
    ExchangeAb.Result r = ExchangeAb.compare("lru", 0, "batched", cycles, 20, List.of(cp + "@" + PROPERTY + "=0", cp));
    assertEquals(2, r.rows.size(), "one row per cycle after the warm-up");
    for (double[] row : r.rows) {
      assertEquals(2, row.length);
      assertTrue(Arrays.stream(row).allMatch(x -> x > 0 && Double.isFinite(x)), Arrays.toString(row));
    }
    assertEquals(2, r.ratios(1).length);
    assertNotSame(r.loaders.get(0), r.loaders.get(1));
    // the switch was read by the first variant's classes only, and the property is gone again
    assertEquals(0, window(r.loaders.get(0)));
    assertEquals(16, window(r.loaders.get(1)));
    assertNull(System.getProperty(PROPERTY));
  }

  private static int window(ClassLoader loader) throws Exception {
    return Class.forName("dev.ndnj.engine.face.FramePrefetch", true, loader).getField("WINDOW").getInt(null);
  }
}
