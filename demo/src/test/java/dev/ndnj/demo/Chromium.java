package dev.ndnj.demo;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium ({@value #EXECUTABLE_PATH}) driven by Playwright for Java, for the demo's browser tests.
 * Playwright never downloads a browser here ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1} in its driver's
 * environment) and launches the system's Chromium with {@link #FLAGS} and a fresh profile: Playwright gives each
 * launch a new temporary {@code --user-data-dir} and deletes it on close. The browser also listens for DevTools on a
 * free loopback port, which {@link #sharedWorkers()} uses. Each {@link #newContext()} is an isolated
 * profile partition (its own SharedWorkers, storage and cookies), like another browser.
 *
 * <p>If Chromium is missing, {@link #launch()} throws an {@link AssertionError} that says how to install it: the
 * browser tests fail, they are never skipped. Not thread-safe (Playwright objects belong to the thread that made
 * them); close it to end the browser and the driver.
 */
public final class Chromium implements AutoCloseable {
  /** Where Debian's {@code chromium} package puts the browser. */
  public static final String EXECUTABLE_PATH = "/usr/bin/chromium";
  /** Flags for a quiet headless browser as root on this machine (Playwright adds {@code --headless} itself). */
  public static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

  private final Playwright playwright;
  private final Browser browser;
  private final int debuggingPort;

  private Chromium(Playwright playwright, Browser browser, int debuggingPort) {
    this.playwright = playwright;
    this.browser = browser;
    this.debuggingPort = debuggingPort;
  }

  /**
   * Fails with a clear message unless {@code executable} is an executable file.
   *
   * @throws AssertionError naming the path and the install command
   */
  public static void requireExecutable(Path executable) {
    if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
      throw new AssertionError("Chromium not found at " + executable + ": the demo's browser tests need Debian's "
          + "chromium package; install it with 'apt-get install -y chromium' (bash .ci/run does)");
    }
  }

  /** Launches headless Chromium from {@value #EXECUTABLE_PATH}. */
  public static Chromium launch() {
    return launch(Path.of(EXECUTABLE_PATH), List.of());
  }

  /**
   * Launches headless Chromium from {@code executable} with {@link #FLAGS}, a remote-debugging port on loopback (for
   * {@link SharedWorkerCdp}) and {@code extraFlags}.
   *
   * @throws AssertionError if the executable is missing
   */
  public static Chromium launch(Path executable, List<String> extraFlags) {
    requireExecutable(executable);
    int port = freeLoopbackPort();
    Playwright pw = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      List<String> args = new ArrayList<>(FLAGS);
      args.add("--remote-debugging-address=127.0.0.1");
      args.add("--remote-debugging-port=" + port);
      args.addAll(extraFlags);
      Browser b = pw.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(executable)
          .setHeadless(true)
          .setArgs(args));
      return new Chromium(pw, b, port);
    } catch (RuntimeException e) {
      pw.close();
      throw e;
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The browser. */
  public Browser browser() {
    return browser;
  }

  /** A new isolated context (a separate profile partition: its own SharedWorkers), 1280x800. */
  public BrowserContext newContext() {
    return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
  }

  /** A new page in a new context of its own. */
  public Page newPage() {
    return newContext().newPage();
  }

  /** The CDP helper for this browser's SharedWorkers (close it when done). */
  public SharedWorkerCdp sharedWorkers() {
    return new SharedWorkerCdp(browser, debuggingPort);
  }

  /** Closes the browser (and its temporary profile) and the Playwright driver. */
  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
