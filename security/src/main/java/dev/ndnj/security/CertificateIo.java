package dev.ndnj.security;

import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.TlvException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Reads and writes certificates as files and text: the base64 form {@code ndnsec cert-dump} prints and
 * {@code ndnsec cert-install} reads (64-column lines), or the binary Data element. Stateless.
 */
public final class CertificateIo {
  private CertificateIo() {}

  /**
   * Decodes a certificate from {@code bytes}: a binary Data element (first octet 0x06), else base64 text.
   *
   * @throws IllegalArgumentException if it is neither, or not a certificate
   */
  public static Certificate decode(byte[] bytes) {
    try {
      if (bytes.length > 0 && bytes[0] == 0x06) {
        return Certificate.decode(ByteBuffer.wrap(bytes));
      }
      byte[] bin = Base64.getMimeDecoder().decode(new String(bytes, StandardCharsets.US_ASCII).strip());
      return Certificate.decode(ByteBuffer.wrap(bin));
    } catch (TlvException e) {
      throw new IllegalArgumentException("not a certificate: " + e.getMessage(), e);
    }
  }

  /** Reads a certificate file (binary or base64). */
  public static Certificate read(Path file) throws IOException {
    try {
      return decode(Files.readAllBytes(file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** The base64 text of {@code cert}, 64-column lines ending with a newline. */
  public static String toBase64(Certificate cert) {
    ByteBuffer w = cert.data().wire();
    byte[] b = new byte[w.remaining()];
    w.get(b);
    String s = Base64.getEncoder().encodeToString(b);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i += 64) {
      sb.append(s, i, Math.min(s.length(), i + 64)).append('\n');
    }
    return sb.toString();
  }
}
