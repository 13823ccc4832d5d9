package dev.ndnj.tlv;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * An NDN certificate (version 2) as a view over its Data: the name {@code /<identity>/KEY/<key-id>/<issuer-id>/<version>},
 * ContentType KEY, the subject's public key as a DER SubjectPublicKeyInfo in Content, and a SignatureInfo carrying
 * the ValidityPeriod and optionally an AdditionalDescription. Kept in the codec (no {@code java.security}) so the
 * browser reads certificates with the same code; signing and verifying them is the security module's business.
 *
 * <p>Also holds the naming rules of keys ({@code /<identity>/KEY/<key-id>}) and the conversion between ValidityPeriod
 * times ({@code YYYYMMDDThhmmss}, UTC) and milliseconds since the epoch. Immutable.
 */
public final class Certificate {
  /** The {@code KEY} component that separates an identity from the key id. */
  public static final Component KEY = Component.generic("KEY");
  /** FreshnessPeriod ndn-cxx gives certificates (one hour). */
  public static final long DEFAULT_FRESHNESS_MILLIS = 3_600_000L;

  private final Data data;

  private Certificate(Data data) {
    this.data = data;
  }

  /**
   * Reads {@code data} as a certificate.
   *
   * @throws IllegalArgumentException if the name is not a certificate name, the ContentType is not KEY, the Content
   *     is empty or the SignatureInfo has no ValidityPeriod
   */
  public static Certificate fromData(Data data) {
    if (!isCertificateName(data.name())) {
      throw new IllegalArgumentException("not a certificate name (/<identity>/KEY/<key-id>/<issuer-id>/<version>): "
          + data.name());
    }
    if (data.contentType() != TlvTypes.CONTENT_TYPE_KEY) {
      throw new IllegalArgumentException("certificate ContentType is " + data.contentType() + ", expected KEY (2)");
    }
    if (data.contentLength() == 0) {
      throw new IllegalArgumentException("certificate has no public key in its Content");
    }
    if (data.signatureInfo().notBefore() == null) {
      throw new IllegalArgumentException("certificate SignatureInfo has no ValidityPeriod");
    }
    return new Certificate(data);
  }

  /**
   * Decodes a certificate from the Data element in {@code wire} (a view: the bytes must not change).
   *
   * @throws TlvException if the Data does not decode
   * @throws IllegalArgumentException if it is not a certificate
   */
  public static Certificate decode(ByteBuffer wire) {
    return fromData(Data.decode(wire));
  }

  /** Whether {@code name} has the form {@code /<identity>/KEY/<key-id>/<issuer-id>/<version>}. */
  public static boolean isCertificateName(Name name) {
    int n = name.size();
    return n >= 4 && name.get(n - 4).equals(KEY);
  }

  /** Whether {@code name} has the form {@code /<identity>/KEY/<key-id>}. */
  public static boolean isKeyName(Name name) {
    int n = name.size();
    return n >= 2 && name.get(n - 2).equals(KEY);
  }

  /**
   * The key name of a key or certificate name ({@code /<identity>/KEY/<key-id>}).
   *
   * @throws IllegalArgumentException if {@code name} is neither
   */
  public static Name toKeyName(Name name) {
    if (isKeyName(name)) {
      return name;
    }
    if (isCertificateName(name)) {
      return name.getPrefix(name.size() - 2);
    }
    throw new IllegalArgumentException("not a key or certificate name: " + name);
  }

  /** The identity of a key or certificate name (what comes before {@code KEY}). */
  public static Name toIdentity(Name keyOrCertName) {
    Name k = toKeyName(keyOrCertName);
    return k.getPrefix(k.size() - 2);
  }

  /**
   * A Data builder for the certificate named {@code certName} holding {@code publicKey} (DER SubjectPublicKeyInfo,
   * copied): ContentType KEY, FreshnessPeriod one hour. Sign it with a SignatureInfo that has a ValidityPeriod.
   */
  public static Data.Builder dataBuilder(Name certName, byte[] publicKey) {
    if (!isCertificateName(certName)) {
      throw new IllegalArgumentException("not a certificate name: " + certName);
    }
    return Data.builder(certName).contentType(TlvTypes.CONTENT_TYPE_KEY).freshnessPeriod(DEFAULT_FRESHNESS_MILLIS)
        .content(publicKey);
  }

  /** The certificate's Data. */
  public Data data() {
    return data;
  }

  /** The certificate name. */
  public Name name() {
    return data.name();
  }

  /** {@code /<identity>/KEY/<key-id>}. */
  public Name keyName() {
    return toKeyName(data.name());
  }

  /** The identity. */
  public Name identity() {
    return toIdentity(data.name());
  }

  /** The key-id component. */
  public Component keyId() {
    return data.name().get(data.name().size() - 3);
  }

  /** The issuer-id component ({@code self} for a self-signed certificate made by ndn-cxx or ndnj). */
  public Component issuerId() {
    return data.name().get(data.name().size() - 2);
  }

  /** The version component. */
  public Component version() {
    return data.name().get(data.name().size() - 1);
  }

  /** The public key, a DER SubjectPublicKeyInfo (owned copy). */
  public byte[] publicKey() {
    ByteBuffer c = data.content();
    return Tlv.copy(c, c.position(), c.remaining());
  }

  /** ValidityPeriod NotBefore ({@code YYYYMMDDThhmmss}, UTC). */
  public String notBefore() {
    return data.signatureInfo().notBefore();
  }

  /** ValidityPeriod NotAfter ({@code YYYYMMDDThhmmss}, UTC). */
  public String notAfter() {
    return data.signatureInfo().notAfter();
  }

  /** Whether {@code epochMillis} lies within the ValidityPeriod (both ends included, to the second). */
  public boolean isValidAt(long epochMillis) {
    long t = Math.floorDiv(epochMillis, 1000) * 1000;
    return t >= toEpochMillis(notBefore()) && t <= toEpochMillis(notAfter());
  }

  /** AdditionalDescription entries (empty when absent). */
  public Map<String, String> additionalDescription() {
    return data.signatureInfo().additionalDescription();
  }

  /** The KeyLocator name of the signer (the issuer's key or certificate), or null. */
  public Name signerName() {
    KeyLocator kl = data.signatureInfo().keyLocator();
    return kl == null ? null : kl.name();
  }

  /** Whether the certificate is signed by its own key (its KeyLocator names its own key or a certificate of it). */
  public boolean isSelfSigned() {
    Name s = signerName();
    if (s == null) {
      return false;
    }
    Name k = keyName();
    return s.equals(k) || isCertificateName(s) && toKeyName(s).equals(k);
  }

  /**
   * Milliseconds since the epoch of a ValidityPeriod time {@code YYYYMMDDThhmmss} (UTC).
   *
   * @throws IllegalArgumentException if the string does not have that shape
   */
  public static long toEpochMillis(String iso) {
    if (iso == null || iso.length() != 15 || iso.charAt(8) != 'T') {
      throw new IllegalArgumentException("time must be YYYYMMDDThhmmss, got " + iso);
    }
    long y = digits(iso, 0, 4);
    long m = digits(iso, 4, 6);
    long d = digits(iso, 6, 8);
    long hh = digits(iso, 9, 11);
    long mm = digits(iso, 11, 13);
    long ss = digits(iso, 13, 15);
    if (m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 60) {
      throw new IllegalArgumentException("time out of range: " + iso);
    }
    return ((daysFromCivil(y, m, d) * 24 + hh) * 60 + mm) * 60_000 + ss * 1000;
  }

  /** The ValidityPeriod string ({@code YYYYMMDDThhmmss}, UTC) of {@code epochMillis}, rounded down to the second. */
  public static String toIsoString(long epochMillis) {
    long secs = Math.floorDiv(epochMillis, 1000);
    long days = Math.floorDiv(secs, 86_400);
    long rem = secs - days * 86_400;
    // civil from days (Howard Hinnant's algorithm)
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) {
      y++;
    }
    if (y < 0 || y > 9999) {
      throw new IllegalArgumentException("year out of range for a ValidityPeriod: " + y);
    }
    StringBuilder sb = new StringBuilder(15);
    pad(sb, y, 4);
    pad(sb, m, 2);
    pad(sb, d, 2);
    sb.append('T');
    pad(sb, rem / 3600, 2);
    pad(sb, rem / 60 % 60, 2);
    pad(sb, rem % 60, 2);
    return sb.toString();
  }

  private static long daysFromCivil(long y, long m, long d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  private static long digits(String s, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("time must be YYYYMMDDThhmmss, got " + s);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static void pad(StringBuilder sb, long v, int width) {
    String s = Long.toString(v);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    sb.append(s);
  }

  @Override
  public String toString() {
    return "Certificate(" + name() + ", valid " + notBefore() + ".." + notAfter()
        + (signerName() != null ? ", signer " + signerName() : "") + ")";
  }
}
