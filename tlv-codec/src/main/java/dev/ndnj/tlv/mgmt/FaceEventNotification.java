package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvRules;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * FaceEventNotification (TLV-TYPE 0xc0): one item of the faces/events notification stream. All fields are
 * required, in this order: FaceEventKind, FaceId, Uri, LocalUri, FaceScope, FacePersistency, LinkType, Flags.
 * FaceEventKind, FaceScope, FacePersistency and LinkType must fit 8 bits (as ndn-cxx reads them); FaceId above
 * 2^63-1 is rejected.
 */
public final class FaceEventNotification extends MgmtElement {
  private static final String CTX = "FaceEventNotification";
  private static final TlvRules RULES = TlvRules.of(CTX, MgmtTypes.FACE_EVENT_KIND, MgmtTypes.FACE_ID,
      MgmtTypes.URI, MgmtTypes.LOCAL_URI, MgmtTypes.FACE_SCOPE, MgmtTypes.FACE_PERSISTENCY, MgmtTypes.LINK_TYPE,
      MgmtTypes.FLAGS);
  private static final String[] FIELDS = {null, "FaceEventKind", "FaceId", "Uri", "LocalUri", "FaceScope",
      "FacePersistency", "LinkType", "Flags"};

  private final int kind;
  private final long faceId;
  private final String remoteUri;
  private final String localUri;
  private final int faceScope;
  private final int facePersistency;
  private final int linkType;
  private final long flags;

  private FaceEventNotification(Builder b, ByteBuffer buf, int start, int end) {
    super(buf, start, end);
    kind = b.kind;
    faceId = b.faceId;
    remoteUri = b.remoteUri;
    localUri = b.localUri;
    faceScope = b.faceScope;
    facePersistency = b.facePersistency;
    linkType = b.linkType;
    flags = b.flags;
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one FaceEventNotification element.
   *
   * @throws TlvException if they are not
   */
  public static FaceEventNotification decode(ByteBuffer wire) {
    return decodeWhole(wire, CTX, FaceEventNotification::decode);
  }

  /** Decodes the element at absolute offset {@code off} of {@code buf} (ending by {@code end}). */
  public static FaceEventNotification decode(ByteBuffer buf, int off, int end, int base) {
    Children c = Children.open(buf, off, end, base, MgmtTypes.FACE_EVENT_NOTIFICATION, RULES, false);
    Builder b = new Builder();
    while (c.next()) {
      String f = FIELDS[c.slot];
      switch (c.slot) {
        case 1:
          b.kind = (int) c.upTo(f, FaceEventKind.MAX);
          break;
        case 2:
          b.faceId = c.number(f);
          break;
        case 3:
          b.remoteUri = c.text();
          break;
        case 4:
          b.localUri = c.text();
          break;
        case 5:
          b.faceScope = (int) c.upTo(f, FaceScope.MAX);
          break;
        case 6:
          b.facePersistency = (int) c.upTo(f, FacePersistency.MAX);
          break;
        case 7:
          b.linkType = (int) c.upTo(f, LinkType.MAX);
          break;
        case 8:
          b.flags = c.bits(f);
          break;
        default:
          throw new IllegalStateException("unhandled FaceEventNotification slot " + c.slot);
      }
    }
    for (int s = 1; s < FIELDS.length; s++) {
      c.require(s, FIELDS[s]);
    }
    return new FaceEventNotification(b, buf, off, c.end());
  }

  /** FaceEventKind ({@link FaceEventKind}). */
  public int kind() {
    return kind;
  }

  /** FaceId. */
  public long faceId() {
    return faceId;
  }

  /** Remote FaceUri. */
  public String remoteUri() {
    return remoteUri;
  }

  /** Local FaceUri. */
  public String localUri() {
    return localUri;
  }

  /** FaceScope ({@link FaceScope}). */
  public int faceScope() {
    return faceScope;
  }

  /** FacePersistency ({@link FacePersistency}). */
  public int facePersistency() {
    return facePersistency;
  }

  /** LinkType ({@link LinkType}). */
  public int linkType() {
    return linkType;
  }

  /** Flags ({@link FaceFlags}). */
  public long flags() {
    return flags;
  }

  @Override
  public void prependTo(TlvEncoder enc) {
    int mark = enc.size();
    enc.prependNonNegativeIntegerTlv(MgmtTypes.FLAGS, flags);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.LINK_TYPE, linkType);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.FACE_PERSISTENCY, facePersistency);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.FACE_SCOPE, faceScope);
    Children.prependText(enc, MgmtTypes.LOCAL_URI, localUri);
    Children.prependText(enc, MgmtTypes.URI, remoteUri);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.FACE_ID, faceId);
    enc.prependNonNegativeIntegerTlv(MgmtTypes.FACE_EVENT_KIND, kind);
    enc.prependHeader(MgmtTypes.FACE_EVENT_NOTIFICATION, enc.size() - mark);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FaceEventNotification)) {
      return false;
    }
    FaceEventNotification n = (FaceEventNotification) o;
    return kind == n.kind && faceId == n.faceId && remoteUri.equals(n.remoteUri) && localUri.equals(n.localUri)
        && faceScope == n.faceScope && facePersistency == n.facePersistency && linkType == n.linkType
        && flags == n.flags;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, faceId, remoteUri, localUri, faceScope, facePersistency, linkType, flags);
  }

  /** As ndn-cxx prints it, on one line. */
  @Override
  public String toString() {
    return "FaceEvent(Kind: " + FaceEventKind.toString(kind) + ", FaceId: " + faceId + ", RemoteUri: " + remoteUri
        + ", LocalUri: " + localUri + ", FaceScope: " + FaceScope.toString(faceScope) + ", FacePersistency: "
        + FacePersistency.toString(facePersistency) + ", LinkType: " + LinkType.toString(linkType) + ", Flags: "
        + Children.hex(flags) + ")";
  }

  /** A builder with ndn-cxx's defaults: kind none, FaceId 0, empty URIs, non-local, persistent, point-to-point. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FaceEventNotification}. */
  public static final class Builder {
    private int kind = FaceEventKind.NONE;
    private long faceId;
    private String remoteUri = "";
    private String localUri = "";
    private int faceScope = FaceScope.NON_LOCAL;
    private int facePersistency = FacePersistency.PERSISTENT;
    private int linkType = LinkType.POINT_TO_POINT;
    private long flags;

    private Builder() {}

    /** Sets FaceEventKind (0..255). */
    public Builder kind(int v) {
      kind = Children.checkUpTo("FaceEventKind", v, FaceEventKind.MAX);
      return this;
    }

    /** Sets FaceId. */
    public Builder faceId(long v) {
      faceId = Children.checkNumber("FaceId", v);
      return this;
    }

    /** Sets the remote FaceUri. */
    public Builder remoteUri(String s) {
      remoteUri = Objects.requireNonNull(s, "remoteUri");
      return this;
    }

    /** Sets the local FaceUri. */
    public Builder localUri(String s) {
      localUri = Objects.requireNonNull(s, "localUri");
      return this;
    }

    /** Sets FaceScope (0..255). */
    public Builder faceScope(int v) {
      faceScope = Children.checkUpTo("FaceScope", v, FaceScope.MAX);
      return this;
    }

    /** Sets FacePersistency (0..255). */
    public Builder facePersistency(int v) {
      facePersistency = Children.checkUpTo("FacePersistency", v, FacePersistency.MAX);
      return this;
    }

    /** Sets LinkType (0..255). */
    public Builder linkType(int v) {
      linkType = Children.checkUpTo("LinkType", v, LinkType.MAX);
      return this;
    }

    /** Sets Flags (any 64 bits). */
    public Builder flags(long v) {
      flags = v;
      return this;
    }

    /** The FaceEventNotification. */
    public FaceEventNotification build() {
      return new FaceEventNotification(this, null, 0, 0);
    }
  }
}
