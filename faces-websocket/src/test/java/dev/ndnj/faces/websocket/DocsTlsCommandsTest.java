package dev.ndnj.faces.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ndnj.engine.face.Face;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code openssl} commands of the wss section of {@code docs/faces.md} make a key and certificate the server
 * takes. Skipped where {@code openssl} is not installed.
 */
class DocsTlsCommandsTest {
  @TempDir
  Path dir;

  @Test
  void theOpensslCommandsInTheDocsMakeFilesTheServerAccepts() throws Exception {
    assumeTrue(run(dir, "openssl", "version") == 0, "openssl is not installed");
    // docs/faces.md, "wss": a self-signed certificate for a test or a LAN
    assertEquals(0, run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "365", "-subj", "/CN=localhost",
        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1"));
    assertEquals(0, run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048",
        "-nodes", "-keyout", "rsa-key.pem", "-out", "rsa-cert.pem", "-days", "365", "-subj", "/CN=localhost",
        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1"));
    for (String prefix : List.of("", "rsa-")) {
      Path cert = dir.resolve(prefix + "cert.pem");
      Path key = dir.resolve(prefix + "key.pem");
      try (WsRig a = new WsRig(WsRig.quiet().tls(cert, key));
           WsRig b = new WsRig(WsRig.quiet().clientTrustedCertificates(cert))) {
        WebSocketChannel ch = a.ws.listen(WsRig.loopback4());
        a.produce("/p", 10);
        Face f = b.ws.createFace("wss://127.0.0.1:" + WsRig.port(ch)).get(WsRig.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        b.route("/p", f);
        assertEquals(10, b.fetch("/p/openssl").contentLength());
      }
    }
  }

  private static int run(Path dir, String... cmd) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (java.io.IOException notInstalled) {
      return -1;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    if (p.exitValue() != 0) {
      System.err.println(String.join(" ", cmd) + ": " + out);
    }
    return p.exitValue();
  }
}
