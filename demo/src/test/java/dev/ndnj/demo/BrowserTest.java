package dev.ndnj.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the browser test classes: one headless Chromium per class ({@link #chromium}), closed after it. */
abstract class BrowserTest {
  /** The class's browser. */
  static Chromium chromium;

  @BeforeAll
  static void launchChromium() {
    chromium = Chromium.launch();
  }

  @AfterAll
  static void quitChromium() {
    if (chromium != null) {
      chromium.close();
      chromium = null;
    }
  }
}
