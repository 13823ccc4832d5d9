package dev.ndnj.engine.testing;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Small packet factories shared by the table and forwarder tests. */
public final class Packets {
  private Packets() {}

  /** An Interest builder for {@code uri} with Nonce {@code nonce}. */
  public static Interest.Builder interestBuilder(String uri, int nonce) {
    return Interest.builder(Name.parse(uri)).nonce(nonce);
  }

  /** An Interest for {@code uri} with Nonce {@code nonce} and default lifetime. */
  public static Interest interest(String uri, int nonce) {
    return interestBuilder(uri, nonce).build();
  }

  /** A DigestSha256-signed Data named {@code uri} without FreshnessPeriod, content {@code "content of URI"}. */
  public static Data data(String uri) {
    return Data.builder(Name.parse(uri)).content(("content of " + uri).getBytes(StandardCharsets.UTF_8))
        .signWithDigestSha256();
  }

  /** A DigestSha256-signed Data named {@code uri} with FreshnessPeriod {@code freshnessMillis}. */
  public static Data data(String uri, long freshnessMillis) {
    return Data.builder(Name.parse(uri)).freshnessPeriod(freshnessMillis)
        .content(("content of " + uri).getBytes(StandardCharsets.UTF_8)).signWithDigestSha256();
  }

  /** A DigestSha256-signed Data named {@code uri} with the given content. */
  public static Data data(String uri, String content) {
    return Data.builder(Name.parse(uri)).content(content.getBytes(StandardCharsets.UTF_8)).signWithDigestSha256();
  }

  /** A read-only PitToken buffer of the given octets. */
  public static ByteBuffer token(int... octets) {
    byte[] b = new byte[octets.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) octets[i];
    }
    return ByteBuffer.wrap(b).asReadOnlyBuffer();
  }
}
