package dev.ndnj.tlv.mgmt;

import static dev.ndnj.tlv.mgmt.Vectors.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ndnj.tlv.TlvException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bad wire input never escapes the management decoders as anything but a {@link TlvException} saying the element,
 * the problem and the offset: every truncation and many single-octet substitutions of the ndn-cxx vectors are
 * decoded; when decoding succeeds, printing and re-encoding work and the re-encoding decodes to an equal value.
 */
class MgmtBadInputTest {
  private static final Pattern MESSAGE = Pattern.compile("^[A-Z][A-Za-z]*( component)?: .+, at offset (\\d+)$");
  private static final int[] SUBSTITUTES = {0x00, 0x01, 0x07, 0x08, 0x68, 0x69, 0x6b, 0x6c, 0x7f, 0x80, 0x81, 0xfc,
      0xfd, 0xfe, 0xff};

  private record Case(String hex, Function<ByteBuffer, Encodable> decoder) {}

  private static final List<Case> CASES = List.of(
      new Case(Vectors.CONTROL_PARAMETERS_FIELDS, ControlParameters::decode),
      new Case(Vectors.CONTROL_PARAMETERS_FACE_CREATED, ControlParameters::decode),
      new Case(Vectors.CONTROL_RESPONSE, ControlResponse::decode),
      new Case(Vectors.el(0x65, "6601c8", "67024f4b", Vectors.CONTROL_PARAMETERS_FACE_CREATED),
          ControlResponse::decode),
      new Case(Vectors.FACE_STATUS, FaceStatus::decode),
      new Case(Vectors.FACE_EVENT_CREATED, FaceEventNotification::decode),
      new Case(Vectors.FACE_QUERY_FILTER, FaceQueryFilter::decode),
      new Case(Vectors.FIB_ENTRY, FibEntry::decode),
      new Case(Vectors.RIB_ENTRY, RibEntry::decode),
      new Case(Vectors.ROUTE, Route::decode),
      new Case(Vectors.STRATEGY_CHOICE, StrategyChoice::decode),
      new Case(Vectors.FORWARDER_STATUS, ForwarderStatus::decode),
      new Case(Vectors.CS_INFO, CsInfo::decode));

  private static void attempt(byte[] input, Function<ByteBuffer, Encodable> decoder) {
    Encodable e;
    try {
      e = decoder.apply(ByteBuffer.wrap(input));
    } catch (TlvException ex) {
      String m = ex.getMessage();
      assertTrue(MESSAGE.matcher(m).matches(), () -> "message shape: " + m);
      assertTrue(ex.offset() >= 0 && ex.offset() <= input.length, () -> "offset within input: " + m);
      return;
    } catch (RuntimeException ex) {
      fail("decoder threw " + ex + " instead of TlvException", ex);
      return;
    }
    try {
      e.toString();
      ByteBuffer again = Vectors.buf(Vectors.encode(e));
      assertEquals(e, decoder.apply(again), "re-encoding decodes to an equal value");
      if (e instanceof ControlResponse && ((ControlResponse) e).hasBody()) {
        try {
          ((ControlResponse) e).bodyAsControlParameters();
        } catch (TlvException expected) {
          // a body of another type is not ControlParameters; that is a TlvException, nothing else
        }
      }
    } catch (RuntimeException ex) {
      throw new AssertionError("value that decoded misbehaves: " + ex, ex);
    }
  }

  @Test
  void everyTruncationIsATlvException() {
    for (Case c : CASES) {
      byte[] full = bytes(c.hex());
      for (int n = 0; n < full.length; n++) {
        byte[] cut = new byte[n];
        System.arraycopy(full, 0, cut, 0, n);
        attempt(cut, c.decoder());
      }
    }
  }

  @Test
  void singleOctetSubstitutionsDecodeOrThrowTlvException() {
    for (Case c : CASES) {
      byte[] full = bytes(c.hex());
      for (int i = 0; i < full.length; i++) {
        for (int s : SUBSTITUTES) {
          byte[] changed = full.clone();
          changed[i] = (byte) s;
          attempt(changed, c.decoder());
        }
      }
    }
  }
}
