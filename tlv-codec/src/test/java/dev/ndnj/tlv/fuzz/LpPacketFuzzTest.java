package dev.ndnj.tlv.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.TlvException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link LpPacket#decode(java.nio.ByteBuffer)} and, through it, {@link LpPacket#fragmentAsInterest()} and
 * {@link LpPacket#fragmentAsData()}: any octets either fail with {@link TlvException} or decode to a packet whose
 * wire is the input, whose header accessors work, whose fragment (and PrefixAnnouncement) passes the Interest or
 * Data checks when it decodes, and which the builder re-encodes to the same fields. Seeds:
 * {@code src/test/resources/dev/ndnj/tlv/fuzz/LpPacketFuzzTestInputs/decode/}. How to run it: docs/fuzzing.md.
 */
class LpPacketFuzzTest {
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest(maxDuration = "5m")
  void decode(byte[] input) {
    check(input);
  }

  /** The properties above, for one input (also run by {@link AllDecodersFuzzTest}). */
  static void check(byte[] input) {
    LpPacket packet = PacketProperties.decodeEverywhere(input, LpPacket::decode, LpPacket::wire);
    if (packet != null) {
      PacketProperties.checkLpPacket(packet);
    }
  }
}
