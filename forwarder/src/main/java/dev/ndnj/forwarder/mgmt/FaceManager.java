package dev.ndnj.forwarder.mgmt;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.forwarder.mgmt.CommandSpec.Field;
import dev.ndnj.forwarder.mgmt.ManagementDispatcher.CommandContext;
import dev.ndnj.forwarder.mgmt.ManagementDispatcher.DatasetRejection;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.FaceEventKind;
import dev.ndnj.tlv.mgmt.FaceEventNotification;
import dev.ndnj.tlv.mgmt.FaceFlags;
import dev.ndnj.tlv.mgmt.FaceQueryFilter;
import dev.ndnj.tlv.mgmt.FaceStatus;
import dev.ndnj.tlv.mgmt.StatusCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@code faces} module (NFD's {@code FaceManager}): {@code create}, {@code update}, {@code destroy}, the datasets
 * {@code list}, {@code query} and {@code channels}, and the notification stream {@code events} (created and
 * destroyed from the face table; up and down through {@link ManagementDispatcher#faceStateChanged}). Forwarding thread
 * only.
 */
final class FaceManager {
  /** The MTU NFD reports for a face without limit (ndn-cxx's MAX_NDN_PACKET_SIZE). */
  static final long UNLIMITED_MTU = 8800;

  private final ManagementDispatcher mgmt;
  private final FaceTable faces;
  private final FaceCreator creator;
  private final NotificationStream events;
  private final FaceTable.Listener listener = new FaceTable.Listener() {
    @Override
    public void faceAdded(Face face) {
      postEvent(face, FaceEventKind.CREATED);
    }

    @Override
    public void faceRemoved(Face face) {
      postEvent(face, FaceEventKind.DESTROYED);
    }
  };

  FaceManager(ManagementDispatcher mgmt, FaceCreator creator, Supplier<List<String>> channels) {
    this.mgmt = mgmt;
    this.faces = mgmt.forwarder().faceTable();
    this.creator = creator;
    mgmt.addCommand("faces", "create", CommandSpec.required(Field.URI).optional(Field.LOCAL_URI,
        Field.FACE_PERSISTENCY, Field.BASE_CONGESTION_MARKING_INTERVAL, Field.DEFAULT_CONGESTION_THRESHOLD,
        Field.MTU, Field.FLAGS, Field.MASK), this::create);
    mgmt.addCommand("faces", "update", CommandSpec.required().optional(Field.FACE_ID, Field.FACE_PERSISTENCY,
        Field.BASE_CONGESTION_MARKING_INTERVAL, Field.DEFAULT_CONGESTION_THRESHOLD, Field.MTU, Field.FLAGS,
        Field.MASK), this::update);
    mgmt.addCommand("faces", "destroy", CommandSpec.required(Field.FACE_ID), this::destroy);
    mgmt.addDataset("faces", "list", interest -> list(null));
    mgmt.addDataset("faces", "query", this::query);
    mgmt.addDataset("faces", "channels", interest -> {
      List<ChannelStatusEntry> out = new ArrayList<>();
      for (String uri : channels.get()) {
        out.add(new ChannelStatusEntry(uri));
      }
      return out;
    });
    events = mgmt.addNotificationStream("faces", "events");
    faces.addListener(listener);
  }

  void close() {
    faces.removeListener(listener);
  }

  // ------------------------------------------------------------------------------------------------ create

  private void create(CommandContext ctx, ControlParameters p, Consumer<ControlResponse> done) {
    if (!FaceUris.isWellFormed(p.uri()) || p.hasLocalUri() && !FaceUris.isWellFormed(p.localUri())) {
      done.accept(ManagementDispatcher.response(StatusCode.BAD_REQUEST, "Malformed command"));
      return;
    }
    if (p.hasFlags() != p.hasMask()) {
      done.accept(ManagementDispatcher.response(StatusCode.BAD_REQUEST, "Flags must be accompanied by Mask"));
      return;
    }
    FacePersistency persistency = p.hasFacePersistency() ? persistencyOf(p.facePersistency())
        : FacePersistency.PERSISTENT;
    if (persistency == null) {
      done.accept(ManagementDispatcher.response(StatusCode.BAD_REQUEST,
          "Unknown FacePersistency " + p.facePersistency()));
      return;
    }
    if (p.hasFlagBit(FaceFlags.BIT_LP_RELIABILITY_ENABLED) && p.flagBit(FaceFlags.BIT_LP_RELIABILITY_ENABLED)) {
      done.accept(ManagementDispatcher.response(406, "NDNLPv2 reliability is not supported"));
      return;
    }
    Boolean congestionMarking = p.hasFlagBit(FaceFlags.BIT_CONGESTION_MARKING_ENABLED)
        ? p.flagBit(FaceFlags.BIT_CONGESTION_MARKING_ENABLED) : null;
    if (Boolean.TRUE.equals(congestionMarking)) {
      done.accept(ManagementDispatcher.response(406, "Congestion marking is not supported"));
      return;
    }
    boolean wantLocalFields = p.hasFlagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED)
        && p.flagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED);
    FaceCreateRequest request = new FaceCreateRequest(p.uri(), p.hasLocalUri() ? p.localUri() : null, persistency,
        p.hasMtu() ? p.mtu() : -1, wantLocalFields, congestionMarking,
        p.hasBaseCongestionMarkingInterval() ? p.baseCongestionMarkingInterval() : -1,
        p.hasDefaultCongestionThreshold() ? p.defaultCongestionThreshold() : -1);
    for (Face existing : faces.faces()) {
      if (existing.remoteUri().equals(p.uri())) {
        done.accept(ManagementDispatcher.response(StatusCode.CONFLICT, "Face with remote URI already exists",
            properties(existing, true)));
        return;
      }
    }
    CompletionStage<Face> stage;
    try {
      stage = creator.createFace(request);
    } catch (RuntimeException e) {
      System.getLogger(FaceManager.class.getName()).log(System.Logger.Level.WARNING, "face creator failed", e);
      done.accept(ManagementDispatcher.response(500, "Face creation failed due to internal error"));
      return;
    }
    if (stage == null) {
      done.accept(ManagementDispatcher.response(500, "Face creation failed due to internal error"));
      return;
    }
    stage.whenComplete((face, error) -> mgmt.onLoop(() -> afterCreate(request, face, error, done)));
  }

  private void afterCreate(FaceCreateRequest request, Face face, Throwable error, Consumer<ControlResponse> done) {
    if (error != null) {
      Throwable cause = error;
      while ((cause instanceof CompletionException || cause instanceof ExecutionException)
          && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof FaceCreationException) {
        FaceCreationException f = (FaceCreationException) cause;
        done.accept(ManagementDispatcher.response(f.statusCode(), String.valueOf(f.getMessage())));
      } else if (cause instanceof IOException) {
        done.accept(ManagementDispatcher.response(StatusCode.GATEWAY_TIMEOUT, "Face creation failed: "
            + cause.getMessage()));
      } else {
        System.getLogger(FaceManager.class.getName()).log(System.Logger.Level.WARNING, "face creation failed", cause);
        done.accept(ManagementDispatcher.response(500, "Face creation failed due to internal error"));
      }
      return;
    }
    if (face == null) {
      done.accept(ManagementDispatcher.response(500, "Face creation failed due to internal error"));
      return;
    }
    if (request.wantLocalFields() && !face.isLocal()) {
      face.close();
      done.accept(ManagementDispatcher.response(406, "Local fields can only be enabled on faces with local scope"));
      return;
    }
    if (face.id() == 0) {
      faces.add(face); // a creator may hand back a face it already added (the Netty channels do)
    }
    face.setLocalFieldsEnabled(request.wantLocalFields());
    done.accept(ManagementDispatcher.response(StatusCode.OK, "OK", properties(face, true)));
  }

  // ------------------------------------------------------------------------------------------------ update

  private void update(CommandContext ctx, ControlParameters p, Consumer<ControlResponse> done) {
    if (p.hasFlags() != p.hasMask()) {
      done.accept(ManagementDispatcher.response(StatusCode.BAD_REQUEST, "Flags must be accompanied by Mask"));
      return;
    }
    long faceId = ManagementDispatcher.resolveFaceId(p, ctx);
    if (faceId == 0) {
      done.accept(ManagementDispatcher.response(StatusCode.NOT_FOUND,
          "No FaceId specified and IncomingFaceId not available"));
      return;
    }
    Face face = mgmt.face(faceId);
    if (face == null) {
      done.accept(ManagementDispatcher.response(StatusCode.NOT_FOUND, "Specified face does not exist"));
      return;
    }
    ControlParameters.Builder refused = ControlParameters.builder();
    boolean valid = true;
    if (p.hasFlagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED) && p.flagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED)
        && !face.isLocal()) {
      valid = false;
      refused.flagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED, true);
    }
    if (p.hasFlagBit(FaceFlags.BIT_LP_RELIABILITY_ENABLED) && p.flagBit(FaceFlags.BIT_LP_RELIABILITY_ENABLED)) {
      valid = false; // no NDNLPv2 reliability in ndnj's link service
      refused.flagBit(FaceFlags.BIT_LP_RELIABILITY_ENABLED, true);
    }
    if (p.hasFlagBit(FaceFlags.BIT_CONGESTION_MARKING_ENABLED)
        && p.flagBit(FaceFlags.BIT_CONGESTION_MARKING_ENABLED)) {
      valid = false; // the link service counts congestion marks but does not mark
      refused.flagBit(FaceFlags.BIT_CONGESTION_MARKING_ENABLED, true);
    }
    FacePersistency persistency = null;
    if (p.hasFacePersistency()) {
      persistency = persistencyOf(p.facePersistency());
      if (persistency == null || !canChangePersistency(face, persistency)) {
        valid = false;
        refused.facePersistency(p.facePersistency());
      }
    }
    if (p.hasMtu() && p.mtu() != mtuOf(face)) {
      valid = false; // a transport's MTU is fixed in ndnj
      refused.mtu(p.mtu());
    }
    if (!valid) {
      done.accept(ManagementDispatcher.response(StatusCode.CONFLICT, "Invalid properties specified",
          refused.build()));
      return;
    }
    if (persistency != null) {
      face.transport().setPersistency(persistency);
    }
    if (p.hasFlagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED) && face.isLocal()) {
      face.setLocalFieldsEnabled(p.flagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED));
    }
    done.accept(ManagementDispatcher.response(StatusCode.OK, "OK", properties(face, false)));
  }

  /**
   * Whether the face may take {@code p}. The engine has no per-transport rule yet (NFD's
   * {@code Transport::canChangePersistencyTo}); reserved faces (internal, ...) never change.
   */
  private static boolean canChangePersistency(Face face, FacePersistency p) {
    return p == face.persistency() || face.id() >= FaceTable.FIRST_DYNAMIC;
  }

  // ----------------------------------------------------------------------------------------------- destroy

  private void destroy(CommandContext ctx, ControlParameters p, Consumer<ControlResponse> done) {
    if (p.faceId() == 0) {
      done.accept(ManagementDispatcher.response(StatusCode.BAD_REQUEST, "FaceId must be valid"));
      return;
    }
    Face face = mgmt.face(p.faceId());
    if (face != null && face.id() < FaceTable.FIRST_DYNAMIC) {
      done.accept(ManagementDispatcher.response(StatusCode.CONFLICT, "Reserved face " + face.id()
          + " cannot be destroyed"));
      return;
    }
    if (face != null) {
      face.close();
    }
    done.accept(ManagementDispatcher.response(StatusCode.OK, "OK", p));
  }

  // ---------------------------------------------------------------------------------------------- datasets

  private List<FaceStatus> list(FaceQueryFilter filter) {
    List<Face> sorted = new ArrayList<>(faces.faces());
    sorted.sort(Comparator.comparingInt(Face::id));
    List<FaceStatus> out = new ArrayList<>(sorted.size());
    for (Face f : sorted) {
      if (filter == null || matches(filter, f)) {
        out.add(status(f));
      }
    }
    return out;
  }

  private List<FaceStatus> query(Interest interest) throws DatasetRejection {
    Name name = interest.name();
    FaceQueryFilter filter;
    try {
      filter = FaceQueryFilter.decode(name.get(name.size() - 1).value());
    } catch (TlvException e) {
      throw new DatasetRejection(StatusCode.BAD_REQUEST, "Malformed filter");
    }
    return list(filter);
  }

  /** NFD's {@code FaceManager::matchFilter}. */
  static boolean matches(FaceQueryFilter f, Face face) {
    if (f.faceId() >= 0 && f.faceId() != face.id()) {
      return false;
    }
    if (f.uriScheme() != null && !f.uriScheme().equals(FaceUris.scheme(face.remoteUri()))
        && !f.uriScheme().equals(FaceUris.scheme(face.localUri()))) {
      return false;
    }
    if (f.remoteUri() != null && !f.remoteUri().equals(face.remoteUri())) {
      return false;
    }
    if (f.localUri() != null && !f.localUri().equals(face.localUri())) {
      return false;
    }
    if (f.faceScope() >= 0 && f.faceScope() != scopeOf(face)) {
      return false;
    }
    if (f.facePersistency() >= 0 && f.facePersistency() != persistencyOf(face.persistency())) {
      return false;
    }
    return f.linkType() < 0 || f.linkType() == linkTypeOf(face);
  }

  /** The FaceStatus of a face (no ExpirationPeriod: ndnj's faces do not expire by idleness yet). */
  static FaceStatus status(Face f) {
    var c = f.counters();
    return FaceStatus.builder()
        .faceId(f.id())
        .remoteUri(f.remoteUri())
        .localUri(f.localUri())
        .faceScope(scopeOf(f))
        .facePersistency(persistencyOf(f.persistency()))
        .linkType(linkTypeOf(f))
        .mtu(mtuOf(f))
        .nInInterests(c.inInterests())
        .nInData(c.inData())
        .nInNacks(c.inNacks())
        .nOutInterests(c.outInterests())
        .nOutData(c.outData())
        .nOutNacks(c.outNacks())
        .nInBytes(c.inBytes())
        .nOutBytes(c.outBytes())
        .flags(flagsOf(f))
        .build();
  }

  // ---------------------------------------------------------------------------------------------- events

  void notifyState(Face face, boolean up) {
    postEvent(face, up ? FaceEventKind.UP : FaceEventKind.DOWN);
  }

  private void postEvent(Face face, int kind) {
    events.post(FaceEventNotification.builder()
        .kind(kind)
        .faceId(face.id())
        .remoteUri(face.remoteUri())
        .localUri(face.localUri())
        .faceScope(scopeOf(face))
        .facePersistency(persistencyOf(face.persistency()))
        .linkType(linkTypeOf(face))
        .flags(flagsOf(face))
        .build());
    mgmt.countNotification();
  }

  // ---------------------------------------------------------------------------------------------- helpers

  /**
   * The face's properties as faces/create and faces/update answer them (NFD's {@code collectFaceProperties}):
   * FaceId, FacePersistency, Flags (without Mask), and with {@code withUris} Uri and LocalUri. No Mtu: older ndn-cxx
   * clients validate these responses and refuse fields they do not expect (faces/list has the MTU).
   */
  static ControlParameters properties(Face face, boolean withUris) {
    ControlParameters.Builder b = ControlParameters.builder()
        .faceId(face.id())
        .facePersistency(persistencyOf(face.persistency()))
        .flags(flagsOf(face));
    if (withUris) {
      b.uri(face.remoteUri()).localUri(face.localUri());
    }
    return b.build();
  }

  static long flagsOf(Face f) {
    return f.localFieldsEnabled() ? FaceFlags.LOCAL_FIELDS_ENABLED : 0;
  }

  static long mtuOf(Face f) {
    int mtu = f.transport().mtu();
    return mtu > 0 ? mtu : UNLIMITED_MTU;
  }

  static int scopeOf(Face f) {
    return f.isLocal() ? dev.ndnj.tlv.mgmt.FaceScope.LOCAL : dev.ndnj.tlv.mgmt.FaceScope.NON_LOCAL;
  }

  static int linkTypeOf(Face f) {
    switch (f.linkType()) {
      case MULTI_ACCESS: return dev.ndnj.tlv.mgmt.LinkType.MULTI_ACCESS;
      case AD_HOC: return dev.ndnj.tlv.mgmt.LinkType.AD_HOC;
      default: return dev.ndnj.tlv.mgmt.LinkType.POINT_TO_POINT;
    }
  }

  static int persistencyOf(FacePersistency p) {
    switch (p) {
      case ON_DEMAND: return dev.ndnj.tlv.mgmt.FacePersistency.ON_DEMAND;
      case PERMANENT: return dev.ndnj.tlv.mgmt.FacePersistency.PERMANENT;
      default: return dev.ndnj.tlv.mgmt.FacePersistency.PERSISTENT;
    }
  }

  /** The engine persistency for a wire value, or null if unknown. */
  static FacePersistency persistencyOf(int wire) {
    switch (wire) {
      case dev.ndnj.tlv.mgmt.FacePersistency.PERSISTENT: return FacePersistency.PERSISTENT;
      case dev.ndnj.tlv.mgmt.FacePersistency.ON_DEMAND: return FacePersistency.ON_DEMAND;
      case dev.ndnj.tlv.mgmt.FacePersistency.PERMANENT: return FacePersistency.PERMANENT;
      default: return null;
    }
  }
}
