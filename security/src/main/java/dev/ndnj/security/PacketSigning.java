package dev.ndnj.security;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.SignatureInfo;
import java.nio.ByteBuffer;

/**
 * Signs and verifies Data and v0.3 signed Interests with the signed portions the packet format defines: for Data,
 * Name through SignatureInfo; for an Interest, the name's components without the ParametersSha256DigestComponent,
 * then ApplicationParameters through InterestSignatureInfo. The codec computes those portions
 * ({@link Data#signedPortion()}, {@link Interest#signedPortions()}); this class feeds them to a {@link Signer} or
 * {@link Verifier}. Stateless; see {@link InterestSigner} for SignatureNonce, SignatureTime and SignatureSeqNum.
 */
public final class PacketSigning {
  private PacketSigning() {}

  /** Signs {@code builder}'s Data with {@code signer} (SignatureInfo: its type and KeyLocator). */
  public static Data sign(Data.Builder builder, Signer signer) {
    return sign(builder, signer, signer.signatureInfo().build());
  }

  /**
   * Signs {@code builder}'s Data with {@code signer} and the given SignatureInfo (e.g. with a ValidityPeriod for a
   * certificate); {@code info}'s type must be the signer's.
   */
  public static Data sign(Data.Builder builder, Signer signer, SignatureInfo info) {
    if (info.type() != signer.signatureType()) {
      throw new IllegalArgumentException("SignatureInfo type " + info.type() + " but the signer makes type "
          + signer.signatureType());
    }
    byte[] portion = builder.signedPortion(info);
    return builder.build(info, signer.sign(ByteBuffer.wrap(portion)));
  }

  /**
   * Signs an Interest as a v0.3 signed Interest: {@code builder} gets {@code info} (which should carry a
   * SignatureNonce, SignatureTime or SignatureSeqNum, see {@link InterestSigner}) and the signature value, and the
   * ParametersSha256DigestComponent is computed last. {@code builder} is left with the signature set.
   */
  public static Interest sign(Interest.Builder builder, Signer signer, SignatureInfo info) {
    if (info.type() != signer.signatureType()) {
      throw new IllegalArgumentException("SignatureInfo type " + info.type() + " but the signer makes type "
          + signer.signatureType());
    }
    // the signed portions do not include the signature value nor the digest component: build once to get them
    Interest unsigned = builder.signatureInfo(info).signatureValue(new byte[0]).build();
    byte[] value = signer.sign(unsigned.signedPortions());
    return builder.signatureValue(value).build();
  }

  /** Whether {@code data}'s signature verifies with {@code verifier} (types must agree). Never throws. */
  public static boolean verify(Data data, Verifier verifier) {
    if (data.signatureInfo().type() != verifier.signatureType()) {
      return false;
    }
    return verifier.verify(new ByteBuffer[] {data.signedPortion()}, data.signatureValue());
  }

  /**
   * Whether {@code interest} is a v0.3 signed Interest whose signature verifies with {@code verifier} and whose
   * ParametersSha256DigestComponent is right. Never throws.
   */
  public static boolean verify(Interest interest, Verifier verifier) {
    try {
      SignatureInfo info = interest.signatureInfo();
      ByteBuffer value = interest.signatureValue();
      if (info == null || value == null || info.type() != verifier.signatureType()
          || !interest.isParametersDigestValid()) {
        return false;
      }
      return verifier.verify(interest.signedPortions(), value);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
