package dev.ndnj.security;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * ECDSA P-256 and Ed25519 with Bouncy Castle's lightweight implementations, which on the benchmark machine verify
 * several times faster than the JDK 17 providers (ECDSA about 9 times, Ed25519 about 3; see docs/benchmarks.md). Keys arrive as JDK key objects and are
 * converted once; the per-key parameters (with BC's cached precomputations) are kept, a signer engine is made per
 * call, so instances are thread-safe. ECDSA signatures are DER {@code SEQUENCE {r, s}} with a deterministic nonce
 * (RFC 6979, HMAC-SHA256).
 */
final class BcSignatures {
  private BcSignatures() {}

  /** A signing function for an EC or Ed25519 private key. */
  interface SignFn {
    byte[] sign(ByteBuffer[] portions);
  }

  /** A verifying function for an EC or Ed25519 public key. */
  interface VerifyFn {
    boolean verify(ByteBuffer[] portions, byte[] signature);
  }

  static SignFn signer(PrivateKey key) {
    AsymmetricKeyParameter p;
    try {
      p = PrivateKeyFactory.createKey(key.getEncoded());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("unreadable private key: " + e.getMessage(), e);
    }
    if (p instanceof ECPrivateKeyParameters) {
      ECPrivateKeyParameters ec = (ECPrivateKeyParameters) p;
      return portions -> {
        ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        s.init(true, ec);
        BigInteger[] rs = s.generateSignature(sha256(portions));
        ASN1EncodableVector v = new ASN1EncodableVector(2);
        v.add(new ASN1Integer(rs[0]));
        v.add(new ASN1Integer(rs[1]));
        try {
          return new DERSequence(v).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
          throw new SecurityException("cannot encode the ECDSA signature", e);
        }
      };
    }
    if (p instanceof Ed25519PrivateKeyParameters) {
      Ed25519PrivateKeyParameters ed = (Ed25519PrivateKeyParameters) p;
      return portions -> {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, ed);
        feed(s, portions);
        return s.generateSignature();
      };
    }
    throw new IllegalArgumentException("not an EC or Ed25519 key: " + key.getAlgorithm());
  }

  static VerifyFn verifier(PublicKey key) {
    AsymmetricKeyParameter p;
    try {
      p = PublicKeyFactory.createKey(key.getEncoded());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("unreadable public key: " + e.getMessage(), e);
    }
    if (p instanceof ECPublicKeyParameters) {
      ECPublicKeyParameters ec = (ECPublicKeyParameters) p;
      return (portions, sig) -> {
        BigInteger[] rs = decodeDer(sig);
        if (rs == null) {
          return false;
        }
        ECDSASigner s = new ECDSASigner();
        s.init(false, ec);
        return s.verifySignature(sha256(portions), rs[0], rs[1]);
      };
    }
    if (p instanceof Ed25519PublicKeyParameters) {
      Ed25519PublicKeyParameters ed = (Ed25519PublicKeyParameters) p;
      return (portions, sig) -> {
        Ed25519Signer s = new Ed25519Signer();
        s.init(false, ed);
        feed(s, portions);
        return s.verifySignature(sig);
      };
    }
    throw new IllegalArgumentException("not an EC or Ed25519 key: " + key.getAlgorithm());
  }

  /** {r, s} of a DER ECDSA signature, or null if it is not exactly one well-formed DER SEQUENCE of two INTEGERs. */
  private static BigInteger[] decodeDer(byte[] sig) {
    try {
      ASN1Primitive prim = ASN1Primitive.fromByteArray(sig);
      if (!(prim instanceof ASN1Sequence)) {
        return null;
      }
      ASN1Sequence seq = (ASN1Sequence) prim;
      if (seq.size() != 2 || !java.util.Arrays.equals(seq.getEncoded(ASN1Encoding.DER), sig)) {
        return null;
      }
      BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
      BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
      return new BigInteger[] {r, s};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static byte[] sha256(ByteBuffer[] portions) {
    SHA256Digest d = new SHA256Digest();
    for (ByteBuffer b : portions) {
      feed(d, b);
    }
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  private static void feed(SHA256Digest d, ByteBuffer b) {
    if (b.hasArray()) {
      d.update(b.array(), b.arrayOffset() + b.position(), b.remaining());
    } else {
      byte[] tmp = new byte[b.remaining()];
      b.duplicate().get(tmp);
      d.update(tmp, 0, tmp.length);
    }
  }

  private static void feed(Ed25519Signer s, ByteBuffer[] portions) {
    for (ByteBuffer b : portions) {
      if (b.hasArray()) {
        s.update(b.array(), b.arrayOffset() + b.position(), b.remaining());
      } else {
        byte[] tmp = new byte[b.remaining()];
        b.duplicate().get(tmp);
        s.update(tmp, 0, tmp.length);
      }
    }
  }
}
