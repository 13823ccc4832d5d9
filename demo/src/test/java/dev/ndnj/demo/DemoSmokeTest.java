package dev.ndnj.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.ndnj.engine.face.Face;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo page in headless Chromium against a forwarder in this JVM: the page loads from the forwarder, its
 * WebSocket becomes exactly one face, and closing the page removes that face. Also checks the harness itself (the
 * CDP view of SharedWorkers, the message when Chromium is missing).
 */
class DemoSmokeTest extends BrowserTest {
  private static final Duration FACE_TIMEOUT = Duration.ofSeconds(5);
  private static final LocatorAssertions.HasTextOptions TEXT_TIMEOUT =
      new LocatorAssertions.HasTextOptions().setTimeout(10_000);


  @Test
  void pageLoadsFromTheForwarderAndIsOneWebSocketFace() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext()) {
      assertTrue(fwd.log().contains("demo: " + fwd.url()), fwd.log().toString());
      Page page = ctx.newPage();
      page.navigate(fwd.url());
      assertEquals("ndnj demo", page.title());
      assertThat(page.locator("#status")).hasText("up", TEXT_TIMEOUT);
      List<Face> faces = fwd.awaitWebSocketFaces(1, FACE_TIMEOUT);
      assertTrue(faces.get(0).remoteUri().startsWith("wsclient://127.0.0.1:"), faces.toString());
      Screenshots.save(page, "demo-connected");
    }
  }

  @Test
  void closingThePageRemovesItsFace() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext()) {
      Page page = ctx.newPage();
      page.navigate(fwd.url());
      assertThat(page.locator("#status")).hasText("up", TEXT_TIMEOUT);
      fwd.awaitWebSocketFaces(1, FACE_TIMEOUT);
      page.close();
      fwd.awaitWebSocketFaces(0, FACE_TIMEOUT);
    }
  }

  @Test
  void twoPagesOfOneContextShareOneSharedWorkerSeenThroughCdp() throws Exception {
    try (TestForwarder fwd = TestForwarder.start(); BrowserContext ctx = chromium.newContext();
         SharedWorkerCdp cdp = chromium.sharedWorkers()) {
      String open = "new Promise(done => { const w = new SharedWorker('test/echo-worker.js', 'echo');"
          + " w.port.onmessage = m => done(m.data); w.port.postMessage('ping'); })";
      for (int i = 0; i < 2; i++) {
        Page page = ctx.newPage();
        page.navigate(fwd.url());
        assertEquals("ping", page.evaluate(open));
      }
      // the demo page also starts ndnj's own worker: look at the echo worker only
      List<SharedWorkerCdp.Target> workers = cdp.sharedWorkers().stream()
          .filter(w -> w.url().endsWith("/test/echo-worker.js")).toList();
      assertEquals(1, workers.size(), cdp.sharedWorkers().toString());
      assertTrue(workers.get(0).url().endsWith("/test/echo-worker.js"), workers.toString());
      assertEquals(2, cdp.evaluate(workers.get(0), "self.connectionCount()").getAsInt());
      assertEquals("echo", cdp.evaluate(workers.get(0), "Promise.resolve(self.name)").getAsString());
    }
  }

  @Test
  void aMissingChromiumFailsWithTheInstallCommand() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> Chromium.requireExecutable(Path.of("/nonexistent/chromium")));
    assertTrue(e.getMessage().contains("apt-get install -y chromium"), e.getMessage());
  }
}
