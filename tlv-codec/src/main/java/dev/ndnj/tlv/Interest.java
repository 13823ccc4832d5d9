package dev.ndnj.tlv;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An Interest packet (NDN packet format v0.3), held as a view over its wire encoding.
 *
 * <p>Immutable. {@link #decode} records the offsets of the fields and reads the scalar ones (flags, Nonce,
 * InterestLifetime, HopLimit) into primitives; nothing is copied and no per-field view is made. {@link #wire()}
 * returns the original bytes, including unknown non-critical elements, which are thus preserved when the packet is
 * forwarded. {@link #withHopLimit} and {@link #withNonce} patch a copy. Build new Interests with {@link #builder}.
 *
 * <p>Decoding follows ndn-cxx: the Name comes first and is not empty, at most one ParametersSha256DigestComponent,
 * known critical elements in order, non-critical ones out of order ignored, and when ApplicationParameters is
 * present the ParametersSha256DigestComponent must be in the name and match the SHA-256 of the parameters.
 */
public final class Interest {
  /** InterestLifetime when the element is absent, in milliseconds. */
  public static final long DEFAULT_LIFETIME = 4000;

  static final TlvRules RULES = TlvRules.of("Interest", TlvTypes.NAME, TlvTypes.CAN_BE_PREFIX,
      TlvTypes.MUST_BE_FRESH, TlvTypes.FORWARDING_HINT, TlvTypes.NONCE, TlvTypes.INTEREST_LIFETIME,
      TlvTypes.HOP_LIMIT, TlvTypes.APPLICATION_PARAMETERS, TlvTypes.INTEREST_SIGNATURE_INFO,
      TlvTypes.INTEREST_SIGNATURE_VALUE);
  private static final String CTX = "Interest";
  private static final int F_CAN_BE_PREFIX = 1;
  private static final int F_MUST_BE_FRESH = 2;
  private static final int F_NONCE = 4;

  private final ByteBuffer buf;
  private final int start;
  private final int end;
  private final Name name;
  private final int flags;
  private final int nonce;
  private final long lifetime;
  private final int hopLimit;
  private final int hopLimitAt;
  private final int nonceAt;
  private final int insertNonceAt;
  private final int fhStart;
  private final int fhEnd;
  private final int paramsStart;
  private final int sigInfoStart;
  private final int sigInfoEnd;
  private final int sigValueStart;
  private final int sigValueEnd;
  private final int paramsDigestIndex;

  private Interest(ByteBuffer buf, int start, int end, Name name, int flags, int nonce, long lifetime,
      int hopLimit, int hopLimitAt, int nonceAt, int insertNonceAt, int fhStart, int fhEnd, int paramsStart,
      int sigInfoStart, int sigInfoEnd, int sigValueStart, int sigValueEnd, int paramsDigestIndex) {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.name = name;
    this.flags = flags;
    this.nonce = nonce;
    this.lifetime = lifetime;
    this.hopLimit = hopLimit;
    this.hopLimitAt = hopLimitAt;
    this.nonceAt = nonceAt;
    this.insertNonceAt = insertNonceAt;
    this.fhStart = fhStart;
    this.fhEnd = fhEnd;
    this.paramsStart = paramsStart;
    this.sigInfoStart = sigInfoStart;
    this.sigInfoEnd = sigInfoEnd;
    this.sigValueStart = sigValueStart;
    this.sigValueEnd = sigValueEnd;
    this.paramsDigestIndex = paramsDigestIndex;
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one Interest element. The Interest is a view:
   * the caller must not change those octets afterwards. The buffer's position and limit are not modified.
   *
   * @throws TlvException if the octets are not a valid Interest
   */
  public static Interest decode(ByteBuffer wire) {
    int off = wire.position();
    Interest i = decode(wire, off, wire.limit(), off);
    if (i.end != wire.limit()) {
      throw new TlvException(CTX + ": " + (wire.limit() - i.end) + " trailing octets after the element", i.end - off);
    }
    return i;
  }

  /**
   * Decodes the Interest element at absolute offset {@code off} of {@code buf}, which must end by {@code end};
   * error offsets count from {@code base}. A view over {@code buf}.
   */
  public static Interest decode(ByteBuffer buf, int off, int end, int base) {
    int type = Tlv.readType(buf, off, end, base, CTX);
    if (type != TlvTypes.INTEREST) {
      throw new TlvException(CTX + ": expected TLV-TYPE 5, got " + Long.toString(type & 0xffffffffL), off - base);
    }
    int p = off + Tlv.varNumberSize(buf.get(off));
    int len = Tlv.readLength(buf, p, end, base, CTX);
    p += Tlv.varNumberSize(buf.get(p));
    int elemEnd = p + len;

    if (p >= elemEnd || Tlv.readType(buf, p, elemEnd, base, CTX) != TlvTypes.NAME) {
      throw new TlvException(CTX + ": Name element is missing or out of order", p - base);
    }
    Name name = Name.decode(buf, p, elemEnd, base);
    if (name.isEmpty()) {
      throw new TlvException(CTX + ": Name has zero name components", p - base);
    }
    int digestIndex = -1;
    for (int i = 0; i < name.size(); i++) {
      if (name.componentType(i) == TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT) {
        if (digestIndex >= 0) {
          throw new TlvException(CTX + ": Name has more than one ParametersSha256DigestComponent", p - base);
        }
        digestIndex = i;
      }
    }
    p = name.comps[name.size()];

    int flags = 0;
    int nonce = 0;
    long lifetime = DEFAULT_LIFETIME;
    int hopLimit = -1;
    int hopLimitAt = -1;
    int nonceAt = -1;
    int insertNonceAt = -1;
    int fhStart = -1;
    int fhEnd = -1;
    int paramsStart = -1;
    int sigInfoStart = -1;
    int sigInfoEnd = -1;
    int sigValueStart = -1;
    int sigValueEnd = -1;
    int last = 1;
    while (p < elemEnd) {
      int ctype;
      int clen;
      int v;
      int t0 = buf.get(p) & 0xff;
      int l0 = p + 1 < elemEnd ? buf.get(p + 1) & 0xff : 0xff;
      if (t0 != 0 && t0 < 253 && l0 < 253 && l0 <= elemEnd - p - 2) {
        // fast path: one-octet TLV-TYPE and TLV-LENGTH, as every field of a typical Interest
        ctype = t0;
        clen = l0;
        v = p + 2;
      } else {
        ctype = Tlv.readType(buf, p, elemEnd, base, CTX);
        int lp = p + Tlv.varNumberSize(buf.get(p));
        clen = Tlv.readLength(buf, lp, elemEnd, base, CTX);
        v = lp + Tlv.varNumberSize(buf.get(lp));
      }
      int next = v + clen;
      int slot = paramsStart >= 0 && ctype != TlvTypes.INTEREST_SIGNATURE_INFO
          && ctype != TlvTypes.INTEREST_SIGNATURE_VALUE && !TlvTypes.isCritical(ctype & 0xffffffffL)
          ? TlvRules.SKIP : RULES.classify(ctype, last, p, base);
      switch (slot) {
        case TlvRules.SKIP:
          break;
        case 2:
          expectEmpty(clen, "CanBePrefix", p, base);
          flags |= F_CAN_BE_PREFIX;
          break;
        case 3:
          expectEmpty(clen, "MustBeFresh", p, base);
          flags |= F_MUST_BE_FRESH;
          break;
        case 4:
          validateForwardingHint(buf, v, next, base);
          fhStart = v;
          fhEnd = next;
          break;
        case 5:
          if (clen != 4) {
            throw new TlvException(CTX + ": Nonce length " + clen + ", expected 4", p - base);
          }
          nonce = Tlv.i32(buf, v);
          nonceAt = v;
          flags |= F_NONCE;
          break;
        case 6:
          lifetime = Tlv.readNonNegativeInteger(buf, v, clen, base, "InterestLifetime");
          if (lifetime < 0) {
            throw new TlvException(CTX + ": InterestLifetime above 2^63-1", p - base);
          }
          break;
        case 7:
          if (clen != 1) {
            throw new TlvException(CTX + ": HopLimit length " + clen + ", expected 1", p - base);
          }
          hopLimit = buf.get(v) & 0xff;
          hopLimitAt = v;
          break;
        case 8:
          paramsStart = p;
          break;
        case 9:
          if (paramsStart < 0) {
            slot = TlvRules.SKIP;
            break;
          }
          SignatureInfo.decode(buf, p, next, base, true);
          sigInfoStart = p;
          sigInfoEnd = next;
          break;
        case 10:
          if (paramsStart < 0 || sigInfoStart < 0) {
            slot = TlvRules.SKIP;
            break;
          }
          sigValueStart = v;
          sigValueEnd = next;
          break;
        default:
          throw new IllegalStateException("unhandled Interest slot " + slot);
      }
      if (slot != TlvRules.SKIP) {
        if (slot > 5 && insertNonceAt < 0) {
          insertNonceAt = p;
        }
        last = slot;
      }
      p = next;
    }
    if (insertNonceAt < 0) {
      insertNonceAt = elemEnd;
    }
    Interest interest = new Interest(buf, off, elemEnd, name, flags, nonce, lifetime, hopLimit, hopLimitAt,
        nonceAt, insertNonceAt, fhStart, fhEnd, paramsStart, sigInfoStart, sigInfoEnd, sigValueStart, sigValueEnd,
        digestIndex);
    if ((paramsStart >= 0 || digestIndex >= 0) && !interest.isParametersDigestValid()) {
      throw new TlvException(CTX + (paramsStart < 0
          ? ": ParametersSha256DigestComponent without ApplicationParameters"
          : digestIndex < 0 ? ": ApplicationParameters without ParametersSha256DigestComponent"
          : ": ParametersSha256DigestComponent does not match the SHA-256 of the parameters"), off - base);
    }
    return interest;
  }

  private static void expectEmpty(int len, String what, int off, int base) {
    if (len != 0) {
      throw new TlvException(CTX + ": " + what + " has non-zero TLV-LENGTH " + len, off - base);
    }
  }

  private static void validateForwardingHint(ByteBuffer buf, int from, int to, int base) {
    int p = from;
    while (p < to) {
      int t = Tlv.readType(buf, p, to, base, "ForwardingHint");
      int next = Tlv.elementEnd(buf, p, to, base, "ForwardingHint");
      if (t == TlvTypes.NAME) {
        Name.decode(buf, p, next, base);
      } else if (t == TlvTypes.LINK_DELEGATION) {
        delegationName(buf, p, next, base);
      } else if (TlvTypes.isCritical(t & 0xffffffffL)) {
        throw new TlvException("ForwardingHint: unexpected critical element " + TlvTypes.name(t), p - base);
      }
      p = next;
    }
  }

  private static Name delegationName(ByteBuffer buf, int off, int end, int base) {
    int q = Tlv.valueStart(buf, off);
    Name found = null;
    while (q < end) {
      int t = Tlv.readType(buf, q, end, base, "LinkDelegation");
      int next = Tlv.elementEnd(buf, q, end, base, "LinkDelegation");
      if (t == TlvTypes.NAME && found == null) {
        found = Name.decode(buf, q, next, base);
      }
      q = next;
    }
    if (found == null) {
      throw new TlvException("ForwardingHint: LinkDelegation without Name", off - base);
    }
    return found;
  }

  /** The Interest's name (a view; never empty). */
  public Name name() {
    return name;
  }

  /** Whether CanBePrefix is present. */
  public boolean canBePrefix() {
    return (flags & F_CAN_BE_PREFIX) != 0;
  }

  /** Whether MustBeFresh is present. */
  public boolean mustBeFresh() {
    return (flags & F_MUST_BE_FRESH) != 0;
  }

  /** Whether a Nonce is present. */
  public boolean hasNonce() {
    return (flags & F_NONCE) != 0;
  }

  /** The Nonce as a big-endian 32-bit value (0 when absent; see {@link #hasNonce()}). */
  public int nonce() {
    return nonce;
  }

  /** InterestLifetime in milliseconds, {@link #DEFAULT_LIFETIME} when absent. */
  public long lifetime() {
    return lifetime;
  }

  /** Whether a HopLimit is present. */
  public boolean hasHopLimit() {
    return hopLimit >= 0;
  }

  /** HopLimit 0..255, or -1 when absent. */
  public int hopLimit() {
    return hopLimit;
  }

  /** The ForwardingHint names (decoded on each call); empty if absent. */
  public List<Name> forwardingHint() {
    if (fhStart < 0) {
      return Collections.emptyList();
    }
    List<Name> out = new ArrayList<>();
    int p = fhStart;
    while (p < fhEnd) {
      int t = Tlv.readType(buf, p, fhEnd, 0, "ForwardingHint");
      int next = Tlv.elementEnd(buf, p, fhEnd, 0, "ForwardingHint");
      if (t == TlvTypes.NAME) {
        out.add(Name.decode(buf, p, next, 0));
      } else if (t == TlvTypes.LINK_DELEGATION) {
        out.add(delegationName(buf, p, next, 0));
      }
      p = next;
    }
    return out;
  }

  /** Whether ApplicationParameters is present. */
  public boolean hasApplicationParameters() {
    return paramsStart >= 0;
  }

  /** The value of ApplicationParameters as a read-only view, or null if absent. */
  public ByteBuffer applicationParameters() {
    if (paramsStart < 0) {
      return null;
    }
    int v = Tlv.valueStart(buf, paramsStart);
    int e = Tlv.elementEnd(buf, paramsStart, end, 0, CTX);
    return Tlv.view(buf, v, e - v);
  }

  /** The InterestSignatureInfo, or null if the Interest is not signed. */
  public SignatureInfo signatureInfo() {
    return sigInfoStart < 0 ? null : SignatureInfo.decode(buf, sigInfoStart, sigInfoEnd, 0, true);
  }

  /** The value of InterestSignatureValue as a read-only view, or null if absent. */
  public ByteBuffer signatureValue() {
    return sigValueStart < 0 ? null : Tlv.view(buf, sigValueStart, sigValueEnd - sigValueStart);
  }

  /**
   * Whether the ParametersSha256DigestComponent agrees with the parameters: absent together with
   * ApplicationParameters, or equal to the SHA-256 of everything from ApplicationParameters to the end (the
   * specification's wording) or of the same without a HopLimit or second ApplicationParameters there (ndn-cxx, which
   * ignores those as out of order and leaves them out of what it hashes). Both readings are accepted.
   */
  public boolean isParametersDigestValid() {
    if (paramsDigestIndex < 0) {
      return paramsStart < 0;
    }
    if (paramsStart < 0) {
      return false;
    }
    int v = Tlv.valueStart(buf, name.comps[paramsDigestIndex]);
    if (digestAt(v, Sha256.digest(buf, paramsStart, end - paramsStart))) {
      return true;
    }
    // ndn-cxx's reading (Interest::wireDecode): out-of-order HopLimit and ApplicationParameters are not hashed
    Sha256 h = new Sha256();
    boolean skipped = false;
    for (int p = paramsStart; p < end; ) {
      int t = Tlv.readType(buf, p, end, 0, CTX);
      int next = Tlv.elementEnd(buf, p, end, 0, CTX);
      if (p == paramsStart || t != TlvTypes.HOP_LIMIT && t != TlvTypes.APPLICATION_PARAMETERS) {
        h.update(buf, p, next - p);
      } else {
        skipped = true;
      }
      p = next;
    }
    return skipped && digestAt(v, h.digest());
  }

  private boolean digestAt(int v, byte[] d) {
    for (int i = 0; i < 32; i++) {
      if (buf.get(v + i) != d[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The signed portions of a v0.3 signed Interest, for signers and verifiers: the name's components except the
   * ParametersSha256DigestComponent, then ApplicationParameters through InterestSignatureInfo. Returned as two
   * read-only views to feed to a signature function in order.
   *
   * @throws IllegalStateException if the Interest has no InterestSignatureInfo
   */
  public ByteBuffer[] signedPortions() {
    if (sigInfoStart < 0 || paramsDigestIndex < 0) {
      throw new IllegalStateException("Interest is not signed (no InterestSignatureInfo)");
    }
    int n0 = name.comps[0];
    int nd = name.comps[paramsDigestIndex];
    int nAfter = name.comps[paramsDigestIndex + 1];
    int nEnd = name.comps[name.size()];
    if (nAfter != nEnd) {
      // digest component not last: components after it are signed too
      byte[] joined = new byte[(nd - n0) + (nEnd - nAfter)];
      for (int i = n0; i < nd; i++) {
        joined[i - n0] = buf.get(i);
      }
      for (int i = nAfter; i < nEnd; i++) {
        joined[nd - n0 + i - nAfter] = buf.get(i);
      }
      return new ByteBuffer[] {ByteBuffer.wrap(joined).asReadOnlyBuffer(),
          Tlv.view(buf, paramsStart, sigInfoEnd - paramsStart)};
    }
    return new ByteBuffer[] {Tlv.view(buf, n0, nd - n0), Tlv.view(buf, paramsStart, sigInfoEnd - paramsStart)};
  }

  /** The whole Interest element, exactly as received or built, as a read-only view. */
  public ByteBuffer wire() {
    return Tlv.view(buf, start, end - start);
  }

  /** Size of the whole element in octets. */
  public int wireLength() {
    return end - start;
  }

  /**
   * This Interest with HopLimit set to {@code hopLimit}: if present, one octet of a copy is patched; otherwise
   * the element is inserted. Everything else, unknown elements included, is kept.
   */
  public Interest withHopLimit(int hopLimit) {
    if (hopLimit < 0 || hopLimit > 255) {
      throw new IllegalArgumentException("HopLimit must be in 0..255, got " + hopLimit);
    }
    if (hopLimitAt >= 0) {
      byte[] copy = Tlv.copy(buf, start, end - start);
      copy[hopLimitAt - start] = (byte) hopLimit;
      return decode(ByteBuffer.wrap(copy));
    }
    int at = paramsStart >= 0 ? paramsStart : end;
    return insert(at, new byte[] {TlvTypes.HOP_LIMIT, 1, (byte) hopLimit});
  }

  /** This Interest with the given Nonce: patched in a copy if present, inserted in spec order otherwise. */
  public Interest withNonce(int newNonce) {
    if (nonceAt >= 0) {
      byte[] copy = Tlv.copy(buf, start, end - start);
      int i = nonceAt - start;
      copy[i] = (byte) (newNonce >>> 24);
      copy[i + 1] = (byte) (newNonce >>> 16);
      copy[i + 2] = (byte) (newNonce >>> 8);
      copy[i + 3] = (byte) newNonce;
      return decode(ByteBuffer.wrap(copy));
    }
    return insert(insertNonceAt, new byte[] {TlvTypes.NONCE, 4, (byte) (newNonce >>> 24), (byte) (newNonce >>> 16),
        (byte) (newNonce >>> 8), (byte) newNonce});
  }

  private Interest insert(int at, byte[] element) {
    int valueStart = Tlv.valueStart(buf, start);
    int oldLen = end - valueStart;
    TlvEncoder enc = new TlvEncoder(oldLen + element.length + 10);
    enc.prependBytes(buf, at, end - at);
    enc.prependBytes(element, 0, element.length);
    enc.prependBytes(buf, valueStart, at - valueStart);
    enc.prependHeader(TlvTypes.INTEREST, oldLen + element.length);
    return decode(enc.toBuffer());
  }

  /**
   * Whether {@code data} satisfies this Interest: same name, or a longer one if CanBePrefix, or the Data's full
   * name when the Interest ends with an ImplicitSha256DigestComponent; and fresh when MustBeFresh.
   */
  public boolean matches(Data data) {
    Name dn = data.name();
    int n = name.size();
    if (n == dn.size() + 1) {
      if (name.componentType(n - 1) != TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT
          || !name.getPrefix(n - 1).equals(dn)) {
        return false;
      }
      byte[] d = data.implicitDigest();
      int v = Tlv.valueStart(name.buf, name.comps[n - 1]);
      for (int i = 0; i < 32; i++) {
        if (name.buf.get(v + i) != d[i]) {
          return false;
        }
      }
    } else if (canBePrefix() ? !name.isPrefixOf(dn) : !name.equals(dn)) {
      return false;
    }
    return !mustBeFresh() || data.freshnessPeriod() > 0;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name.toString());
    char sep = '?';
    if (canBePrefix()) {
      sb.append(sep).append("CanBePrefix");
      sep = '&';
    }
    if (mustBeFresh()) {
      sb.append(sep).append("MustBeFresh");
      sep = '&';
    }
    if (hasNonce()) {
      sb.append(sep).append("Nonce=").append(Hex.encode(new byte[] {(byte) (nonce >>> 24), (byte) (nonce >>> 16),
          (byte) (nonce >>> 8), (byte) nonce}));
      sep = '&';
    }
    if (lifetime != DEFAULT_LIFETIME) {
      sb.append(sep).append("Lifetime=").append(lifetime);
      sep = '&';
    }
    if (hasHopLimit()) {
      sb.append(sep).append("HopLimit=").append(hopLimit);
    }
    return sb.toString();
  }

  /** A builder for an Interest named {@code name}. */
  public static Builder builder(Name name) {
    return new Builder(name);
  }

  /**
   * Builds an Interest and encodes it once. When ApplicationParameters (or a signature) is set, the
   * ParametersSha256DigestComponent is computed and placed in the name (replacing an existing one, else
   * appended).
   */
  public static final class Builder {
    private Name name;
    private boolean canBePrefix;
    private boolean mustBeFresh;
    private List<Name> forwardingHint = Collections.emptyList();
    private boolean hasNonce;
    private int nonce;
    private long lifetime = -1;
    private int hopLimit = -1;
    private byte[] appParameters;
    private SignatureInfo signatureInfo;
    private byte[] signatureValue;

    private Builder(Name name) {
      this.name = name;
    }

    /** Sets the name. */
    public Builder name(Name n) {
      this.name = n;
      return this;
    }

    /** Sets CanBePrefix. */
    public Builder canBePrefix(boolean v) {
      canBePrefix = v;
      return this;
    }

    /** Sets MustBeFresh. */
    public Builder mustBeFresh(boolean v) {
      mustBeFresh = v;
      return this;
    }

    /** Sets the ForwardingHint names (encoded in the v0.3 form: a sequence of Names). */
    public Builder forwardingHint(List<Name> names) {
      forwardingHint = List.copyOf(names);
      return this;
    }

    /** Sets the Nonce. */
    public Builder nonce(int n) {
      hasNonce = true;
      nonce = n;
      return this;
    }

    /** Sets InterestLifetime in milliseconds; the default (4000) is written only if set explicitly. */
    public Builder lifetime(long millis) {
      if (millis < 0) {
        throw new IllegalArgumentException("InterestLifetime must be >= 0, got " + millis);
      }
      lifetime = millis;
      return this;
    }

    /** Sets HopLimit (0..255). */
    public Builder hopLimit(int h) {
      if (h < 0 || h > 255) {
        throw new IllegalArgumentException("HopLimit must be in 0..255, got " + h);
      }
      hopLimit = h;
      return this;
    }

    /** Sets the ApplicationParameters value (copied). */
    public Builder applicationParameters(byte[] value) {
      appParameters = value == null ? null : value.clone();
      return this;
    }

    /** Sets the InterestSignatureInfo (a signer also sets the value). */
    public Builder signatureInfo(SignatureInfo info) {
      signatureInfo = info;
      return this;
    }

    /** Sets the InterestSignatureValue (copied). */
    public Builder signatureValue(byte[] value) {
      signatureValue = value == null ? null : value.clone();
      return this;
    }

    /** Encodes the Interest; the result is a view over its own new buffer. */
    public Interest build() {
      if (name == null || name.isEmpty()) {
        throw new IllegalStateException("an Interest needs a non-empty name");
      }
      if (signatureValue != null && signatureInfo == null) {
        throw new IllegalStateException("InterestSignatureValue needs InterestSignatureInfo");
      }
      TlvEncoder enc = new TlvEncoder(name.valueLength() + 64 + (appParameters == null ? 0 : appParameters.length));
      Name n = name;
      if (appParameters != null || signatureInfo != null) {
        if (signatureValue != null) {
          enc.prependBytesTlv(TlvTypes.INTEREST_SIGNATURE_VALUE, signatureValue);
        }
        if (signatureInfo != null) {
          signatureInfo.prependTo(enc, true);
        }
        byte[] ap = appParameters == null ? new byte[0] : appParameters;
        enc.prependBytesTlv(TlvTypes.APPLICATION_PARAMETERS, ap);
        byte[] params = enc.toByteArray();
        n = withParametersDigest(name, Sha256.digest(params), signatureInfo != null);
      } else {
        for (int i = 0; i < n.size(); i++) {
          if (n.componentType(i) == TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT) {
            throw new IllegalStateException("name has a ParametersSha256DigestComponent but no parameters");
          }
        }
      }
      if (hopLimit >= 0) {
        enc.prependByte(hopLimit);
        enc.prependHeader(TlvTypes.HOP_LIMIT, 1);
      }
      if (lifetime >= 0) {
        enc.prependNonNegativeIntegerTlv(TlvTypes.INTEREST_LIFETIME, lifetime);
      }
      if (hasNonce) {
        for (int i = 0; i < 4; i++) {
          enc.prependByte(nonce >>> (8 * i));
        }
        enc.prependHeader(TlvTypes.NONCE, 4);
      }
      if (!forwardingHint.isEmpty()) {
        int mark = enc.size();
        for (int i = forwardingHint.size() - 1; i >= 0; i--) {
          forwardingHint.get(i).prependTo(enc);
        }
        enc.prependHeader(TlvTypes.FORWARDING_HINT, enc.size() - mark);
      }
      if (mustBeFresh) {
        enc.prependEmptyTlv(TlvTypes.MUST_BE_FRESH);
      }
      if (canBePrefix) {
        enc.prependEmptyTlv(TlvTypes.CAN_BE_PREFIX);
      }
      n.prependTo(enc);
      enc.prependHeader(TlvTypes.INTEREST, enc.size());
      return decode(enc.toBuffer());
    }

    /**
     * The name with its ParametersSha256DigestComponent set to {@code digest}: replaced in place (as ndn-cxx does),
     * or appended; a signed Interest always has it last, as the v0.3 signed Interest format requires.
     */
    private static Name withParametersDigest(Name name, byte[] digest, boolean signed) {
      Component dc = Component.parametersDigest(digest);
      List<Component> comps = new ArrayList<>(name.size() + 1);
      boolean replaced = false;
      for (int i = 0; i < name.size(); i++) {
        if (signed && name.componentType(i) == TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT) {
          continue;
        }
        if (name.componentType(i) == TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT) {
          if (replaced) {
            throw new IllegalStateException("name has more than one ParametersSha256DigestComponent");
          }
          comps.add(dc);
          replaced = true;
        } else {
          comps.add(name.get(i));
        }
      }
      if (!replaced) {
        comps.add(dc);
      }
      return Name.of(comps);
    }
  }
}
