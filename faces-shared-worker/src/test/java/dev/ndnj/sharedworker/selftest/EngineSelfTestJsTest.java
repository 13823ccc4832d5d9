package dev.ndnj.sharedworker.selftest;

import static dev.ndnj.sharedworker.selftest.SelfTestBundle.assertCompleteReport;
import static dev.ndnj.sharedworker.selftest.SelfTestBundle.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the TeaVM bundle {@code target/teavm/engine-selftest.js} (built in process-classes) under Node and requires
 * its report to equal {@link EngineSelfTest#run()} computed on the JVM, result by result. Together with the TeaVM build
 * itself (which fails if the engine reaches a class or method TeaVM's class library lacks, or Caffeine, which is not
 * on this module's classpath) this proves that the engine with the LRU Content Store runs in JavaScript with the same
 * results as on the JVM.
 *
 * <p>Needs {@code node} on the PATH (or {@code -Dndnj.node=/path/to/node}); see {@link SelfTestBundle}.
 */
class EngineSelfTestJsTest {
  @Test
  void javaScriptReportEqualsJvmReport() throws Exception {
    SelfTestBundle.ENGINE.assertJavaScriptReportEquals(EngineSelfTest.run());
  }

  @Test
  void reportIsDeterministic() {
    assertEquals(EngineSelfTest.run(), EngineSelfTest.run());
  }

  /**
   * Known facts of the scenario, so that equal-but-wrong reports do not pass; digests are recomputed here with the
   * JDK's {@link MessageDigest}, independently of the codec's own SHA-256.
   */
  @Test
  void reportHasKnownAnswers() throws Exception {
    List<String> lines = EngineSelfTest.run().lines().toList();
    assertTrue(lines.size() > 80, "report has only " + lines.size() + " lines");
    assertCompleteReport(lines);

    // express: the producer's DigestSha256-signed Data reaches the consumer
    assertContains(lines, "express.result: data /selftest/hello (15 octets)");
    assertContains(lines, "express.content: " + hex("hello from ndnj".getBytes(StandardCharsets.UTF_8)));
    assertContains(lines, "express.digestValid: true");
    assertContains(lines, "express.implicitDigest: " + hex(sha256(unhex(value(lines, "express.wire")))));
    assertContains(lines, "express.producerCalls: 1");
    assertContains(lines, "express.forwarder: csHits=0 csMisses=1");

    // the same Interest again: a Content Store hit, the producer is not called again
    assertContains(lines, "cs.result: data /selftest/hello (15 octets)");
    assertContains(lines, "cs.sameWire: true");
    assertContains(lines, "cs.forwarder: csHits=1 csMisses=1");
    assertContains(lines, "cs.producerCalls: 1");
    assertContains(lines, "cs.fullNameForwarder: csHits=2 csMisses=1");

    // no route
    assertContains(lines, "nack.reason: NoRoute");
    assertContains(lines, "nack.reasonCode: 150");

    // timeout exactly at the lifetime
    assertContains(lines, "timeout.after999ms: pending");
    assertContains(lines, "timeout.after1000ms: failed InterestTimeoutException: timeout: no Data for"
        + " /selftest/silent/1 after 1 transmission of 1000 ms");

    // aggregation: two consumers, one PIT entry with two in-records, one producer call
    assertContains(lines, "aggregate.producerCalls: 1");
    assertContains(lines, "aggregate.entry: /selftest/agg/x inRecords=2 outRecords=1");
    assertContains(lines, "aggregate.consumer1: data /selftest/agg/x (4 octets)");
    assertContains(lines, "aggregate.consumer2: data /selftest/agg/x (4 octets)");
    assertContains(lines, "aggregate.producerCallsAfter: 1");

    // segmented fetch with version discovery
    assertContains(lines, "fetch.length: " + EngineSelfTest.OBJECT_LENGTH);
    assertContains(lines, "fetch.sha256: " + hex(sha256(EngineSelfTest.objectContent(EngineSelfTest.OBJECT_LENGTH))));
    assertContains(lines, "fetch.equalsContent: true");
    assertContains(lines, "fetch.progressCalls: 5");

    // at the end: nothing left pending
    assertContains(lines, "tables.pit: 0");
    assertContains(lines, "tables.consumer.pending: 0");

    // two engines over a fragmenting memory link
    assertContains(lines, "link.contentLength: " + EngineSelfTest.BIG_DATA_LENGTH);
    assertContains(lines, "link.contentSha256: "
        + hex(sha256(EngineSelfTest.objectContent(EngineSelfTest.BIG_DATA_LENGTH))));
    assertContains(lines, "link.sameAsSent: true");
    assertContains(lines, "link.framesFitMtu: true");
    assertContains(lines, "link.reassembly: partial=0 bytesHeld=0 duplicates=0 drops=0");
    int wire = Integer.parseInt(value(lines, "link.dataWireLength"));
    long fragments = Long.parseLong(value(lines, "link.fragmentsSent"));
    assertTrue(fragments >= (wire + EngineSelfTest.MTU - 1) / EngineSelfTest.MTU && fragments <= 8,
        wire + " octets over MTU " + EngineSelfTest.MTU + " in " + fragments + " fragments");
    assertContains(lines, "link.fragmentsReceived: " + fragments);
    assertContains(lines, "link.againFrames: near.out=1 far.out=" + fragments);

    assertContains(lines, "close.after: failed IllegalStateException: the application face is closed");
    assertContains(lines, "close.faces: 0");
  }

  private static String value(List<String> lines, String key) {
    String prefix = key + ": ";
    return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
        .orElseGet(() -> fail("report has no line " + key));
  }

  private static byte[] sha256(byte[] b) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static byte[] unhex(String s) {
    return HexFormat.of().parseHex(s);
  }
}
