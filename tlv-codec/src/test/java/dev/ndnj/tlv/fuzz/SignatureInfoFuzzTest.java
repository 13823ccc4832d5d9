package dev.ndnj.tlv.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the SignatureInfo grammar: the input is one SignatureInfo (or InterestSignatureInfo) element, decoded on
 * its own with {@link SignatureInfo#decode} in both flavours and inside a Data (Name {@code /a}, the input,
 * an empty SignatureValue) with {@link Data#decode(ByteBuffer)}. Any octets either fail with {@link TlvException}
 * or give a SignatureInfo whose accessors work and which the builder re-encodes to the same fields. Seeds:
 * {@code src/test/resources/dev/ndnj/tlv/fuzz/SignatureInfoFuzzTestInputs/decode/}. How to run it:
 * docs/fuzzing.md.
 */
class SignatureInfoFuzzTest {
  private static final byte[] NAME_A = {TlvTypes.NAME, 3, TlvTypes.GENERIC_NAME_COMPONENT, 1, 'a'};

  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest(maxDuration = "5m")
  void decode(byte[] input) {
    check(input);
  }

  /** The properties above, for one input (also run by {@link AllDecodersFuzzTest}). */
  static void check(byte[] input) {
    for (boolean interest : new boolean[] {false, true}) {
      SignatureInfo si = PacketProperties.orNull(
          () -> SignatureInfo.decode(ByteBuffer.wrap(input), 0, input.length, 0, interest));
      if (si != null) {
        PacketProperties.checkSignatureInfo(si);
        TlvEncoder enc = new TlvEncoder();
        PacketProperties.rebuild(si).prependTo(enc, interest);
        ByteBuffer again = enc.toBuffer();
        assertEquals(PacketProperties.describe(si),
            PacketProperties.describe(SignatureInfo.decode(again, 0, again.limit(), 0, interest)),
            "builder-rebuilt SignatureInfo decodes to other fields");
      }
    }
    Data data = PacketProperties.decodeEverywhere(inData(input), Data::decode, Data::wire);
    if (data != null) {
      PacketProperties.checkData(data);
    }
  }

  /** A Data named /a with {@code signatureInfo} as its SignatureInfo and an empty SignatureValue. */
  static byte[] inData(byte[] signatureInfo) {
    TlvEncoder enc = new TlvEncoder(signatureInfo.length + 16);
    enc.prependEmptyTlv(TlvTypes.SIGNATURE_VALUE);
    enc.prependBytes(signatureInfo, 0, signatureInfo.length);
    enc.prependBytes(NAME_A, 0, NAME_A.length);
    enc.prependHeader(TlvTypes.DATA, enc.size());
    return enc.toByteArray();
  }
}
