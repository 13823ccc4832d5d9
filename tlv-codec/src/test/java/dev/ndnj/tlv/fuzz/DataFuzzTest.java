package dev.ndnj.tlv.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.TlvException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link Data#decode(java.nio.ByteBuffer)}: any octets either fail with {@link TlvException} or decode to a
 * Data whose wire is the input, whose accessors and digests work, and which the builder re-encodes to the same
 * fields; and {@link Data#decodeHead}: it accepts what decode accepts, with the same fields, and what decode
 * rejects it rejects with the same error, at once or when the signature elements are checked. Seeds: {@code src/test/resources/dev/ndnj/tlv/fuzz/DataFuzzTestInputs/decode/}. How to run it:
 * docs/fuzzing.md.
 */
class DataFuzzTest {
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest(maxDuration = "5m")
  void decode(byte[] input) {
    check(input);
  }

  /** The properties above, for one input (also run by {@link AllDecodersFuzzTest}). */
  static void check(byte[] input) {
    Data data = PacketProperties.decodeEverywhere(input, Data::decode, Data::wire);
    if (data != null) {
      PacketProperties.checkData(data);
    }
    String wholeError = null;
    try {
      Data.decode(ByteBuffer.wrap(input));
    } catch (TlvException e) {
      wholeError = e.getMessage();
    }
    String headError = null;
    Data head = null;
    try {
      head = Data.decodeHead(ByteBuffer.wrap(input));
      head.checkSignatureElements();
    } catch (TlvException e) {
      headError = e.getMessage();
    }
    assertEquals(wholeError, headError, "decodeHead and decode disagree");
    if (data != null) {
      assertEquals(data.toString(), head.toString());
      assertEquals(data.signedPortion(), head.signedPortion());
      assertEquals(data.signatureValue(), head.signatureValue());
      assertEquals(data.content(), head.content());
    }
  }
}
