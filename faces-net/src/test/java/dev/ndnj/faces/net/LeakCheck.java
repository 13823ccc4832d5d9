package dev.ndnj.faces.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reports a leaked buffer. Registered for every test class of this module (JUnit
 * extension auto-detection, see {@code junit-platform.properties}), so it is installed before the first buffer is
 * made. With the parent pom's {@code -Dio.netty.leakDetectionLevel=paranoid} every buffer is tracked; after each class
 * the heap is collected and buffers are allocated so that the detector looks at what was collected.
 */
public final class LeakCheck implements AfterAllCallback {
  private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

  static {
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
      @Override
      public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
          long maxActive) {
        return new ResourceLeakDetector<>(resource, samplingInterval) {
          @Override
          protected boolean needReport() {
            return true;
          }

          @Override
          protected void reportTracedLeak(String type, String records) {
            LEAKS.add(type + records);
          }

          @Override
          protected void reportUntracedLeak(String type) {
            LEAKS.add(type);
          }
        };
      }
    });
  }

  @Override
  public void afterAll(ExtensionContext context) {
    for (int round = 0; round < 3; round++) {
      System.gc();
      List<ByteBuf> probes = new ArrayList<>();
      for (int i = 0; i < 16; i++) { // each tracked allocation drains the detector's queue of collected buffers
        probes.add(PooledByteBufAllocator.DEFAULT.directBuffer(8));
        probes.add(PooledByteBufAllocator.DEFAULT.heapBuffer(8));
      }
      probes.forEach(ByteBuf::release);
    }
    List<String> found = new ArrayList<>(LEAKS);
    LEAKS.clear();
    assertEquals(List.of(), found, "Netty buffers leaked in " + context.getDisplayName());
  }
}
