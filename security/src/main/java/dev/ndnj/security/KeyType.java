package dev.ndnj.security;

import dev.ndnj.tlv.TlvTypes;

/**
 * The kinds of keys ndnj signs with, each tied to one NDN SignatureType and one implementation choice:
 * <ul>
 *   <li>{@link #EC}: ECDSA on P-256 with SHA-256 (SignatureType 3), DER signature value, deterministic nonces
 *       (RFC 6979); Bouncy Castle's lightweight ECDSA (about ten times the JDK 17 {@code SunEC} verification rate on
 *       the benchmark machine); JDK key objects and generation.
 *   <li>{@link #RSA}: RSASSA-PKCS1-v1_5 with SHA-256 (SignatureType 1), 2048-bit keys by default; JDK.
 *   <li>{@link #ED25519}: pure Ed25519 over the signed portion (SignatureType 5); Bouncy Castle's lightweight
 *       Ed25519 for signing and verifying, JDK (since 15) key objects, generation and encodings.
 *   <li>{@link #HMAC}: HMAC-SHA256 (SignatureType 4) with a shared secret; JDK {@code Mac}.
 * </ul>
 * Key encodings (SubjectPublicKeyInfo, PKCS#8) are the JDK's; Bouncy Castle reads their algorithm identifiers.
 * DigestSha256 (SignatureType 0) needs no key and is not a key type.
 */
public enum KeyType {
  /** ECDSA P-256. */
  EC(TlvTypes.SIGNATURE_SHA256_WITH_ECDSA, "EC", "SHA256withECDSA"),
  /** RSA. */
  RSA(TlvTypes.SIGNATURE_SHA256_WITH_RSA, "RSA", "SHA256withRSA"),
  /** Ed25519. */
  ED25519(TlvTypes.SIGNATURE_ED25519, "Ed25519", "Ed25519"),
  /** HMAC-SHA256 (symmetric). */
  HMAC(TlvTypes.SIGNATURE_HMAC_WITH_SHA256, "HmacSHA256", "HmacSHA256");

  private final int signatureType;
  private final String jcaKeyAlgorithm;
  private final String jcaSignatureAlgorithm;

  KeyType(int signatureType, String jcaKeyAlgorithm, String jcaSignatureAlgorithm) {
    this.signatureType = signatureType;
    this.jcaKeyAlgorithm = jcaKeyAlgorithm;
    this.jcaSignatureAlgorithm = jcaSignatureAlgorithm;
  }

  /** The NDN SignatureType this key signs with. */
  public int signatureType() {
    return signatureType;
  }

  /** The JCA key algorithm name ({@code EC}, {@code RSA}, {@code Ed25519}, {@code HmacSHA256}). */
  public String jcaKeyAlgorithm() {
    return jcaKeyAlgorithm;
  }

  /** The JCA signature (or MAC) algorithm name. */
  public String jcaSignatureAlgorithm() {
    return jcaSignatureAlgorithm;
  }

  /** Whether the key is asymmetric (has a public key and certificates). */
  public boolean isAsymmetric() {
    return this != HMAC;
  }

  /** The key type of a JCA key algorithm name, case-insensitively ({@code EC}, {@code RSA}, {@code Ed25519}). */
  public static KeyType ofJcaAlgorithm(String algorithm) {
    for (KeyType t : values()) {
      if (t.jcaKeyAlgorithm.equalsIgnoreCase(algorithm)) {
        return t;
      }
    }
    if ("EdDSA".equalsIgnoreCase(algorithm)) {
      return ED25519;
    }
    throw new IllegalArgumentException("unsupported key algorithm " + algorithm);
  }

  /** Parses a user-facing name: {@code ec}/{@code ecdsa}, {@code rsa}, {@code ed25519}, {@code hmac}. */
  public static KeyType parse(String s) {
    switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "ec":
      case "ecdsa":
      case "p256":
      case "p-256":
        return EC;
      case "rsa":
        return RSA;
      case "ed25519":
      case "eddsa":
        return ED25519;
      case "hmac":
        return HMAC;
      default:
        throw new IllegalArgumentException("unknown key type " + s + " (ec, rsa, ed25519, hmac)");
    }
  }
}
