package dev.ndnj.bench.engine;

import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.Transport;
import java.nio.ByteBuffer;

/**
 * The lower half of a benchmark face: a non-local, point-to-point, persistent transport (as a UDP unicast or TCP
 * face is) that carries no frames, because the link services above it hand packet objects over directly. Closes at
 * once. Forwarding thread only.
 */
final class DirectTransport extends Transport {
  DirectTransport(String name) {
    super(FaceScope.NON_LOCAL, LinkType.POINT_TO_POINT, FacePersistency.PERSISTENT, "bench://" + name + "/local",
        "bench://" + name + "/remote", -1);
  }

  /** Never called: the direct link services send no frames. */
  @Override
  protected boolean doSend(ByteBuffer frame) {
    throw new IllegalStateException("a direct benchmark link carries packet objects, not frames");
  }

  @Override
  public void close() {
    closed();
  }
}
