package dev.ndnj.security;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;

/**
 * Key generation and key encodings: public keys as DER SubjectPublicKeyInfo (what a certificate's Content holds),
 * private keys as DER PKCS#8 PrivateKeyInfo. The algorithm of an encoded key is read from its AlgorithmIdentifier
 * with Bouncy Castle's ASN.1 classes; the key objects themselves are the JDK's. Stateless.
 */
public final class Keys {
  /** RSA modulus size of generated keys (as ndn-cxx's default). */
  public static final int RSA_BITS = 2048;

  private Keys() {}

  /**
   * Generates a key pair of {@code type} (P-256 for EC, 2048-bit RSA, Ed25519).
   *
   * @throws IllegalArgumentException for {@link KeyType#HMAC} (use {@link #generateSecret()})
   */
  public static KeyPair generate(KeyType type, SecureRandom random) {
    try {
      switch (type) {
        case EC: {
          KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
          g.initialize(new ECGenParameterSpec("secp256r1"), random);
          return g.generateKeyPair();
        }
        case RSA: {
          KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
          g.initialize(new RSAKeyGenParameterSpec(RSA_BITS, RSAKeyGenParameterSpec.F4), random);
          return g.generateKeyPair();
        }
        case ED25519: {
          KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
          g.initialize(255, random);
          return g.generateKeyPair();
        }
        default:
          throw new IllegalArgumentException("no key pair for " + type + "; HMAC keys are secrets");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate " + type + " keys", e);
    }
  }

  /** Generates a key pair of {@code type} with a fresh {@link SecureRandom}. */
  public static KeyPair generate(KeyType type) {
    return generate(type, new SecureRandom());
  }

  /** A fresh 256-bit HMAC secret. */
  public static byte[] generateSecret() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }

  /** The key type of a JDK key. */
  public static KeyType typeOf(Key key) {
    if (key instanceof ECKey) {
      return KeyType.EC;
    }
    if (key instanceof RSAKey) {
      return KeyType.RSA;
    }
    return KeyType.ofJcaAlgorithm(key.getAlgorithm());
  }

  /**
   * Decodes a DER SubjectPublicKeyInfo (EC P-256, RSA or Ed25519).
   *
   * @throws IllegalArgumentException if it does not decode or holds another algorithm
   */
  public static PublicKey publicKeyFromSpki(byte[] spki) {
    KeyType type;
    try {
      type = typeOfOid(SubjectPublicKeyInfo.getInstance(spki).getAlgorithm().getAlgorithm());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a SubjectPublicKeyInfo: " + e.getMessage(), e);
    }
    try {
      return KeyFactory.getInstance(type.jcaKeyAlgorithm()).generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("bad " + type + " public key: " + e.getMessage(), e);
    }
  }

  /**
   * Decodes a DER PKCS#8 PrivateKeyInfo (EC, RSA or Ed25519).
   *
   * @throws IllegalArgumentException if it does not decode or holds another algorithm
   */
  public static PrivateKey privateKeyFromPkcs8(byte[] pkcs8) {
    KeyType type;
    try {
      type = typeOfOid(PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm().getAlgorithm());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a PKCS#8 PrivateKeyInfo: " + e.getMessage(), e);
    }
    try {
      return KeyFactory.getInstance(type.jcaKeyAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("bad " + type + " private key: " + e.getMessage(), e);
    }
  }

  /**
   * The public key of {@code privateKey}, as DER SubjectPublicKeyInfo; for keys whose PKCS#8 encoding does not carry
   * it (RSA carries it; EC and Ed25519 are recomputed with Bouncy Castle's key converters).
   */
  public static PublicKey publicKeyOf(PrivateKey privateKey) {
    try {
      org.bouncycastle.crypto.params.AsymmetricKeyParameter priv =
          org.bouncycastle.crypto.util.PrivateKeyFactory.createKey(privateKey.getEncoded());
      org.bouncycastle.crypto.params.AsymmetricKeyParameter pub;
      if (priv instanceof org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters) {
        pub = ((org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters) priv).generatePublicKey();
      } else if (priv instanceof org.bouncycastle.crypto.params.ECPrivateKeyParameters) {
        org.bouncycastle.crypto.params.ECPrivateKeyParameters ec =
            (org.bouncycastle.crypto.params.ECPrivateKeyParameters) priv;
        pub = new org.bouncycastle.crypto.params.ECPublicKeyParameters(
            ec.getParameters().getG().multiply(ec.getD()).normalize(), ec.getParameters());
      } else if (priv instanceof org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters) {
        org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters rsa =
            (org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters) priv;
        pub = new org.bouncycastle.crypto.params.RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
      } else {
        throw new IllegalArgumentException("cannot derive the public key of " + privateKey.getAlgorithm());
      }
      byte[] spki = org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub)
          .getEncoded();
      if (priv instanceof org.bouncycastle.crypto.params.ECPrivateKeyParameters) {
        // re-encode with the named curve, as the JDK and other NDN libraries write it
        spki = namedCurveSpki(spki);
      }
      return publicKeyFromSpki(spki);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read private key: " + e.getMessage(), e);
    }
  }

  private static byte[] namedCurveSpki(byte[] spki) throws java.io.IOException {
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spki);
    org.bouncycastle.asn1.x509.AlgorithmIdentifier alg = new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
        X9ObjectIdentifiers.id_ecPublicKey, org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1);
    return new SubjectPublicKeyInfo(alg, info.getPublicKeyData().getBytes()).getEncoded();
  }

  private static KeyType typeOfOid(ASN1ObjectIdentifier oid) {
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
      return KeyType.EC;
    }
    if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
      return KeyType.RSA;
    }
    if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
      return KeyType.ED25519;
    }
    throw new IllegalArgumentException("unsupported key algorithm OID " + oid);
  }
}
