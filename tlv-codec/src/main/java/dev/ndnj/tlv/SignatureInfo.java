package dev.ndnj.tlv;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SignatureInfo of a Data (TLV-TYPE 22) or InterestSignatureInfo of a signed Interest (44): SignatureType,
 * optional KeyLocator, ValidityPeriod and AdditionalDescription (certificates), and for Interests SignatureNonce,
 * SignatureTime, SignatureSeqNum.
 * Immutable; build with {@link #builder(int)}.
 *
 * <p>Decoding follows ndn-cxx: SignatureType must come first; the other known fields may then come in any order
 * (NDNts writes SignatureTime before ValidityPeriod), each at most once (a repeated critical one is an error, a
 * repeated non-critical one is ignored); unknown critical elements are errors, unknown non-critical ones skipped.
 *
 * <p>ValidityPeriod times are kept as the specification's ISO 8601 basic strings ({@code 20261121T120000}),
 * checked for shape on decode.
 */
public final class SignatureInfo {
  private static final TlvRules RULES = TlvRules.of("SignatureInfo", TlvTypes.SIGNATURE_TYPE,
      TlvTypes.KEY_LOCATOR, TlvTypes.VALIDITY_PERIOD, TlvTypes.SIGNATURE_NONCE, TlvTypes.SIGNATURE_TIME,
      TlvTypes.SIGNATURE_SEQ_NUM, TlvTypes.ADDITIONAL_DESCRIPTION);
  private static final TlvRules DESCRIPTION_RULES = TlvRules.of("AdditionalDescription", TlvTypes.DESCRIPTION_ENTRY);
  private static final TlvRules ENTRY_RULES = TlvRules.of("DescriptionEntry", TlvTypes.DESCRIPTION_KEY,
      TlvTypes.DESCRIPTION_VALUE);
  private static final TlvRules VALIDITY_RULES = TlvRules.of("ValidityPeriod", TlvTypes.NOT_BEFORE,
      TlvTypes.NOT_AFTER);

  private final int type;
  private final KeyLocator keyLocator;
  private final String notBefore;
  private final String notAfter;
  private final byte[] nonce;
  private final long time;
  private final long seqNum;
  private final boolean hasSeqNum;
  private final Map<String, String> description;

  private SignatureInfo(int type, KeyLocator keyLocator, String notBefore, String notAfter, byte[] nonce, long time,
      long seqNum, boolean hasSeqNum, Map<String, String> description) {
    this.description = description;
    this.type = type;
    this.keyLocator = keyLocator;
    this.notBefore = notBefore;
    this.notAfter = notAfter;
    this.nonce = nonce;
    this.time = time;
    this.seqNum = seqNum;
    this.hasSeqNum = hasSeqNum;
  }

  /**
   * Decodes the SignatureInfo element at {@code off} (ending by {@code end}).
   *
   * @param interest true for InterestSignatureInfo (TLV-TYPE 44), false for SignatureInfo (22)
   */
  public static SignatureInfo decode(ByteBuffer buf, int off, int end, int base, boolean interest) {
    String ctx = interest ? "InterestSignatureInfo" : "SignatureInfo";
    int t = Tlv.readType(buf, off, end, base, ctx);
    int expected = interest ? TlvTypes.INTEREST_SIGNATURE_INFO : TlvTypes.SIGNATURE_INFO;
    if (t != expected) {
      throw new TlvException(ctx + ": expected TLV-TYPE " + expected + ", got " + Long.toString(t & 0xffffffffL),
          off - base);
    }
    int elemEnd = Tlv.elementEnd(buf, off, end, base, ctx);
    int p = Tlv.valueStart(buf, off);
    int sigType = -1;
    KeyLocator kl = null;
    String nb = null;
    String na = null;
    byte[] nonce = null;
    long time = -1;
    long seq = 0;
    boolean hasSeq = false;
    Map<String, String> desc = Collections.emptyMap();
    int seen = 0;
    while (p < elemEnd) {
      int ct = Tlv.readType(buf, p, elemEnd, base, ctx);
      int next = Tlv.elementEnd(buf, p, elemEnd, base, ctx);
      int v = Tlv.valueStart(buf, p);
      // order is free after SignatureType: classify against slot 0 and track repeats with a bit mask
      int slot = RULES.classify(ct, 0, p, base);
      if (seen == 0 && slot != 1) {
        throw new TlvException(ctx + ": SignatureType missing or not first", p - base);
      }
      if (slot != TlvRules.SKIP && (seen & 1 << slot) != 0) {
        if (TlvTypes.isCritical(ct & 0xffffffffL)) {
          throw new TlvException(ctx + ": " + TlvTypes.name(ct) + " repeated", p - base);
        }
        slot = TlvRules.SKIP;
      }
      switch (slot) {
        case TlvRules.SKIP:
          break;
        case 1:
          long st = Tlv.readNonNegativeInteger(buf, v, next - v, base, "SignatureType");
          if (st < 0 || st > Integer.MAX_VALUE) {
            throw new TlvException(ctx + ": SignatureType out of range", p - base);
          }
          sigType = (int) st;
          break;
        case 2:
          kl = KeyLocator.decode(buf, p, next, base);
          break;
        case 3:
          String[] vp = decodeValidity(buf, p, next, base);
          nb = vp[0];
          na = vp[1];
          break;
        case 4:
          nonce = Tlv.copy(buf, v, next - v);
          break;
        case 5:
          time = Tlv.readNonNegativeInteger(buf, v, next - v, base, "SignatureTime");
          if (time < 0) {
            throw new TlvException(ctx + ": SignatureTime above 2^63-1", p - base);
          }
          break;
        case 6:
          seq = Tlv.readNonNegativeInteger(buf, v, next - v, base, "SignatureSeqNum");
          hasSeq = true;
          break;
        case 7:
          desc = decodeDescription(buf, p, next, base);
          break;
        default:
          throw new IllegalStateException("unhandled SignatureInfo slot " + slot);
      }
      if (slot != TlvRules.SKIP) {
        seen |= 1 << slot;
      }
      p = next;
    }
    if (sigType < 0) {
      throw new TlvException(ctx + ": SignatureType missing", off - base);
    }
    return new SignatureInfo(sigType, kl, nb, na, nonce, time, seq, hasSeq, desc);
  }

  private static Map<String, String> decodeDescription(ByteBuffer buf, int off, int end, int base) {
    Map<String, String> out = new LinkedHashMap<>();
    int p = Tlv.valueStart(buf, off);
    while (p < end) {
      int ct = Tlv.readType(buf, p, end, base, "AdditionalDescription");
      int next = Tlv.elementEnd(buf, p, end, base, "AdditionalDescription");
      if (DESCRIPTION_RULES.classify(ct, 0, p, base) == 1) {
        String[] kv = new String[2];
        int last = 0;
        for (int q = Tlv.valueStart(buf, p); q < next; ) {
          int et = Tlv.readType(buf, q, next, base, "DescriptionEntry");
          int qn = Tlv.elementEnd(buf, q, next, base, "DescriptionEntry");
          int slot = ENTRY_RULES.classify(et, last, q, base);
          if (slot != TlvRules.SKIP) {
            int v = Tlv.valueStart(buf, q);
            kv[slot - 1] = new String(Tlv.copy(buf, v, qn - v), StandardCharsets.UTF_8);
            last = slot;
          }
          q = qn;
        }
        if (kv[0] == null || kv[1] == null) {
          throw new TlvException("DescriptionEntry: DescriptionKey and DescriptionValue are required", p - base);
        }
        out.put(kv[0], kv[1]);
      }
      p = next;
    }
    if (out.isEmpty()) {
      throw new TlvException("AdditionalDescription: at least one DescriptionEntry is required", off - base);
    }
    return Collections.unmodifiableMap(out);
  }

  private static String[] decodeValidity(ByteBuffer buf, int off, int end, int base) {
    String[] out = new String[2];
    int p = Tlv.valueStart(buf, off);
    int last = 0;
    while (p < end) {
      int ct = Tlv.readType(buf, p, end, base, "ValidityPeriod");
      int next = Tlv.elementEnd(buf, p, end, base, "ValidityPeriod");
      int slot = VALIDITY_RULES.classify(ct, last, p, base);
      if (slot != TlvRules.SKIP) {
        int v = Tlv.valueStart(buf, p);
        out[slot - 1] = isoTime(buf, v, next - v, p, base);
        last = slot;
      }
      p = next;
    }
    if (out[0] == null || out[1] == null) {
      throw new TlvException("ValidityPeriod: NotBefore and NotAfter are required", off - base);
    }
    return out;
  }

  private static String isoTime(ByteBuffer buf, int v, int len, int off, int base) {
    if (len != 15) {
      throw new TlvException("ValidityPeriod: time of length " + len + ", expected 15 (YYYYMMDDThhmmss)", off - base);
    }
    char[] c = new char[15];
    for (int i = 0; i < 15; i++) {
      int b = buf.get(v + i) & 0xff;
      boolean ok = i == 8 ? b == 'T' : b >= '0' && b <= '9';
      if (!ok) {
        throw new TlvException("ValidityPeriod: time is not YYYYMMDDThhmmss", off - base);
      }
      c[i] = (char) b;
    }
    return new String(c);
  }

  /** SignatureType (see the {@code SIGNATURE_*} constants of {@link TlvTypes}). */
  public int type() {
    return type;
  }

  /** KeyLocator, or null. */
  public KeyLocator keyLocator() {
    return keyLocator;
  }

  /** ValidityPeriod NotBefore ({@code YYYYMMDDThhmmss}), or null. */
  public String notBefore() {
    return notBefore;
  }

  /** ValidityPeriod NotAfter ({@code YYYYMMDDThhmmss}), or null. */
  public String notAfter() {
    return notAfter;
  }

  /** A copy of SignatureNonce, or null. */
  public byte[] nonce() {
    return nonce == null ? null : nonce.clone();
  }

  /** SignatureTime in milliseconds since the epoch, or -1. */
  public long time() {
    return time;
  }

  /** Whether SignatureSeqNum is present. */
  public boolean hasSeqNum() {
    return hasSeqNum;
  }

  /** SignatureSeqNum (0 when absent). */
  public long seqNum() {
    return seqNum;
  }

  /**
   * The AdditionalDescription entries of a certificate (DescriptionKey to DescriptionValue, UTF-8, in wire order),
   * read-only; empty when absent.
   */
  public Map<String, String> additionalDescription() {
    return description;
  }

  /** Writes this element into {@code enc} as InterestSignatureInfo ({@code interest}) or SignatureInfo. */
  public void prependTo(TlvEncoder enc, boolean interest) {
    int mark = enc.size();
    if (!description.isEmpty()) {
      int m = enc.size();
      String[] keys = description.keySet().toArray(new String[0]);
      for (int i = keys.length - 1; i >= 0; i--) {
        int e = enc.size();
        enc.prependBytesTlv(TlvTypes.DESCRIPTION_VALUE, description.get(keys[i]).getBytes(StandardCharsets.UTF_8));
        enc.prependBytesTlv(TlvTypes.DESCRIPTION_KEY, keys[i].getBytes(StandardCharsets.UTF_8));
        enc.prependHeader(TlvTypes.DESCRIPTION_ENTRY, enc.size() - e);
      }
      enc.prependHeader(TlvTypes.ADDITIONAL_DESCRIPTION, enc.size() - m);
    }
    if (hasSeqNum) {
      enc.prependNonNegativeIntegerTlv(TlvTypes.SIGNATURE_SEQ_NUM, seqNum);
    }
    if (time >= 0) {
      enc.prependNonNegativeIntegerTlv(TlvTypes.SIGNATURE_TIME, time);
    }
    if (nonce != null) {
      enc.prependBytesTlv(TlvTypes.SIGNATURE_NONCE, nonce);
    }
    if (notBefore != null) {
      int m = enc.size();
      enc.prependBytesTlv(TlvTypes.NOT_AFTER, ascii(notAfter));
      enc.prependBytesTlv(TlvTypes.NOT_BEFORE, ascii(notBefore));
      enc.prependHeader(TlvTypes.VALIDITY_PERIOD, enc.size() - m);
    }
    if (keyLocator != null) {
      keyLocator.prependTo(enc);
    }
    enc.prependNonNegativeIntegerTlv(TlvTypes.SIGNATURE_TYPE, type);
    enc.prependHeader(interest ? TlvTypes.INTEREST_SIGNATURE_INFO : TlvTypes.SIGNATURE_INFO, enc.size() - mark);
  }

  private static byte[] ascii(String s) {
    byte[] b = new byte[s.length()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) s.charAt(i);
    }
    return b;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SignatureInfo(type=").append(type);
    if (keyLocator != null) {
      sb.append(", ").append(keyLocator);
    }
    if (notBefore != null) {
      sb.append(", valid ").append(notBefore).append("..").append(notAfter);
    }
    if (nonce != null) {
      sb.append(", nonce=").append(Hex.encode(nonce));
    }
    if (time >= 0) {
      sb.append(", time=").append(time);
    }
    if (hasSeqNum) {
      sb.append(", seq=").append(seqNum);
    }
    if (!description.isEmpty()) {
      sb.append(", description=").append(description);
    }
    return sb.append(')').toString();
  }

  /** A builder for a SignatureInfo of the given SignatureType. */
  public static Builder builder(int signatureType) {
    return new Builder(signatureType);
  }

  /** Builds a {@link SignatureInfo}. */
  public static final class Builder {
    private final int type;
    private KeyLocator keyLocator;
    private String notBefore;
    private String notAfter;
    private byte[] nonce;
    private long time = -1;
    private long seqNum;
    private boolean hasSeqNum;
    private final Map<String, String> description = new LinkedHashMap<>();

    private Builder(int type) {
      if (type < 0) {
        throw new IllegalArgumentException("SignatureType must be >= 0");
      }
      this.type = type;
    }

    /** Sets the KeyLocator. */
    public Builder keyLocator(KeyLocator kl) {
      keyLocator = kl;
      return this;
    }

    /** Sets the ValidityPeriod, both as {@code YYYYMMDDThhmmss}. */
    public Builder validity(String notBefore, String notAfter) {
      check(notBefore);
      check(notAfter);
      this.notBefore = notBefore;
      this.notAfter = notAfter;
      return this;
    }

    private static void check(String t) {
      if (t == null || t.length() != 15 || t.charAt(8) != 'T') {
        throw new IllegalArgumentException("time must be YYYYMMDDThhmmss, got " + t);
      }
      for (int i = 0; i < 15; i++) {
        if (i != 8 && (t.charAt(i) < '0' || t.charAt(i) > '9')) {
          throw new IllegalArgumentException("time must be YYYYMMDDThhmmss, got " + t);
        }
      }
    }

    /** Sets SignatureNonce (copied). */
    public Builder nonce(byte[] n) {
      nonce = n == null ? null : n.clone();
      return this;
    }

    /** Sets SignatureTime (milliseconds since the epoch). */
    public Builder time(long millis) {
      if (millis < 0) {
        throw new IllegalArgumentException("SignatureTime must be >= 0");
      }
      time = millis;
      return this;
    }

    /** Sets SignatureSeqNum. */
    public Builder seqNum(long n) {
      seqNum = n;
      hasSeqNum = true;
      return this;
    }

    /** Adds an AdditionalDescription entry (certificates); entries keep the order they were added in. */
    public Builder description(String key, String value) {
      if (key == null || key.isEmpty() || value == null || value.isEmpty()) {
        throw new IllegalArgumentException("DescriptionKey and DescriptionValue must be non-empty");
      }
      description.put(key, value);
      return this;
    }

    /** The SignatureInfo. */
    public SignatureInfo build() {
      Map<String, String> d = description.isEmpty() ? Collections.emptyMap()
          : Collections.unmodifiableMap(new LinkedHashMap<>(description));
      return new SignatureInfo(type, keyLocator, notBefore, notAfter, nonce, time, seqNum, hasSeqNum, d);
    }
  }
}
