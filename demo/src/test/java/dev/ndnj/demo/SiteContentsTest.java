package dev.ndnj.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The site the demo module packs and the forwarder serves: the page, its script, and every TeaVM bundle that
 * {@code faces-shared-worker} built (under {@code /ndnj/}), each with its content type.
 */
class SiteContentsTest {
  private static final String SITE = "dev/ndnj/demo/site/";

  /** The {@code *.js} files the TeaVM plugin wrote (none if faces-shared-worker has not been built here). */
  static List<String> teavmBundles() throws IOException {
    Path dir = Path.of(System.getProperty("basedir", ".")).resolve("../faces-shared-worker/target/teavm");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".js")).sorted().toList();
    }
  }

  @Test
  void theJarHasThePageAndEveryTeavmBundle() throws IOException {
    ClassLoader loader = SiteContentsTest.class.getClassLoader();
    assertNotNull(loader.getResource(SITE + "index.html"));
    assertNotNull(loader.getResource(SITE + "app.js"));
    for (String js : teavmBundles()) {
      assertNotNull(loader.getResource(SITE + "ndnj/" + js), js);
    }
  }

  @Test
  void theForwarderServesThemWithTheirTypes() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (TestForwarder fwd = TestForwarder.start()) {
      HttpResponse<String> index = http.send(HttpRequest.newBuilder(URI.create(fwd.url())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, index.statusCode());
      assertEquals("text/html; charset=utf-8", index.headers().firstValue("content-type").orElse(""));
      assertTrue(index.body().contains("<title>ndnj demo</title>"), index.body());
      for (String js : teavmBundles()) {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(fwd.url("ndnj/" + js)))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, r.statusCode(), js);
        assertEquals("text/javascript; charset=utf-8", r.headers().firstValue("content-type").orElse(""), js);
        assertEquals(Files.size(Path.of(System.getProperty("basedir", "."))
            .resolve("../faces-shared-worker/target/teavm/" + js)),
            Long.parseLong(r.headers().firstValue("content-length").orElse("-1")), js);
      }
    }
  }
}
