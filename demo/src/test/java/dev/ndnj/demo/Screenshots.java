package dev.ndnj.demo;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Screenshots of the demo for the documentation, saved to {@code docs/images/} only when the environment has
 * {@code NDNJ_SCREENSHOTS=1}, so ordinary test runs (and CI) leave the work tree as it was. To refresh them:
 * {@code NDNJ_SCREENSHOTS=1 mvn -B -o -pl demo test}, then commit {@code docs/images/}.
 */
public final class Screenshots {
  private Screenshots() {}

  /** Whether screenshots are taken in this run. */
  public static boolean enabled() {
    return "1".equals(System.getenv("NDNJ_SCREENSHOTS"));
  }

  /** {@code docs/images/} of the repository (surefire runs in the module's directory, {@code demo/}). */
  public static Path directory() {
    Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    return moduleDir.toAbsolutePath().getParent().resolve("docs").resolve("images");
  }

  /**
   * Saves {@code page} (the viewport) as {@code docs/images/<name>.png} when {@link #enabled()}.
   *
   * @return the file written, or empty when screenshots are off
   */
  public static Optional<Path> save(Page page, String name) {
    if (!enabled()) {
      return Optional.empty();
    }
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("screenshot names are lower-case words joined by '-': " + name);
    }
    try {
      Path dir = directory();
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      page.screenshot(new Page.ScreenshotOptions().setPath(file));
      return Optional.of(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
