package dev.ndnj.faces.websocket;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}, made at run time with the JDK's
 * {@code keytool} (no Bouncy Castle, no JDK internals) and written as the PEM files an operator gives the forwarder:
 * the certificate and a PKCS#8 private key.
 */
final class TestCerts {
  private static final char[] PASS = "changeit".toCharArray();

  final Path certificate;
  final Path privateKey;

  private TestCerts(Path certificate, Path privateKey) {
    this.certificate = certificate;
    this.privateKey = privateKey;
  }

  /** Makes the key pair and certificate in {@code dir}. */
  static TestCerts selfSigned(Path dir) throws Exception {
    Path store = dir.resolve("test.p12");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "ndnj", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", new String(PASS), "-keypass", new String(PASS))
        .redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + new String(out, StandardCharsets.UTF_8));
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, PASS);
    }
    PrivateKey key = (PrivateKey) ks.getKey("ndnj", PASS);
    Certificate cert = ks.getCertificate("ndnj");
    Path certPem = dir.resolve("cert.pem");
    Path keyPem = dir.resolve("key.pem");
    Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
    Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded())); // PKCS#8
    return new TestCerts(certPem, keyPem);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  /** An SSLContext (for the JDK's HTTP and WebSocket client) that trusts this certificate only. */
  SSLContext trustingContext() throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      trust.setCertificateEntry("ndnj", java.security.cert.CertificateFactory.getInstance("X.509")
          .generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }
}
