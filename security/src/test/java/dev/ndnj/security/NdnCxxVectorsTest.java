package dev.ndnj.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;

/**
 * Vectors from ndn-cxx's own unit tests ({@code tests/unit/data.t.cpp}): {@code DATA1}, a Data signed with
 * SignatureSha256WithRsa by the test's RSA key (given as PKCS#8).
 */
class NdnCxxVectorsTest {
  @Test
  void ndnCxxRsaDataVerifiesAndNdnjSignsItToTheSameOctets() throws IOException {
    byte[] wire = NdnsecSafeBagTest.resource("ndncxx-data1.hex");
    PrivateKey key = Keys.privateKeyFromPkcs8(NdnsecSafeBagTest.resource("ndncxx-data1-rsa-pkcs8.hex"));
    Verifier v = Verifiers.of(Keys.publicKeyOf(key));
    Data d = Data.decode(ByteBuffer.wrap(wire));
    assertEquals(Name.parse("/local/ndn/prefix"), d.name());
    assertEquals(TlvTypes.SIGNATURE_SHA256_WITH_RSA, d.signatureInfo().type());
    assertTrue(PacketSigning.verify(d, v), "ndn-cxx's DATA1 verifies");

    // RSASSA-PKCS1-v1_5 is deterministic: the same fields signed by ndnj give ndn-cxx's octets exactly
    Data mine = PacketSigning.sign(Data.builder(Name.parse("/local/ndn/prefix")).freshnessPeriod(10_000)
        .content("SUCCESS!".getBytes(StandardCharsets.US_ASCII)),
        Signers.of(key, Name.parse("/test/key/locator")));
    assertArrayEquals(wire, PacketSigningTest.toBytes(mine.wire()));

    byte[] tampered = wire.clone();
    tampered[35] ^= 1; // inside Content
    assertFalse(PacketSigning.verify(Data.decode(ByteBuffer.wrap(tampered)), v));
  }
}
