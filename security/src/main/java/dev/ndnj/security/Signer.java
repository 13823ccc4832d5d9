package dev.ndnj.security;

import dev.ndnj.tlv.KeyLocator;
import dev.ndnj.tlv.SignatureInfo;
import java.nio.ByteBuffer;

/**
 * Computes NDN signature values of one SignatureType with one key. Made by {@link Signers}; packets are signed
 * with {@link PacketSigning}. Implementations are thread-safe (each call uses its own JCA engine).
 */
public interface Signer {
  /** The SignatureType written in SignatureInfo. */
  int signatureType();

  /** The KeyLocator to write (the key or certificate name), or null (DigestSha256). */
  KeyLocator keyLocator();

  /**
   * A SignatureInfo builder with this signer's SignatureType and KeyLocator, to which the caller may add a
   * ValidityPeriod, SignatureNonce, SignatureTime...
   */
  default SignatureInfo.Builder signatureInfo() {
    SignatureInfo.Builder b = SignatureInfo.builder(signatureType());
    KeyLocator kl = keyLocator();
    if (kl != null) {
      b.keyLocator(kl);
    }
    return b;
  }

  /**
   * Signs the concatenation of {@code portions} (borrowed: read from position to limit, positions unchanged).
   *
   * @return the SignatureValue's value (owned)
   * @throws SecurityException if the underlying provider fails (a broken key)
   */
  byte[] sign(ByteBuffer... portions);
}
