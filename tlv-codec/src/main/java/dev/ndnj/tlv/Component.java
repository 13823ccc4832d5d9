package dev.ndnj.tlv;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One name component: a TLV element of TLV-TYPE 1..65535 whose value is opaque or, for the typed conventions
 * (segment, version, ...), a NonNegativeInteger.
 *
 * <p>Immutable. A component obtained from a decoded {@link Name} is a <em>view</em> over the packet's bytes;
 * factories ({@link #generic(String)}, {@link #segment(long)}, ...) own a fresh array. Ordering is the canonical
 * order of the NDN packet format: TLV-TYPE, then TLV-LENGTH, then value octets.
 */
public final class Component implements Comparable<Component> {
  final ByteBuffer buf;
  final int start;
  final int valueStart;
  final int end;
  final int type;

  Component(ByteBuffer buf, int start, int valueStart, int end, int type) {
    this.buf = buf;
    this.start = start;
    this.valueStart = valueStart;
    this.end = end;
    this.type = type;
  }

  /** A view over the already-validated component TLV at {@code [start, end)} of {@code buf}. */
  static Component at(ByteBuffer buf, int start, int end) {
    int first = buf.get(start) & 0xff;
    int type = first < 253 ? first : Tlv.u16(buf, start + 1);
    int p = start + Tlv.varNumberSize(first);
    p += Tlv.varNumberSize(buf.get(p));
    return new Component(buf, start, p, end, type);
  }

  /**
   * A component of the given TLV-TYPE and value (copied).
   *
   * @throws IllegalArgumentException if the type is outside 1..65535, or is a digest type and the value is not 32
   *     octets
   */
  public static Component of(int type, byte[] value) {
    checkType(type);
    if (isDigestType(type)) {
      checkDigest(value);
    }
    TlvEncoder enc = new TlvEncoder(value.length + 8);
    enc.prependBytesTlv(type, value);
    return fromOwned(enc.toBuffer());
  }

  /** A GenericNameComponent holding the UTF-8 octets of {@code text} (not interpreted as URI). */
  public static Component generic(String text) {
    return of(TlvTypes.GENERIC_NAME_COMPONENT, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A GenericNameComponent holding {@code value} (copied). */
  public static Component generic(byte[] value) {
    return of(TlvTypes.GENERIC_NAME_COMPONENT, value);
  }

  /** A component of {@code type} whose value is the NonNegativeInteger {@code n}. */
  public static Component number(int type, long n) {
    checkType(type);
    if (isDigestType(type)) {
      throw new IllegalArgumentException(TlvTypes.name(type) + " holds a 32-octet digest, not a number");
    }
    TlvEncoder enc = new TlvEncoder(16);
    enc.prependNonNegativeIntegerTlv(type, n);
    return fromOwned(enc.toBuffer());
  }

  /** SegmentNameComponent ({@code seg=n}). */
  public static Component segment(long n) {
    return number(TlvTypes.SEGMENT_NAME_COMPONENT, n);
  }

  /** VersionNameComponent ({@code v=n}). */
  public static Component version(long n) {
    return number(TlvTypes.VERSION_NAME_COMPONENT, n);
  }

  /** TimestampNameComponent ({@code t=n}, microseconds since the Unix epoch). */
  public static Component timestamp(long micros) {
    return number(TlvTypes.TIMESTAMP_NAME_COMPONENT, micros);
  }

  /** SequenceNumNameComponent ({@code seq=n}). */
  public static Component sequenceNumber(long n) {
    return number(TlvTypes.SEQUENCE_NUM_NAME_COMPONENT, n);
  }

  /** ByteOffsetNameComponent ({@code off=n}). */
  public static Component byteOffset(long n) {
    return number(TlvTypes.BYTE_OFFSET_NAME_COMPONENT, n);
  }

  /** ImplicitSha256DigestComponent over a 32-octet digest. */
  public static Component implicitDigest(byte[] sha256) {
    checkDigest(sha256);
    return of(TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT, sha256);
  }

  /** ParametersSha256DigestComponent over a 32-octet digest. */
  public static Component parametersDigest(byte[] sha256) {
    checkDigest(sha256);
    return of(TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT, sha256);
  }

  private static Component fromOwned(ByteBuffer b) {
    return at(b, 0, b.limit());
  }

  private static void checkType(int type) {
    if (type < 1 || type > 0xffff) {
      throw new IllegalArgumentException("name component TLV-TYPE must be in 1..65535, got " + type);
    }
  }

  private static boolean isDigestType(int type) {
    return type == TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT || type == TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT;
  }

  private static void checkDigest(byte[] d) {
    if (d.length != 32) {
      throw new IllegalArgumentException("SHA-256 digest must be 32 octets, got " + d.length);
    }
  }

  /** TLV-TYPE, 1..65535. */
  public int type() {
    return type;
  }

  /** Number of value octets. */
  public int valueLength() {
    return end - valueStart;
  }

  /** The value octets as a read-only view (shares memory with the name it came from). */
  public ByteBuffer value() {
    return Tlv.view(buf, valueStart, end - valueStart);
  }

  /** A copy of the value octets (owned by the caller). */
  public byte[] valueBytes() {
    return Tlv.copy(buf, valueStart, end - valueStart);
  }

  /** The whole TLV element (type, length, value) as a read-only view. */
  public ByteBuffer wire() {
    return Tlv.view(buf, start, end - start);
  }

  /** Size of the whole TLV element in octets. */
  public int wireLength() {
    return end - start;
  }

  /** Whether the value is a NonNegativeInteger (1, 2, 4 or 8 octets). */
  public boolean isNumber() {
    int n = end - valueStart;
    return n == 1 || n == 2 || n == 4 || n == 8;
  }

  /**
   * The value read as a NonNegativeInteger.
   *
   * @throws IllegalStateException if the value is not 1, 2, 4 or 8 octets
   */
  public long toNumber() {
    if (!isNumber()) {
      throw new IllegalStateException("component value of " + valueLength() + " octets is not a NonNegativeInteger");
    }
    return Tlv.readNonNegativeInteger(buf, valueStart, end - valueStart, 0, "Component");
  }

  /** Whether this is a SegmentNameComponent with a number value. */
  public boolean isSegment() {
    return type == TlvTypes.SEGMENT_NAME_COMPONENT && isNumber();
  }

  /** Whether this is a VersionNameComponent with a number value. */
  public boolean isVersion() {
    return type == TlvTypes.VERSION_NAME_COMPONENT && isNumber();
  }

  /** Whether this is an ImplicitSha256DigestComponent. */
  public boolean isImplicitDigest() {
    return type == TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT;
  }

  /** Whether this is a ParametersSha256DigestComponent. */
  public boolean isParametersDigest() {
    return type == TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT;
  }

  @Override
  public int compareTo(Component o) {
    return compare(buf, start, valueStart, end, type, o.buf, o.valueStart, o.end, o.type);
  }

  static int compare(ByteBuffer a, int aStart, int aValue, int aEnd, int aType,
      ByteBuffer b, int bValue, int bEnd, int bType) {
    if (aType != bType) {
      return aType < bType ? -1 : 1;
    }
    int al = aEnd - aValue;
    int bl = bEnd - bValue;
    if (al != bl) {
      return al < bl ? -1 : 1;
    }
    return Integer.signum(Tlv.compareBytes(a, aValue, al, b, bValue, bl));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Component)) {
      return false;
    }
    Component c = (Component) o;
    return end - start == c.end - c.start && Tlv.equalBytes(buf, start, c.buf, c.start, end - start);
  }

  @Override
  public int hashCode() {
    return Name.hashPrefixes(buf, new int[] {start, end}, 1)[1]; // the hash of a one-component name of it
  }

  /** The NDN URI form: {@code seg=3}, {@code v=7}, {@code sha256digest=...}, percent-escaped generic, etc. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(valueLength() + 8);
    appendUri(sb);
    return sb.toString();
  }

  void appendUri(StringBuilder sb) {
    String prefix = null;
    boolean numeric = false;
    switch (type) {
      case TlvTypes.GENERIC_NAME_COMPONENT:
        break;
      case TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT:
        if (valueLength() == 32) {
          sb.append("sha256digest=");
          Hex.append(sb, buf, valueStart, 32);
          return;
        }
        break;
      case TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT:
        if (valueLength() == 32) {
          sb.append("params-sha256=");
          Hex.append(sb, buf, valueStart, 32);
          return;
        }
        break;
      case TlvTypes.SEGMENT_NAME_COMPONENT:
        prefix = "seg=";
        numeric = true;
        break;
      case TlvTypes.BYTE_OFFSET_NAME_COMPONENT:
        prefix = "off=";
        numeric = true;
        break;
      case TlvTypes.VERSION_NAME_COMPONENT:
        prefix = "v=";
        numeric = true;
        break;
      case TlvTypes.TIMESTAMP_NAME_COMPONENT:
        prefix = "t=";
        numeric = true;
        break;
      case TlvTypes.SEQUENCE_NUM_NAME_COMPONENT:
        prefix = "seq=";
        numeric = true;
        break;
      default:
        break;
    }
    // As ndn-cxx and NDNts do: any 1/2/4/8-octet value prints as a number. Parsing writes the shortest form, so a
    // URI round-trips byte-exactly only when the numbers are in shortest form, as every known encoder writes them.
    if (numeric && isNumber()) {
      sb.append(prefix);
      appendUnsigned(sb, toNumber());
      return;
    }
    if (type != TlvTypes.GENERIC_NAME_COMPONENT) {
      sb.append(type).append('=');
    }
    escape(sb, buf, valueStart, end);
  }

  /** Appends {@code v} as an unsigned decimal (TeaVM has no {@code Long.toUnsignedString}). */
  static void appendUnsigned(StringBuilder sb, long v) {
    if (v >= 0) {
      sb.append(v);
    } else {
      long q = (v >>> 1) / 5;
      sb.append(q).append(v - q * 10);
    }
  }

  static void escape(StringBuilder sb, ByteBuffer buf, int from, int to) {
    boolean onlyPeriods = true;
    for (int i = from; i < to; i++) {
      int b = buf.get(i) & 0xff;
      if (b != '.') {
        onlyPeriods = false;
      }
      if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '.'
          || b == '_' || b == '~') {
        sb.append((char) b);
      } else {
        sb.append('%');
        sb.append(Hex.UPPER.charAt(b >> 4)).append(Hex.UPPER.charAt(b & 15));
      }
    }
    if (onlyPeriods) {
      sb.append("...");
    }
  }

  /**
   * Parses one component in NDN URI form: percent-escaped generic, {@code <type>=<escaped>}, {@code seg=},
   * {@code off=}, {@code v=}, {@code t=}, {@code seq=}, {@code sha256digest=<hex>}, {@code params-sha256=<hex>};
   * a value of only periods loses three of them ({@code ...} is the empty component).
   *
   * @throws IllegalArgumentException if the text is not a valid component URI
   */
  public static Component parse(String s) {
    int eq = s.indexOf('=');
    if (eq > 0) {
      String key = s.substring(0, eq);
      String val = s.substring(eq + 1);
      switch (key) {
        case "seg":
          return segment(parseNumber(s, val));
        case "off":
          return byteOffset(parseNumber(s, val));
        case "v":
          return version(parseNumber(s, val));
        case "t":
          return timestamp(parseNumber(s, val));
        case "seq":
          return sequenceNumber(parseNumber(s, val));
        case "sha256digest":
          return implicitDigest(parseDigest(s, val));
        case "params-sha256":
          return parametersDigest(parseDigest(s, val));
        default:
          if (isDecimal(key)) {
            int type;
            try {
              type = Integer.parseInt(key);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("component TLV-TYPE out of range in '" + s + "'");
            }
            if (type < 1 || type > 0xffff) {
              throw new IllegalArgumentException("component TLV-TYPE must be in 1..65535 in '" + s + "'");
            }
            return of(type, unescape(s, val));
          }
          break;
      }
    }
    return of(TlvTypes.GENERIC_NAME_COMPONENT, unescape(s, s));
  }

  private static boolean isDecimal(String k) {
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !k.isEmpty();
  }

  private static long parseNumber(String whole, String v) {
    if (!isDecimal(v)) {
      throw new IllegalArgumentException("expected a decimal number in component '" + whole + "'");
    }
    String digits = v;
    int z = 0;
    while (z < digits.length() - 1 && digits.charAt(z) == '0') {
      z++;
    }
    digits = digits.substring(z);
    if (digits.length() > 20 || digits.length() == 20 && digits.compareTo("18446744073709551615") > 0) {
      throw new IllegalArgumentException("number out of range in component '" + whole + "'");
    }
    long n = 0;
    for (int i = 0; i < digits.length(); i++) {
      n = n * 10 + (digits.charAt(i) - '0'); // wraps to the unsigned bit pattern for values above 2^63-1
    }
    return n;
  }

  private static byte[] parseDigest(String whole, String v) {
    if (v.length() != 64) {
      throw new IllegalArgumentException("expected 64 hex digits in component '" + whole + "'");
    }
    byte[] out = Hex.decode(v);
    if (out == null) {
      throw new IllegalArgumentException("invalid hex in component '" + whole + "'");
    }
    return out;
  }

  private static byte[] unescape(String whole, String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[utf8.length];
    int n = 0;
    for (int i = 0; i < utf8.length; i++) {
      int b = utf8[i];
      if (b == '%') {
        int hi = i + 1 < utf8.length ? Hex.value(utf8[i + 1]) : -1;
        int lo = i + 2 < utf8.length ? Hex.value(utf8[i + 2]) : -1;
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("invalid percent-escape in component '" + whole + "'");
        }
        out[n++] = (byte) (hi << 4 | lo);
        i += 2;
      } else {
        out[n++] = (byte) b;
      }
    }
    // periods are counted after percent-decoding, as ndn-cxx does: ".%2E." is the empty component
    boolean onlyPeriods = true;
    for (int i = 0; i < n; i++) {
      if (out[i] != '.') {
        onlyPeriods = false;
        break;
      }
    }
    if (onlyPeriods) {
      if (n < 3) {
        throw new IllegalArgumentException("component '" + whole + "' of only 1 or 2 periods is not valid in a URI");
      }
      n -= 3;
    }
    byte[] exact = new byte[n];
    System.arraycopy(out, 0, exact, 0, n);
    return exact;
  }
}
