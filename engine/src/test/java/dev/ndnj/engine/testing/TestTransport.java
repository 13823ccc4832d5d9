package dev.ndnj.engine.testing;

import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.Transport;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A test double: the lower half of a {@link TestFace}. It has the scope and link type a test asks for, keeps the
 * frames a link service writes (a {@link TestLinkService} writes none: it records packet objects instead), and closes
 * at once. Forwarding thread only.
 */
public final class TestTransport extends Transport {
  private final List<ByteBuffer> frames = new ArrayList<>();

  /** A persistent transport without MTU, with {@code scope} and {@code linkType}. */
  public TestTransport(FaceScope scope, LinkType linkType) {
    super(scope, linkType, FacePersistency.PERSISTENT, "test://local", "test://remote", -1);
  }

  @Override
  protected boolean doSend(ByteBuffer frame) {
    frames.add(frame);
    return true;
  }

  /** Frames written through this transport (read-only live view). */
  public List<ByteBuffer> frames() {
    return Collections.unmodifiableList(frames);
  }

  /** Closes at once: the face leaves its table and the forwarder cleans up after it. */
  @Override
  public void close() {
    closed();
  }
}
