package dev.ndnj.security;

import dev.ndnj.tlv.KeyLocator;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Sha256;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Signature;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Factories of {@link Signer}s for every NDN signature type. */
public final class Signers {
  private Signers() {}

  /** DigestSha256 (SignatureType 0): SHA-256 of the signed portion, no KeyLocator. Integrity only. */
  public static Signer digestSha256() {
    return new Signer() {
      @Override
      public int signatureType() {
        return dev.ndnj.tlv.TlvTypes.SIGNATURE_DIGEST_SHA256;
      }

      @Override
      public KeyLocator keyLocator() {
        return null;
      }

      @Override
      public byte[] sign(ByteBuffer... portions) {
        Sha256 h = new Sha256();
        for (ByteBuffer p : portions) {
          h.update(p, p.position(), p.remaining());
        }
        return h.digest();
      }

      @Override
      public String toString() {
        return "Signer(DigestSha256)";
      }
    };
  }

  /**
   * A signer with {@code key} (EC P-256, RSA or Ed25519) whose KeyLocator is {@code keyLocatorName} (the key name
   * or a certificate name).
   *
   * @throws IllegalArgumentException if the key cannot sign (unsupported algorithm, or an EC key not on P-256)
   */
  public static Signer of(PrivateKey key, Name keyLocatorName) {
    KeyType type = Keys.typeOf(key);
    if (type == KeyType.EC) {
      java.security.spec.ECParameterSpec p = ((java.security.interfaces.ECKey) key).getParams();
      if (p.getCurve().getField().getFieldSize() != 256) {
        throw new IllegalArgumentException("ECDSA keys must be on P-256");
      }
    }
    try {
      Signature s = Signature.getInstance(type.jcaSignatureAlgorithm());
      s.initSign(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with this " + type + " key: " + e.getMessage(), e);
    }
    KeyLocator kl = keyLocatorName == null ? null : KeyLocator.ofName(keyLocatorName);
    BcSignatures.SignFn bc = type == KeyType.RSA ? null : BcSignatures.signer(key);
    return new Signer() {
      @Override
      public int signatureType() {
        return type.signatureType();
      }

      @Override
      public KeyLocator keyLocator() {
        return kl;
      }

      @Override
      public byte[] sign(ByteBuffer... portions) {
        if (bc != null) {
          return bc.sign(portions);
        }
        try {
          Signature s = Signature.getInstance(type.jcaSignatureAlgorithm());
          s.initSign(key);
          for (ByteBuffer p : portions) {
            s.update(p.duplicate());
          }
          return s.sign();
        } catch (GeneralSecurityException e) {
          throw new SecurityException(type + " signing failed: " + e.getMessage(), e);
        }
      }

      @Override
      public String toString() {
        return "Signer(" + type + ", " + kl + ")";
      }
    };
  }

  /** HMAC-SHA256 (SignatureType 4) with {@code secret} (copied), KeyLocator {@code keyName}. */
  public static Signer hmac(byte[] secret, Name keyName) {
    if (secret == null || secret.length == 0) {
      throw new IllegalArgumentException("HMAC secret must not be empty");
    }
    SecretKeySpec k = new SecretKeySpec(secret.clone(), "HmacSHA256");
    KeyLocator kl = keyName == null ? null : KeyLocator.ofName(keyName);
    return new Signer() {
      @Override
      public int signatureType() {
        return KeyType.HMAC.signatureType();
      }

      @Override
      public KeyLocator keyLocator() {
        return kl;
      }

      @Override
      public byte[] sign(ByteBuffer... portions) {
        Mac mac = hmacOf(k);
        for (ByteBuffer p : portions) {
          mac.update(p.duplicate());
        }
        return mac.doFinal();
      }

      @Override
      public String toString() {
        return "Signer(HMAC, " + kl + ")";
      }
    };
  }

  static Mac hmacOf(SecretKeySpec k) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(k);
      return mac;
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("bad HMAC key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }
}
