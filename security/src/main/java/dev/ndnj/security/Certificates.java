package dev.ndnj.security;

import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.SignatureInfo;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Makes and checks NDN certificates (v2): self-signed ones for a new key, and ones an issuer signs for another key
 * (from a certificate request, which is a self-signed certificate of the requester's key, as {@code ndnsec
 * sign-req} makes). Names follow ndn-cxx: key-id 8 random octets, issuer-id {@code self} or chosen by the issuer,
 * version the issuing time in milliseconds. Stateless.
 */
public final class Certificates {
  /** The issuer-id of self-signed certificates. */
  public static final Component SELF = Component.generic("self");
  /** Validity of a new self-signed certificate when none is given: 20 years, as ndnsec's default. */
  public static final long DEFAULT_VALIDITY_MILLIS = 20L * 365 * 24 * 3600 * 1000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Certificates() {}

  /** A new key name {@code /<identity>/KEY/<8 random octets>}. */
  public static Name newKeyName(Name identity) {
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    return identity.append(Certificate.KEY, Component.generic(id));
  }

  /**
   * A certificate for {@code subjectKeyName} holding {@code publicKey}, named
   * {@code /<subjectKeyName>/<issuerId>/v=<now>} and signed by {@code signer} with a ValidityPeriod
   * [{@code notBefore}, {@code notAfter}] (epoch milliseconds) and the given AdditionalDescription (may be empty).
   */
  public static Certificate issue(Name subjectKeyName, PublicKey publicKey, Component issuerId, Signer signer,
      long notBefore, long notAfter, Map<String, String> description, long nowMillis) {
    return issue(subjectKeyName, publicKey.getEncoded(), issuerId, signer, notBefore, notAfter, description,
        nowMillis);
  }

  /** As {@link #issue(Name, PublicKey, Component, Signer, long, long, Map, long)}, the key as DER SPKI. */
  public static Certificate issue(Name subjectKeyName, byte[] spki, Component issuerId, Signer signer,
      long notBefore, long notAfter, Map<String, String> description, long nowMillis) {
    if (!Certificate.isKeyName(subjectKeyName)) {
      throw new IllegalArgumentException("not a key name (/<identity>/KEY/<key-id>): " + subjectKeyName);
    }
    if (notAfter < notBefore) {
      throw new IllegalArgumentException("NotAfter is before NotBefore");
    }
    Keys.publicKeyFromSpki(spki); // refuses what is not a public key
    Name certName = subjectKeyName.append(issuerId, Component.version(nowMillis));
    SignatureInfo.Builder info = signer.signatureInfo()
        .validity(Certificate.toIsoString(notBefore), Certificate.toIsoString(notAfter));
    if (description != null) {
      description.forEach(info::description);
    }
    Data d = PacketSigning.sign(Certificate.dataBuilder(certName, spki), signer, info.build());
    return Certificate.fromData(d);
  }

  /** A self-signed certificate of the key pair ({@code privateKey} signs, KeyLocator = the key name). */
  public static Certificate selfSigned(Name keyName, java.security.PrivateKey privateKey, PublicKey publicKey,
      long notBefore, long notAfter, long nowMillis) {
    return issue(keyName, publicKey, SELF, Signers.of(privateKey, keyName), notBefore, notAfter, Map.of(),
        nowMillis);
  }

  /** The verifier of the key a certificate holds. */
  public static Verifier verifierOf(Certificate cert) {
    return Verifiers.ofSpki(cert.publicKey());
  }

  /** Whether {@code cert}'s signature verifies with {@code issuer}'s key (for self-signed, pass {@code cert}). */
  public static boolean isSignedBy(Certificate cert, Certificate issuer) {
    try {
      return PacketSigning.verify(cert.data(), verifierOf(issuer));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
