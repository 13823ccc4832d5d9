package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvRules;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * FaceQueryFilter (TLV-TYPE 0x96): the argument of faces/query, carried as the name component after
 * {@code /localhost/nfd/faces/query}. Every field is optional, in this order: FaceId, UriScheme, Uri, LocalUri,
 * FaceScope, FacePersistency, LinkType. As in ndn-cxx an empty string is the same as an absent one (decoding an
 * empty UriScheme, Uri or LocalUri gives null, and building with "" leaves the field out).
 */
public final class FaceQueryFilter extends MgmtElement {
  private static final String CTX = "FaceQueryFilter";
  private static final TlvRules RULES = TlvRules.of(CTX, MgmtTypes.FACE_ID, MgmtTypes.URI_SCHEME, MgmtTypes.URI,
      MgmtTypes.LOCAL_URI, MgmtTypes.FACE_SCOPE, MgmtTypes.FACE_PERSISTENCY, MgmtTypes.LINK_TYPE);

  private final long faceId;
  private final String uriScheme;
  private final String remoteUri;
  private final String localUri;
  private final int faceScope;
  private final int facePersistency;
  private final int linkType;

  private FaceQueryFilter(Builder b, ByteBuffer buf, int start, int end) {
    super(buf, start, end);
    faceId = b.faceId;
    uriScheme = b.uriScheme;
    remoteUri = b.remoteUri;
    localUri = b.localUri;
    faceScope = b.faceScope;
    facePersistency = b.facePersistency;
    linkType = b.linkType;
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one FaceQueryFilter element.
   *
   * @throws TlvException if they are not
   */
  public static FaceQueryFilter decode(ByteBuffer wire) {
    return decodeWhole(wire, CTX, FaceQueryFilter::decode);
  }

  /** Decodes the element at absolute offset {@code off} of {@code buf} (ending by {@code end}). */
  public static FaceQueryFilter decode(ByteBuffer buf, int off, int end, int base) {
    Children c = Children.open(buf, off, end, base, MgmtTypes.FACE_QUERY_FILTER, RULES, false);
    Builder b = new Builder();
    while (c.next()) {
      switch (c.slot) {
        case 1:
          b.faceId = c.number("FaceId");
          break;
        case 2:
          b.uriScheme(c.text());
          break;
        case 3:
          b.remoteUri(c.text());
          break;
        case 4:
          b.localUri(c.text());
          break;
        case 5:
          b.faceScope = (int) c.upTo("FaceScope", FaceScope.MAX);
          break;
        case 6:
          b.facePersistency = (int) c.upTo("FacePersistency", FacePersistency.MAX);
          break;
        case 7:
          b.linkType = (int) c.upTo("LinkType", LinkType.MAX);
          break;
        default:
          throw new IllegalStateException("unhandled FaceQueryFilter slot " + c.slot);
      }
    }
    return new FaceQueryFilter(b, buf, off, c.end());
  }

  /** Whether no field is set (the filter matches every face). */
  public boolean isEmpty() {
    return faceId < 0 && uriScheme == null && remoteUri == null && localUri == null && faceScope < 0
        && facePersistency < 0 && linkType < 0;
  }

  /** FaceId, or -1. */
  public long faceId() {
    return faceId;
  }

  /** UriScheme (e.g. {@code udp4}), or null. */
  public String uriScheme() {
    return uriScheme;
  }

  /** Remote FaceUri (the Uri field), or null. */
  public String remoteUri() {
    return remoteUri;
  }

  /** Local FaceUri, or null. */
  public String localUri() {
    return localUri;
  }

  /** FaceScope, or -1. */
  public int faceScope() {
    return faceScope;
  }

  /** FacePersistency, or -1. */
  public int facePersistency() {
    return facePersistency;
  }

  /** LinkType, or -1. */
  public int linkType() {
    return linkType;
  }

  @Override
  public void prependTo(TlvEncoder enc) {
    int mark = enc.size();
    if (linkType >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.LINK_TYPE, linkType);
    }
    if (facePersistency >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.FACE_PERSISTENCY, facePersistency);
    }
    if (faceScope >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.FACE_SCOPE, faceScope);
    }
    if (localUri != null) {
      Children.prependText(enc, MgmtTypes.LOCAL_URI, localUri);
    }
    if (remoteUri != null) {
      Children.prependText(enc, MgmtTypes.URI, remoteUri);
    }
    if (uriScheme != null) {
      Children.prependText(enc, MgmtTypes.URI_SCHEME, uriScheme);
    }
    if (faceId >= 0) {
      enc.prependNonNegativeIntegerTlv(MgmtTypes.FACE_ID, faceId);
    }
    enc.prependHeader(MgmtTypes.FACE_QUERY_FILTER, enc.size() - mark);
  }

  /** A copy of the encoding (owned by the caller), to append as the name component of faces/query. */
  public byte[] encode() {
    ByteBuffer w = wire();
    byte[] out = new byte[w.remaining()];
    w.get(out);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FaceQueryFilter)) {
      return false;
    }
    FaceQueryFilter f = (FaceQueryFilter) o;
    return faceId == f.faceId && Objects.equals(uriScheme, f.uriScheme) && Objects.equals(remoteUri, f.remoteUri)
        && Objects.equals(localUri, f.localUri) && faceScope == f.faceScope
        && facePersistency == f.facePersistency && linkType == f.linkType;
  }

  @Override
  public int hashCode() {
    return Objects.hash(faceId, uriScheme, remoteUri, localUri, faceScope, facePersistency, linkType);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FaceQueryFilter(");
    String sep = "";
    if (faceId >= 0) {
      sb.append("FaceID: ").append(faceId);
      sep = ", ";
    }
    if (uriScheme != null) {
      sb.append(sep).append("UriScheme: ").append(uriScheme);
      sep = ", ";
    }
    if (remoteUri != null) {
      sb.append(sep).append("RemoteUri: ").append(remoteUri);
      sep = ", ";
    }
    if (localUri != null) {
      sb.append(sep).append("LocalUri: ").append(localUri);
      sep = ", ";
    }
    if (faceScope >= 0) {
      sb.append(sep).append("FaceScope: ").append(FaceScope.toString(faceScope));
      sep = ", ";
    }
    if (facePersistency >= 0) {
      sb.append(sep).append("FacePersistency: ").append(FacePersistency.toString(facePersistency));
      sep = ", ";
    }
    if (linkType >= 0) {
      sb.append(sep).append("LinkType: ").append(LinkType.toString(linkType));
    }
    return sb.append(')').toString();
  }

  /** An empty filter's builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FaceQueryFilter}. */
  public static final class Builder {
    private long faceId = -1;
    private String uriScheme;
    private String remoteUri;
    private String localUri;
    private int faceScope = -1;
    private int facePersistency = -1;
    private int linkType = -1;

    private Builder() {}

    /** Sets FaceId; -1 removes it. */
    public Builder faceId(long v) {
      faceId = v == -1 ? -1 : Children.checkNumber("FaceId", v);
      return this;
    }

    /** Sets UriScheme; null or "" removes it. */
    public Builder uriScheme(String s) {
      uriScheme = s == null || s.isEmpty() ? null : s;
      return this;
    }

    /** Sets the remote FaceUri; null or "" removes it. */
    public Builder remoteUri(String s) {
      remoteUri = s == null || s.isEmpty() ? null : s;
      return this;
    }

    /** Sets the local FaceUri; null or "" removes it. */
    public Builder localUri(String s) {
      localUri = s == null || s.isEmpty() ? null : s;
      return this;
    }

    /** Sets FaceScope (0..255); -1 removes it. */
    public Builder faceScope(int v) {
      faceScope = v == -1 ? -1 : Children.checkUpTo("FaceScope", v, FaceScope.MAX);
      return this;
    }

    /** Sets FacePersistency (0..255); -1 removes it. */
    public Builder facePersistency(int v) {
      facePersistency = v == -1 ? -1 : Children.checkUpTo("FacePersistency", v, FacePersistency.MAX);
      return this;
    }

    /** Sets LinkType (0..255); -1 removes it. */
    public Builder linkType(int v) {
      linkType = v == -1 ? -1 : Children.checkUpTo("LinkType", v, LinkType.MAX);
      return this;
    }

    /** The FaceQueryFilter. */
    public FaceQueryFilter build() {
      return new FaceQueryFilter(this, null, 0, 0);
    }
  }
}
