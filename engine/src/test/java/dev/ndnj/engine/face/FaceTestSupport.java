package dev.ndnj.engine.face;

import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;

/** Small factories shared by the face tests. */
public final class FaceTestSupport {
  private FaceTestSupport() {}

  /** Options for a link service driven by {@code clock}, with a fixed initial Sequence. */
  public static GenericLinkService.Options options(ManualClock clock) {
    return new GenericLinkService.Options(clock, clock, () -> 0x1234);
  }

  /** A face of a GenericLinkService (default options) over {@code t}, added to {@code table}. */
  public static Face addFace(FaceTable table, Transport t, ManualClock clock) {
    return addFace(table, t, options(clock));
  }

  /** A face of a GenericLinkService with {@code options} over {@code t}, added to {@code table}. */
  public static Face addFace(FaceTable table, Transport t, GenericLinkService.Options options) {
    Face f = new Face(new GenericLinkService(options), t);
    table.add(f);
    return f;
  }

  /** An Interest named {@code uri} with a Nonce. */
  public static Interest interest(String uri) {
    return Interest.builder(Name.parse(uri)).nonce(0x01020304).build();
  }

  /** A Data named {@code uri} with {@code contentSize} octets of patterned content, DigestSha256-signed. */
  public static Data data(String uri, int contentSize) {
    byte[] content = new byte[contentSize];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31 + 7);
    }
    return Data.builder(Name.parse(uri)).content(content).signWithDigestSha256();
  }

  /** A read-only buffer of the given octets. */
  public static ByteBuffer bytes(int... octets) {
    byte[] b = new byte[octets.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) octets[i];
    }
    return ByteBuffer.wrap(b).asReadOnlyBuffer();
  }
}
