package dev.ndnj.forwarder.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.security.KeyChain;
import dev.ndnj.security.KeyType;
import dev.ndnj.security.PacketSigning;
import dev.ndnj.security.Verifiers;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Sha256;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvTypes;
import dev.ndnj.tlv.mgmt.ControlCommand;
import dev.ndnj.tlv.mgmt.ControlParameters;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command signer makes v0.3 signed Interests with increasing SignatureTime: with the keychain's default key when
 * there is one (KeyLocator = the key name, as nfdc), else DigestSha256.
 */
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

  @Test
  void signsWithTheKeychainsDefaultKeyWhenItHasOne(@TempDir Path dir) throws IOException {
    Name command = ControlCommand.of("rib", "register", ControlParameters.builder().name(Name.parse("/a")).build())
        .toName();
    assertNull(CommandInterestSigner.forKeychain(null, () -> 1L).keyName(), "no keychain: DigestSha256");
    KeyChain kc = KeyChain.open(dir.resolve("kc"));
    CommandInterestSigner empty = CommandInterestSigner.forKeychain(kc, () -> 1L);
    assertEquals(TlvTypes.SIGNATURE_DIGEST_SHA256, empty.sign(command).signatureInfo().type(), "no identity");

    Name key = kc.createIdentity(Name.parse("/op"), KeyType.EC);
    CommandInterestSigner signer = CommandInterestSigner.forKeychain(kc, () -> 1_700_000_000_000L);
    assertEquals(key, signer.keyName());
    Interest i = signer.sign(command);
    Interest j = signer.sign(command);
    SignatureInfo info = i.signatureInfo();
    assertEquals(TlvTypes.SIGNATURE_SHA256_WITH_ECDSA, info.type());
    assertEquals(key, info.keyLocator().name(), "KeyLocator: the key name, as nfdc");
    assertEquals(8, info.nonce().length);
    assertEquals(1_700_000_000_000L, info.time());
    assertEquals(1_700_000_000_001L, j.signatureInfo().time());
    assertTrue(i.isParametersDigestValid());
    assertTrue(PacketSigning.verify(i, Verifiers.of(kc.publicKey(key))));
    assertFalse(PacketSigning.verify(i, Verifiers.of(kc.publicKey(kc.createKey(Name.parse("/op"), KeyType.EC)))));
  }
}
