package dev.ndnj.forwarder.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Sha256;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvTypes;
import dev.ndnj.tlv.mgmt.ControlCommand;
import dev.ndnj.tlv.mgmt.ControlParameters;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The command signer makes v0.3 DigestSha256 signed Interests with increasing SignatureTime. */
class CommandInterestSignerTest {
  private static byte[] digest(Interest i) {
    Sha256 h = new Sha256();
    for (ByteBuffer p : i.signedPortions()) {
      h.update(p, p.position(), p.remaining());
    }
    return h.digest();
  }

  @Test
  void signsWithDigestSha256NonceAndStrictlyIncreasingTime() {
    CommandInterestSigner signer = new CommandInterestSigner(() -> 1_700_000_000_000L);
    Name command = ControlCommand.of("rib", "register", ControlParameters.builder().name(Name.parse("/a")).build())
        .toName();
    Interest first = signer.sign(command);
    Interest second = signer.sign(command);

    for (Interest i : new Interest[] {first, second}) {
      Name n = i.name();
      assertEquals(command.size() + 1, n.size());
      assertTrue(command.isPrefixOf(n));
      assertEquals(TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT, n.componentType(n.size() - 1));
      assertTrue(i.isParametersDigestValid());
      SignatureInfo info = i.signatureInfo();
      assertEquals(TlvTypes.SIGNATURE_DIGEST_SHA256, info.type());
      assertNull(info.keyLocator());
      assertEquals(8, info.nonce().length);
      ByteBuffer v = i.signatureValue();
      byte[] value = new byte[v.remaining()];
      v.duplicate().get(value);
      assertArrayEquals(digest(i), value);
      assertEquals(CommandInterestSigner.COMMAND_LIFETIME_MILLIS, i.lifetime());
    }
    assertEquals(1_700_000_000_000L, first.signatureInfo().time());
    assertEquals(1_700_000_000_001L, second.signatureInfo().time(), "same clock value: the next millisecond");
    assertFalse(Arrays.equals(first.signatureInfo().nonce(), second.signatureInfo().nonce()));
  }
}
