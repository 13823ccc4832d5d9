package dev.ndnj.tlv;

import java.nio.ByteBuffer;

/**
 * A Data packet (NDN packet format v0.3), held as a view over its wire encoding.
 *
 * <p>Immutable. {@link #decode} validates the whole element (Name, MetaInfo, Content, SignatureInfo,
 * SignatureValue, with the evolvability rules) and records offsets; {@link #wire()} returns the original bytes.
 * {@link #decodeHead} reads only what a forwarder needs (Name, MetaInfo, where Content is) and leaves the elements
 * after Content (SignatureInfo, SignatureValue) to be read and checked on first use, so that forwarding a large Data
 * does not touch its last octets. The implicit digest (SHA-256 of the whole element) is computed on first use and
 * kept. Build Data with {@link #builder}; {@link Builder#signWithDigestSha256()} makes a DigestSha256 signature,
 * other signature types come from the security module through {@link Builder#build(SignatureInfo, byte[])} and
 * {@link #signedPortion()}.
 */
public final class Data {
  private static final String CTX = "Data";
  static final TlvRules RULES = TlvRules.of(CTX, TlvTypes.NAME, TlvTypes.META_INFO, TlvTypes.CONTENT,
      TlvTypes.SIGNATURE_INFO, TlvTypes.SIGNATURE_VALUE);
  static final TlvRules META_RULES = TlvRules.of("MetaInfo", TlvTypes.CONTENT_TYPE, TlvTypes.FRESHNESS_PERIOD,
      TlvTypes.FINAL_BLOCK_ID);
  private static final int CONTENT_SLOT = 3;

  private final ByteBuffer buf;
  private final int start;
  private final int end;
  private final Name name;
  private final int contentType;
  private final long freshnessPeriod;
  private final int finalBlockStart;
  private final int finalBlockEnd;
  private final int contentStart;
  private final int contentEnd;
  /** Where the elements not read yet begin (after Content), or -1 when the whole element was read. */
  private final int tailStart;
  /** The elements after Content once read: by {@link #decode} at once, after {@link #decodeHead} on first use. */
  private Signature signature;
  private byte[] implicitDigest;

  private Data(ByteBuffer buf, int start, int end, Name name, int contentType, long freshnessPeriod,
      int finalBlockStart, int finalBlockEnd, int contentStart, int contentEnd, int tailStart, Signature signature) {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.name = name;
    this.contentType = contentType;
    this.freshnessPeriod = freshnessPeriod;
    this.finalBlockStart = finalBlockStart;
    this.finalBlockEnd = finalBlockEnd;
    this.contentStart = contentStart;
    this.contentEnd = contentEnd;
    this.tailStart = tailStart;
    this.signature = signature;
  }

  /**
   * SignatureInfo and SignatureValue as read from the wire. Immutable (final fields), so a Data whose tail one thread
   * reads lazily is safe to share: another thread sees either null (and reads it again) or the whole record.
   */
  private static final class Signature {
    final SignatureInfo info;
    final int infoEnd;
    final int valueStart;
    final int valueEnd;

    Signature(SignatureInfo info, int infoEnd, int valueStart, int valueEnd) {
      this.info = info;
      this.infoEnd = infoEnd;
      this.valueStart = valueStart;
      this.valueEnd = valueEnd;
    }
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one Data element. The Data is a view: the caller
   * must not change those octets afterwards. Position and limit are not modified.
   *
   * @throws TlvException if the octets are not a valid Data
   */
  public static Data decode(ByteBuffer wire) {
    return decodeWhole(wire, false);
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one Data element, as a forwarder reads it: the
   * element's TLV-TYPE and TLV-LENGTH, the Name, MetaInfo and Content's bounds are read and checked now (with the same
   * errors as {@link #decode}); the elements after Content are read and checked only when first needed
   * ({@link #signatureInfo()}, {@link #signatureValue()}, {@link #signedPortion()}, {@link #verifyDigestSha256()},
   * {@link #checkSignatureElements()}), which then throw the {@link TlvException} that {@link #decode} would have
   * thrown. Forwarding never reads them: a Data of several kilobytes is decoded without touching its last cache lines.
   * A view, as with {@link #decode}.
   *
   * @throws TlvException if the element's header, Name, MetaInfo or the order of its elements up to Content is invalid
   */
  public static Data decodeHead(ByteBuffer wire) {
    return decodeWhole(wire, true);
  }

  private static Data decodeWhole(ByteBuffer wire, boolean head) {
    int off = wire.position();
    int limit = wire.limit();
    if (off < limit && Tlv.readType(wire, off, limit, off, CTX) == TlvTypes.DATA) {
      // octets after the element are reported before anything inside it, so that both decoders report the same
      // error whatever part of the element decodeHead leaves for later
      int elemEnd = Tlv.elementEnd(wire, off, limit, off, CTX);
      if (elemEnd != limit) {
        throw new TlvException(CTX + ": " + (limit - elemEnd) + " trailing octets after the element", elemEnd - off);
      }
    }
    return decode(wire, off, limit, off, head);
  }

  /** Decodes the Data element at absolute offset {@code off} of {@code buf} (ending by {@code end}); a view. */
  public static Data decode(ByteBuffer buf, int off, int end, int base) {
    return decode(buf, off, end, base, false);
  }

  private static Data decode(ByteBuffer buf, int off, int end, int base, boolean head) {
    int type = Tlv.readType(buf, off, end, base, CTX);
    if (type != TlvTypes.DATA) {
      throw new TlvException(CTX + ": expected TLV-TYPE 6, got " + Long.toString(type & 0xffffffffL), off - base);
    }
    int elemEnd = Tlv.elementEnd(buf, off, end, base, CTX);
    int p = Tlv.valueStart(buf, off);
    if (p >= elemEnd || Tlv.readType(buf, p, elemEnd, base, CTX) != TlvTypes.NAME) {
      throw new TlvException(CTX + ": Name element is missing or out of order", p - base);
    }
    Name name = Name.decode(buf, p, elemEnd, base);
    p = name.comps[name.size()];
    int contentType = TlvTypes.CONTENT_TYPE_BLOB;
    long freshness = 0;
    int fbStart = -1;
    int fbEnd = -1;
    int cStart = -1;
    int cEnd = -1;
    int last = 1;
    while (p < elemEnd) {
      int ct = Tlv.readType(buf, p, elemEnd, base, CTX);
      int next = Tlv.elementEnd(buf, p, elemEnd, base, CTX);
      int v = Tlv.valueStart(buf, p);
      int slot = RULES.classify(ct, last, p, base);
      switch (slot) {
        case TlvRules.SKIP:
          break;
        case 2: {
          int mlast = 0;
          int q = v;
          while (q < next) {
            int mt = Tlv.readType(buf, q, next, base, "MetaInfo");
            int mnext = Tlv.elementEnd(buf, q, next, base, "MetaInfo");
            int mv = Tlv.valueStart(buf, q);
            int mslot = META_RULES.classify(mt, mlast, q, base);
            if (mslot == 1) {
              long c = Tlv.readNonNegativeInteger(buf, mv, mnext - mv, base, "ContentType");
              if (c < 0 || c > Integer.MAX_VALUE) {
                throw new TlvException("MetaInfo: ContentType out of range", q - base);
              }
              contentType = (int) c;
            } else if (mslot == 2) {
              freshness = Tlv.readNonNegativeInteger(buf, mv, mnext - mv, base, "FreshnessPeriod");
              if (freshness < 0) {
                throw new TlvException("MetaInfo: FreshnessPeriod above 2^63-1", q - base);
              }
            } else if (mslot == 3) {
              Name fb = Name.decodeValue(buf, -1, mv, mnext, base);
              if (fb.size() != 1) {
                throw new TlvException("MetaInfo: FinalBlockId must hold exactly one name component", q - base);
              }
              fbStart = mv;
              fbEnd = mnext;
            }
            if (mslot != TlvRules.SKIP) {
              mlast = mslot;
            }
            q = mnext;
          }
          break;
        }
        case CONTENT_SLOT:
          cStart = v;
          cEnd = next;
          break;
        default:
          break; // SignatureInfo or SignatureValue: read below, from the first element after Content
      }
      if (slot > CONTENT_SLOT) {
        break;
      }
      if (slot != TlvRules.SKIP) {
        last = slot;
      }
      p = next;
      if (slot == CONTENT_SLOT) {
        break;
      }
    }
    Data d = new Data(buf, off, elemEnd, name, contentType, freshness, fbStart, fbEnd, cStart, cEnd, head ? p : -1,
        null);
    if (!head) {
      d.signature = readSignature(buf, p, elemEnd, base, off, last);
    }
    return d;
  }

  /**
   * Reads the elements from {@code p} (the first after Content, or after MetaInfo or Name when those come last) to
   * the element's end {@code elemEnd}: SignatureInfo and SignatureValue, required, in order, unknown non-critical
   * elements skipped; {@code last} is the slot of the last element read before.
   */
  private static Signature readSignature(ByteBuffer buf, int p, int elemEnd, int base, int off, int last) {
    SignatureInfo si = null;
    int siEnd = -1;
    int svStart = -1;
    int svEnd = -1;
    while (p < elemEnd) {
      int ct = Tlv.readType(buf, p, elemEnd, base, CTX);
      int next = Tlv.elementEnd(buf, p, elemEnd, base, CTX);
      int v = Tlv.valueStart(buf, p);
      int slot = RULES.classify(ct, last, p, base);
      switch (slot) {
        case TlvRules.SKIP:
          break;
        case 4:
          si = SignatureInfo.decode(buf, p, next, base, false);
          siEnd = next;
          break;
        case 5:
          svStart = v;
          svEnd = next;
          break;
        default:
          throw new IllegalStateException("unhandled Data slot " + slot);
      }
      if (slot != TlvRules.SKIP) {
        last = slot;
      }
      p = next;
    }
    if (si == null) {
      throw new TlvException(CTX + ": SignatureInfo element is missing", off - base);
    }
    if (svStart < 0) {
      throw new TlvException(CTX + ": SignatureValue element is missing", off - base);
    }
    return new Signature(si, siEnd, svStart, svEnd);
  }

  /** The elements after Content, read now if {@link #decodeHead} left them. */
  private Signature signature() {
    Signature sig = signature;
    if (sig == null) {
      // the slot of the element before tailStart does not matter here: what follows Content may only be slots 4, 5
      sig = readSignature(buf, tailStart, end, start, start, CONTENT_SLOT);
      signature = sig;
    }
    return sig;
  }

  /**
   * Reads and checks SignatureInfo and SignatureValue if {@link #decodeHead} left them unread (nothing to do after
   * {@link #decode} or {@link Builder}): after it returns, this Data is one {@link #decode} would have accepted.
   *
   * @throws TlvException if they are missing, out of order or malformed
   */
  public void checkSignatureElements() {
    signature();
  }

  /** The Data's name (a view). */
  public Name name() {
    return name;
  }

  /** ContentType (0 = Blob when absent). */
  public int contentType() {
    return contentType;
  }

  /** FreshnessPeriod in milliseconds (0 when absent). */
  public long freshnessPeriod() {
    return freshnessPeriod;
  }

  /** FinalBlockId's name component (a view), or null. */
  public Component finalBlockId() {
    return finalBlockStart < 0 ? null : Component.at(buf, finalBlockStart, finalBlockEnd);
  }

  /** Whether a Content element is present. */
  public boolean hasContent() {
    return contentStart >= 0;
  }

  /** The Content value as a read-only view (empty when absent). */
  public ByteBuffer content() {
    return contentStart < 0 ? ByteBuffer.allocate(0).asReadOnlyBuffer()
        : Tlv.view(buf, contentStart, contentEnd - contentStart);
  }

  /** Length of the Content value. */
  public int contentLength() {
    return contentStart < 0 ? 0 : contentEnd - contentStart;
  }

  /** The SignatureInfo. */
  public SignatureInfo signatureInfo() {
    return signature().info;
  }

  /** The SignatureValue's value as a read-only view. */
  public ByteBuffer signatureValue() {
    Signature sig = signature();
    return Tlv.view(buf, sig.valueStart, sig.valueEnd - sig.valueStart);
  }

  /**
   * The signed portion (from the Name through SignatureInfo, as the specification defines it) as a read-only view.
   */
  public ByteBuffer signedPortion() {
    int v = name.comps[0] - (name.wireLength() - name.valueLength());
    return Tlv.view(buf, v, signature().infoEnd - v);
  }

  /** Whether this Data carries a DigestSha256 signature whose value is the SHA-256 of the signed portion. */
  public boolean verifyDigestSha256() {
    Signature sig = signature();
    if (sig.info.type() != TlvTypes.SIGNATURE_DIGEST_SHA256 || sig.valueEnd - sig.valueStart != 32) {
      return false;
    }
    ByteBuffer sp = signedPortion();
    byte[] d = Sha256.digest(sp, sp.position(), sp.remaining());
    for (int i = 0; i < 32; i++) {
      if (buf.get(sig.valueStart + i) != d[i]) {
        return false;
      }
    }
    return true;
  }

  /** The implicit digest: SHA-256 of the whole Data element (computed once; a copy is returned). */
  public byte[] implicitDigest() {
    byte[] d = implicitDigest;
    if (d == null) {
      d = Sha256.digest(buf, start, end - start);
      implicitDigest = d;
    }
    return d.clone();
  }

  /** The full name: the name followed by the ImplicitSha256DigestComponent. */
  public Name fullName() {
    return name.append(Component.implicitDigest(implicitDigest()));
  }

  /** The whole Data element, exactly as received or built, as a read-only view. */
  public ByteBuffer wire() {
    return Tlv.view(buf, start, end - start);
  }

  /**
   * The array that holds this Data's whole element from {@link #wireArrayOffset()} on, for {@link #wireLength()}
   * octets, or null if the Data is a view of a buffer without an accessible array (read-only or direct). Lets a sender
   * copy the octets out without making a view. The array is the packet's own: it must not be modified.
   */
  public byte[] wireArray() {
    return buf.hasArray() ? buf.array() : null;
  }

  /** Where this Data's element starts in {@link #wireArray()} (meaningless when that is null). */
  public int wireArrayOffset() {
    return buf.hasArray() ? buf.arrayOffset() + start : 0;
  }

  /** Size of the whole element in octets. */
  public int wireLength() {
    return end - start;
  }

  @Override
  public String toString() {
    String sig;
    try {
      sig = String.valueOf(signature().info);
    } catch (TlvException e) {
      sig = "malformed signature elements";
    }
    return "Data(" + name + ", content " + contentLength() + " octets, type " + contentType + ", freshness "
        + freshnessPeriod + " ms, " + sig + ")";
  }

  /** A builder for a Data named {@code name}. */
  public static Builder builder(Name name) {
    return new Builder(name);
  }

  /** Builds and signs a Data; each build encodes once. */
  public static final class Builder {
    private final Name name;
    private int contentType = -1;
    private long freshnessPeriod = -1;
    private Component finalBlockId;
    private byte[] content;

    private Builder(Name name) {
      if (name == null) {
        throw new IllegalArgumentException("name is required");
      }
      this.name = name;
    }

    /** Sets ContentType (written only when set). */
    public Builder contentType(int type) {
      if (type < 0) {
        throw new IllegalArgumentException("ContentType must be >= 0");
      }
      contentType = type;
      return this;
    }

    /** Sets FreshnessPeriod in milliseconds (written only when set). */
    public Builder freshnessPeriod(long millis) {
      if (millis < 0) {
        throw new IllegalArgumentException("FreshnessPeriod must be >= 0");
      }
      freshnessPeriod = millis;
      return this;
    }

    /** Sets FinalBlockId. */
    public Builder finalBlockId(Component c) {
      finalBlockId = c;
      return this;
    }

    /** Sets the Content value (copied). */
    public Builder content(byte[] value) {
      content = value == null ? null : value.clone();
      return this;
    }

    /** Sets the Content value from the remaining octets of {@code value} (copied; position unchanged). */
    public Builder content(ByteBuffer value) {
      content = Tlv.copy(value, value.position(), value.remaining());
      return this;
    }

    /** Encodes Name, MetaInfo, Content and {@code info}: the octets a signer signs (owned by the caller). */
    public byte[] signedPortion(SignatureInfo info) {
      TlvEncoder enc = new TlvEncoder(estimate());
      prependUnsigned(enc, info);
      return enc.toByteArray();
    }

    /** Builds with the given SignatureInfo and SignatureValue (from any signer). */
    public Data build(SignatureInfo info, byte[] signatureValue) {
      TlvEncoder enc = new TlvEncoder(estimate() + signatureValue.length);
      enc.prependBytesTlv(TlvTypes.SIGNATURE_VALUE, signatureValue);
      prependUnsigned(enc, info);
      enc.prependHeader(TlvTypes.DATA, enc.size());
      return decode(enc.toBuffer());
    }

    /** Builds with a DigestSha256 signature (SignatureType 0, value = SHA-256 of the signed portion). */
    public Data signWithDigestSha256() {
      SignatureInfo info = SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256).build();
      return build(info, Sha256.digest(signedPortion(info)));
    }

    private int estimate() {
      return name.valueLength() + (content == null ? 0 : content.length) + 96;
    }

    private void prependUnsigned(TlvEncoder enc, SignatureInfo info) {
      info.prependTo(enc, false);
      if (content != null) {
        enc.prependBytesTlv(TlvTypes.CONTENT, content);
      }
      if (contentType >= 0 || freshnessPeriod >= 0 || finalBlockId != null) {
        int mark = enc.size();
        if (finalBlockId != null) {
          enc.prependBytes(finalBlockId.buf, finalBlockId.start, finalBlockId.wireLength());
          enc.prependHeader(TlvTypes.FINAL_BLOCK_ID, finalBlockId.wireLength());
        }
        if (freshnessPeriod >= 0) {
          enc.prependNonNegativeIntegerTlv(TlvTypes.FRESHNESS_PERIOD, freshnessPeriod);
        }
        if (contentType >= 0) {
          enc.prependNonNegativeIntegerTlv(TlvTypes.CONTENT_TYPE, contentType);
        }
        enc.prependHeader(TlvTypes.META_INFO, enc.size() - mark);
      }
      name.prependTo(enc);
    }
  }
}
