package dev.ndnj.security;

import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * A certificate and its private key, password-protected, in ndn-cxx's SafeBag format (what {@code ndnsec export}
 * writes and {@code ndnsec import} reads): {@code SafeBag (128) = Certificate Data, EncryptedKeyBag (129)}, the
 * latter a DER PKCS#8 EncryptedPrivateKeyInfo. ndnj encrypts as ndn-cxx does through OpenSSL
 * ({@code i2d_PKCS8PrivateKey_bio} with AES-256-CBC): PBES2, PBKDF2 with HMAC-SHA256, 2048 iterations, AES-256-CBC;
 * it decrypts any PBES2 or PKCS#12 scheme Bouncy Castle knows. The text form is base64 (64-column lines), as
 * ndnsec prints it. Immutable.
 */
public final class SafeBag {
  /** TLV-TYPE of SafeBag. */
  public static final int SAFE_BAG = 128;
  /** TLV-TYPE of EncryptedKeyBag. */
  public static final int ENCRYPTED_KEY_BAG = 129;
  /** PBKDF2 iterations used when encrypting (OpenSSL's default, which ndn-cxx keeps). */
  public static final int ITERATIONS = 2048;

  /** Bouncy Castle's provider, used by instance (never installed globally) for PKCS#7-padded AES and PBES2. */
  private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

  private final Certificate certificate;
  private final byte[] encryptedKey;

  /** A SafeBag of {@code certificate} and an EncryptedPrivateKeyInfo (DER, copied). */
  public SafeBag(Certificate certificate, byte[] encryptedKey) {
    this.certificate = certificate;
    this.encryptedKey = encryptedKey.clone();
  }

  /** Encrypts {@code privateKey} under {@code password} and bags it with {@code certificate}. */
  public static SafeBag seal(Certificate certificate, PrivateKey privateKey, char[] password) {
    try {
      OutputEncryptor enc = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
          .setPRF(PKCS8Generator.PRF_HMACSHA256).setIterationCount(ITERATIONS).setRandom(new SecureRandom()).setProvider(BC)
          .setPassword(password).build();
      byte[] der = new PKCS8Generator(PrivateKeyInfo.getInstance(privateKey.getEncoded()), enc).generate()
          .getContent();
      return new SafeBag(certificate, der);
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot encrypt the private key: " + e.getMessage(), e);
    }
  }

  /**
   * Decodes a SafeBag element.
   *
   * @throws IllegalArgumentException if it is not a SafeBag holding a certificate and an EncryptedKeyBag
   */
  public static SafeBag decode(byte[] wire) {
    ByteBuffer b = ByteBuffer.wrap(wire);
    try {
      if (Tlv.readType(b, 0, wire.length, 0, "SafeBag") != SAFE_BAG) {
        throw new IllegalArgumentException("not a SafeBag (TLV-TYPE 128)");
      }
      int end = Tlv.elementEnd(b, 0, wire.length, 0, "SafeBag");
      int p = Tlv.valueStart(b, 0);
      int dataEnd = Tlv.elementEnd(b, p, end, 0, "SafeBag");
      Certificate cert = Certificate.fromData(Data.decode(b, p, dataEnd, 0));
      if (dataEnd >= end || Tlv.readType(b, dataEnd, end, 0, "SafeBag") != ENCRYPTED_KEY_BAG) {
        throw new IllegalArgumentException("SafeBag has no EncryptedKeyBag after the certificate");
      }
      int kEnd = Tlv.elementEnd(b, dataEnd, end, 0, "EncryptedKeyBag");
      int kv = Tlv.valueStart(b, dataEnd);
      return new SafeBag(cert, Tlv.copy(b, kv, kEnd - kv));
    } catch (TlvException e) {
      throw new IllegalArgumentException("SafeBag does not decode: " + e.getMessage(), e);
    }
  }

  /** Decodes the base64 text {@code ndnsec export} prints (whitespace ignored). */
  public static SafeBag fromBase64(String text) {
    try {
      return decode(Base64.getMimeDecoder().decode(text.strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a base64 SafeBag: " + e.getMessage(), e);
    }
  }

  /** The certificate. */
  public Certificate certificate() {
    return certificate;
  }

  /** The EncryptedPrivateKeyInfo (DER, owned copy). */
  public byte[] encryptedKey() {
    return encryptedKey.clone();
  }

  /**
   * Decrypts the private key with {@code password}.
   *
   * @throws IllegalArgumentException if the password is wrong or the key does not decode
   */
  public PrivateKey privateKey(char[] password) {
    try {
      PKCS8EncryptedPrivateKeyInfo info = new PKCS8EncryptedPrivateKeyInfo(encryptedKey);
      PrivateKeyInfo pki = info.decryptPrivateKeyInfo(
          new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(password));
      return Keys.privateKeyFromPkcs8(pki.getEncoded());
    } catch (PKCSException | OperatorCreationException | IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot decrypt the SafeBag's key (wrong password?): " + e.getMessage(), e);
    }
  }

  /** The SafeBag element (owned). */
  public byte[] encode() {
    TlvEncoder enc = new TlvEncoder(encryptedKey.length + certificate.data().wireLength() + 16);
    enc.prependBytesTlv(ENCRYPTED_KEY_BAG, encryptedKey);
    enc.prependBytes(certificate.data().wire());
    enc.prependHeader(SAFE_BAG, enc.size());
    return enc.toByteArray();
  }

  /** The base64 text form, 64-column lines ending with a newline. */
  public String toBase64() {
    String s = Base64.getEncoder().encodeToString(encode());
    StringBuilder sb = new StringBuilder(s.length() + s.length() / 64 + 1);
    for (int i = 0; i < s.length(); i += 64) {
      sb.append(s, i, Math.min(s.length(), i + 64)).append('\n');
    }
    return sb.toString();
  }
}
