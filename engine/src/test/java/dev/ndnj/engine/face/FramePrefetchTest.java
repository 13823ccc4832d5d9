package dev.ndnj.engine.face;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FramePrefetchTest {
  private static ByteBuffer frame(int length) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (i + 1);
    }
    return ByteBuffer.wrap(b);
  }

  @Test
  void readsTheOctetAtThePositionWithoutMovingIt() {
    ByteBuffer f = frame(1000);
    assertEquals(1, FramePrefetch.touch(f));
    f.position(200);
    assertEquals((byte) 201, FramePrefetch.touch(f));
    assertEquals(200, f.position());
    assertEquals(1000, f.limit());
  }

  @Test
  void anEmptyFrameReadsNothing() {
    assertEquals(0, FramePrefetch.touch(frame(0)));
    ByteBuffer f = frame(10);
    f.position(10);
    assertEquals(0, FramePrefetch.touch(f));
  }

  @Test
  void readsDirectAndReadOnlyBuffersAlike() {
    ByteBuffer heap = frame(300);
    heap.position(7);
    ByteBuffer direct = ByteBuffer.allocateDirect(300).put(frame(300)).position(7);
    assertEquals(8, FramePrefetch.touch(direct));
    assertEquals(8, FramePrefetch.touch(heap.asReadOnlyBuffer()));
  }
}
