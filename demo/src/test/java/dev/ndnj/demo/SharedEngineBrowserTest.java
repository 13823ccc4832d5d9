package dev.ndnj.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The browser tier in headless Chromium: tabs sharing one engine in a SharedWorker, or one engine each. */
class SharedEngineBrowserTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static Chromium chromium;

  @BeforeAll
  static void launch() {
    chromium = Chromium.launch();
  }

  @AfterAll
  static void quit() {
    if (chromium != null) {
      chromium.close();
    }
  }

  private static Page tab(BrowserContext ctx, TestForwarder fwd, boolean shared) {
    Page page = ctx.newPage();
    page.onConsoleMessage(m -> System.out.println("[page] " + m.text()));
    page.navigate(fwd.url("test/client.html?shared-engine=" + (shared ? 1 : 0)));
    assertEquals(shared ? "shared" : "tab", page.evaluate("window.ndnjReady"));
    return page;
  }

  @Test
  void aTabFetchesAFileThroughTheSharedEngine() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext()) {
      Page a = tab(ctx, fwd, true);
      Object n = a.evaluate("client.fetch('/ndnj/demo/file/small').then(r => r.content.length)");
      assertEquals(16 * 1024, ((Number) n).intValue());
      fwd.awaitWebSocketFaces(1, TIMEOUT);
    }
  }
}
