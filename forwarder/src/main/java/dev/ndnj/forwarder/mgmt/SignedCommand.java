package dev.ndnj.forwarder.mgmt;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.KeyLocator;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Sha256;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;

/**
 * The signature of a command Interest, in either form NFD accepts:
 * <ul>
 *   <li>{@link Format#SIGNED_INTEREST} (packet format v0.3): {@code <prefix>/<module>/<verb>/<parameters>} then the
 *       ParametersSha256DigestComponent, with InterestSignatureInfo carrying SignatureNonce and SignatureTime or
 *       SignatureSeqNum, and InterestSignatureValue;
 *   <li>{@link Format#COMMAND_INTEREST} (the older "signed command Interest"): the name ends with four more
 *       components, timestamp (milliseconds, a NonNegativeInteger), random nonce, SignatureInfo and SignatureValue.
 * </ul>
 * It holds what a verifier needs: the SignatureInfo, the signed portions (views, in order) and the signature value
 * (a view), plus the timestamp, sequence number and nonce that the replay check uses. Immutable; the views share the
 * Interest's bytes and are valid as long as the Interest is.
 */
public final class SignedCommand {
  /** Which signed-Interest form the command used. */
  public enum Format {
    /** NDN packet format v0.3 signed Interest (InterestSignatureInfo, InterestSignatureValue). */
    SIGNED_INTEREST,
    /** The four-component signed command Interest (timestamp, nonce, SignatureInfo, SignatureValue). */
    COMMAND_INTEREST
  }

  private final Format format;
  private final SignatureInfo signatureInfo;
  private final ByteBuffer[] signedPortions;
  private final ByteBuffer signatureValue;
  private final long timestamp;
  private final boolean hasSeqNum;
  private final long seqNum;
  private final byte[] nonce;

  private SignedCommand(Format format, SignatureInfo signatureInfo, ByteBuffer[] signedPortions,
      ByteBuffer signatureValue, long timestamp, boolean hasSeqNum, long seqNum, byte[] nonce) {
    this.format = format;
    this.signatureInfo = signatureInfo;
    this.signedPortions = signedPortions;
    this.signatureValue = signatureValue;
    this.timestamp = timestamp;
    this.hasSeqNum = hasSeqNum;
    this.seqNum = seqNum;
    this.nonce = nonce;
  }

  /** Why a command's signature part cannot be read. */
  static final class MalformedException extends Exception {
    MalformedException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Reads the signature of {@code interest}, whose ControlParameters component is at {@code paramsIndex}.
   *
   * @return the signature, or null if the Interest carries neither form (unsigned)
   * @throws MalformedException if it carries one but not well formed (extra components, missing SignatureNonce,
   *     a SignatureInfo that does not decode, ...)
   */
  static SignedCommand parse(Interest interest, int paramsIndex) throws MalformedException {
    Name name = interest.name();
    int n = name.size();
    if (interest.signatureInfo() != null || interest.signatureValue() != null) {
      return parseV03(interest, name, paramsIndex);
    }
    if (n == paramsIndex + 1
        || n == paramsIndex + 2 && name.componentType(n - 1) == TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT) {
      return null; // no signature at all (possibly ApplicationParameters without InterestSignatureInfo)
    }
    if (n != paramsIndex + 5) {
      throw new MalformedException("command name has " + (n - paramsIndex - 1)
          + " components after the parameters, expected 4 (timestamp, nonce, SignatureInfo, SignatureValue)");
    }
    return parseCommandInterest(name, paramsIndex);
  }

  private static SignedCommand parseV03(Interest interest, Name name, int paramsIndex) throws MalformedException {
    int n = name.size();
    if (n != paramsIndex + 2 || name.componentType(n - 1) != TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT) {
      throw new MalformedException("a signed command Interest must end with <parameters>/<params-sha256>");
    }
    SignatureInfo info;
    try {
      info = interest.signatureInfo();
    } catch (TlvException e) {
      throw new MalformedException("InterestSignatureInfo: " + e.getMessage());
    }
    ByteBuffer value = interest.signatureValue();
    if (info == null || value == null) {
      throw new MalformedException("InterestSignatureInfo and InterestSignatureValue must both be present");
    }
    byte[] nonce = info.nonce();
    if (nonce == null) {
      throw new MalformedException("InterestSignatureInfo has no SignatureNonce");
    }
    if (info.time() < 0 && !info.hasSeqNum()) {
      throw new MalformedException("InterestSignatureInfo has neither SignatureTime nor SignatureSeqNum");
    }
    ByteBuffer[] portions;
    try {
      portions = interest.signedPortions();
    } catch (RuntimeException e) {
      throw new MalformedException("signed portion: " + e.getMessage());
    }
    return new SignedCommand(Format.SIGNED_INTEREST, info, portions, value, info.time(), info.hasSeqNum(),
        info.seqNum(), nonce);
  }

  private static SignedCommand parseCommandInterest(Name name, int paramsIndex) throws MalformedException {
    Component ts = name.get(paramsIndex + 1);
    Component nonce = name.get(paramsIndex + 2);
    Component sigInfo = name.get(paramsIndex + 3);
    Component sigValue = name.get(paramsIndex + 4);
    if (ts.type() != TlvTypes.GENERIC_NAME_COMPONENT || !ts.isNumber()) {
      throw new MalformedException("command timestamp component is not a NonNegativeInteger");
    }
    long timestamp = ts.toNumber();
    if (timestamp < 0) {
      throw new MalformedException("command timestamp is above 2^63-1");
    }
    if (nonce.valueLength() == 0) {
      throw new MalformedException("command nonce component is empty");
    }
    SignatureInfo info;
    ByteBuffer value;
    try {
      ByteBuffer iv = sigInfo.value();
      int end = Tlv.elementEnd(iv, iv.position(), iv.limit(), iv.position(), "SignatureInfo");
      if (end != iv.limit()) {
        throw new MalformedException("SignatureInfo component has octets after the SignatureInfo");
      }
      info = SignatureInfo.decode(iv, iv.position(), iv.limit(), iv.position(), false);
      ByteBuffer vv = sigValue.value();
      if (Tlv.readType(vv, vv.position(), vv.limit(), vv.position(), "SignatureValue") != TlvTypes.SIGNATURE_VALUE) {
        throw new MalformedException("last component is not a SignatureValue");
      }
      int vend = Tlv.elementEnd(vv, vv.position(), vv.limit(), vv.position(), "SignatureValue");
      if (vend != vv.limit()) {
        throw new MalformedException("SignatureValue component has octets after the SignatureValue");
      }
      int v = Tlv.valueStart(vv, vv.position());
      value = Tlv.view(vv, v, vend - v);
    } catch (TlvException e) {
      throw new MalformedException(e.getMessage());
    }
    // signed: the name's components up to and including SignatureInfo (the Name's value without the last one)
    ByteBuffer w = name.wire();
    int header = w.remaining() - name.valueLength();
    int len = name.valueLength() - sigValue.wireLength();
    ByteBuffer portion = Tlv.view(w, w.position() + header, len);
    return new SignedCommand(Format.COMMAND_INTEREST, info, new ByteBuffer[] {portion}, value, timestamp, false, 0,
        nonce.valueBytes());
  }

  /** The form used. */
  public Format format() {
    return format;
  }

  /** The SignatureInfo (type, KeyLocator, ...). */
  public SignatureInfo signatureInfo() {
    return signatureInfo;
  }

  /** SignatureType. */
  public int signatureType() {
    return signatureInfo.type();
  }

  /** The KeyLocator's key name, or null (no KeyLocator, or a KeyDigest). */
  public Name keyName() {
    KeyLocator kl = signatureInfo.keyLocator();
    return kl == null ? null : kl.name();
  }

  /**
   * The signed octets, in order, as read-only views (duplicates each call): feed them to the verifier one after the
   * other.
   */
  public ByteBuffer[] signedPortions() {
    ByteBuffer[] out = new ByteBuffer[signedPortions.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = signedPortions[i].duplicate();
    }
    return out;
  }

  /** The signature value (the TLV-VALUE of the SignatureValue), a read-only view. */
  public ByteBuffer signatureValue() {
    return signatureValue.duplicate();
  }

  /** The timestamp in milliseconds since the epoch (SignatureTime or the timestamp component), or -1. */
  public long timestamp() {
    return timestamp;
  }

  /** Whether a SignatureSeqNum is present (v0.3 only). */
  public boolean hasSeqNum() {
    return hasSeqNum;
  }

  /** SignatureSeqNum, or 0. */
  public long seqNum() {
    return seqNum;
  }

  /** A copy of the nonce (SignatureNonce, or the nonce component's value). */
  public byte[] nonce() {
    return nonce.clone();
  }

  String nonceHex() {
    return Hex.encode(nonce);
  }

  /**
   * Whether this is a DigestSha256 signature whose value is the SHA-256 of the signed portions. A DigestSha256 proves
   * integrity only, not who sent the command.
   */
  public boolean verifyDigestSha256() {
    if (signatureInfo.type() != TlvTypes.SIGNATURE_DIGEST_SHA256 || signatureValue.remaining() != 32) {
      return false;
    }
    Sha256 h = new Sha256();
    for (ByteBuffer p : signedPortions) {
      h.update(p, p.position(), p.remaining());
    }
    byte[] d = h.digest();
    for (int i = 0; i < 32; i++) {
      if (signatureValue.get(signatureValue.position() + i) != d[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "SignedCommand(" + format + " type=" + signatureInfo.type()
        + (keyName() != null ? " key=" + keyName() : "") + (timestamp >= 0 ? " time=" + timestamp : "")
        + (hasSeqNum ? " seq=" + seqNum : "") + ")";
  }
}
