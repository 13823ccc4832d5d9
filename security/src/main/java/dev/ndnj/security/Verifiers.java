package dev.ndnj.security;

import dev.ndnj.tlv.Sha256;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Factories of {@link Verifier}s for every NDN signature type. */
public final class Verifiers {
  private Verifiers() {}

  /** DigestSha256: the value must be the SHA-256 of the signed portion. */
  public static Verifier digestSha256() {
    return new Verifier() {
      @Override
      public int signatureType() {
        return TlvTypes.SIGNATURE_DIGEST_SHA256;
      }

      @Override
      public boolean verify(ByteBuffer[] portions, ByteBuffer value) {
        Sha256 h = new Sha256();
        for (ByteBuffer p : portions) {
          h.update(p, p.position(), p.remaining());
        }
        return MessageDigest.isEqual(h.digest(), bytes(value));
      }
    };
  }

  /** A verifier with {@code key} (EC, RSA or Ed25519), for the SignatureType of its algorithm. */
  public static Verifier of(PublicKey key) {
    KeyType type = Keys.typeOf(key);
    BcSignatures.VerifyFn bc = type == KeyType.RSA ? null : BcSignatures.verifier(key);
    // one JDK engine per thread, initialized once (RSA only; Signature objects are not thread-safe)
    ThreadLocal<Signature> engines = ThreadLocal.withInitial(() -> {
      try {
        Signature s = Signature.getInstance(type.jcaSignatureAlgorithm());
        s.initVerify(key);
        return s;
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("cannot verify with this " + type + " key: " + e.getMessage(), e);
      }
    });
    return new Verifier() {
      @Override
      public int signatureType() {
        return type.signatureType();
      }

      @Override
      public boolean verify(ByteBuffer[] portions, ByteBuffer value) {
        if (bc != null) {
          try {
            return bc.verify(portions, bytes(value));
          } catch (RuntimeException e) {
            return false;
          }
        }
        try {
          Signature s = engines.get();
          for (ByteBuffer p : portions) {
            s.update(p.duplicate());
          }
          return s.verify(bytes(value)); // verify() resets the engine for the next call
        } catch (GeneralSecurityException | RuntimeException e) {
          engines.remove(); // its state is unknown after a failure
          return false; // malformed signature, wrong length...
        }
      }

      @Override
      public String toString() {
        return "Verifier(" + type + ")";
      }
    };
  }

  /** A verifier with the DER SubjectPublicKeyInfo {@code spki} (a certificate's Content). */
  public static Verifier ofSpki(byte[] spki) {
    return of(Keys.publicKeyFromSpki(spki));
  }

  /** HMAC-SHA256 with {@code secret} (copied); compares in constant time. */
  public static Verifier hmac(byte[] secret) {
    SecretKeySpec k = new SecretKeySpec(secret.clone(), "HmacSHA256");
    return new Verifier() {
      @Override
      public int signatureType() {
        return TlvTypes.SIGNATURE_HMAC_WITH_SHA256;
      }

      @Override
      public boolean verify(ByteBuffer[] portions, ByteBuffer value) {
        Mac mac = Signers.hmacOf(k);
        for (ByteBuffer p : portions) {
          mac.update(p.duplicate());
        }
        return MessageDigest.isEqual(mac.doFinal(), bytes(value));
      }
    };
  }

  static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
