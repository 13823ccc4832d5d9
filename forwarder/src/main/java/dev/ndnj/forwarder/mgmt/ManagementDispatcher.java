package dev.ndnj.forwarder.mgmt;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.engine.fw.Forwarder;
import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.platform.TaskQueue;
import dev.ndnj.forwarder.rib.Rib;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvTypes;
import dev.ndnj.tlv.mgmt.ControlCommand;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.Dataset;
import dev.ndnj.tlv.mgmt.Encodable;
import dev.ndnj.tlv.mgmt.StatusCode;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * NFD's management protocol on an {@link Engine}: the producer of {@code /localhost/nfd} (and, when enabled,
 * {@code /localhop/nfd/rib}), which runs signed control commands and publishes status datasets and notifications for
 * the modules {@code faces}, {@code fib}, {@code rib}, {@code strategy-choice}, {@code cs} and {@code status}, so that
 * {@code nfdc}, ndn-cxx applications and NDNts's {@code @ndn/nfdmgmt} work against ndnj unchanged.
 *
 * <p>It sits on the forwarder's internal face (reserved id {@link FaceTable#INTERNAL}), not on an application face:
 * the forwarder tells every link service which face an Interest came in on, and management needs exactly that (the
 * requester of {@code rib/register} with FaceId 0 and of {@code faces/update} without FaceId, the scope of the face
 * for authorization), which the application Producer API does not expose. It also keeps management's face at NFD's
 * id, so {@code faces/list} looks as tools expect.
 *
 * <p>A command Interest {@code <prefix>/<module>/<verb>/<ControlParameters>/<signature...>} goes through: decoding of
 * the parameters (400 if they do not decode), the signature's form ({@link SignedCommand}: v0.3 signed Interest or the
 * older four-component command Interest; 403 if unsigned or malformed), freshness and replay (403 if the timestamp is
 * outside the grace period, not newer than the signer's last, or the nonce was seen), the {@link CommandAuthorizer}
 * (403 if it rejects), the command's field rules (400), then the handler. Responses are Data named as the Interest,
 * with a ControlResponse as content, signed with DigestSha256 (integrity only: the forwarder has no identity key of
 * its own yet, which is fine for local clients, none of which validate the response). Unknown modules and verbs get
 * 501. Datasets ({@code faces/list}, {@code rib/list}, ...) are published as versioned, segmented Data
 * ({@link DatasetPublisher}); {@code faces/events} is a notification stream.
 *
 * <p>Made with {@link #builder} and started on the forwarding thread; everything runs there. Interests reach it in
 * tasks of their own, never inside a forwarder pipeline.
 */
public final class ManagementDispatcher implements AutoCloseable {
  /** {@code /localhost/nfd}. */
  public static final Name LOCALHOST_PREFIX = ControlCommand.LOCALHOST_PREFIX;
  /** {@code /localhop/nfd}. */
  public static final Name LOCALHOP_PREFIX = ControlCommand.LOCALHOP_PREFIX;
  /** {@code /localhop/nfd/rib}: what the FIB routes to management when /localhop is enabled (as NFD). */
  public static final Name LOCALHOP_RIB_PREFIX = LOCALHOP_PREFIX.append("rib");

  private static final Logger LOG = System.getLogger(ManagementDispatcher.class.getName());
  private static final Set<String> LOCALHOP_COMMANDS = Set.of("rib/register", "rib/unregister");

  /** Runs a command whose parameters passed the command's field rules. */
  interface CommandHandler {
    /** Handles the command; calls {@code done} exactly once, now or later (any thread). */
    void handle(CommandContext ctx, ControlParameters parameters, Consumer<ControlResponse> done);
  }

  /** Produces the entries of a dataset. */
  interface DatasetHandler {
    /** The entries, in order; throws {@link DatasetRejection} to refuse the request. */
    List<? extends Encodable> list(Interest interest) throws DatasetRejection;
  }

  /** A dataset request refused with a ControlResponse (sent as a Data of ContentType Nack). */
  static final class DatasetRejection extends Exception {
    private static final long serialVersionUID = 1L;
    final transient ControlResponse response;

    DatasetRejection(int code, String text) {
      super(text, null, false, false);
      response = ControlResponse.of(code, text);
    }
  }

  /** Where a command came from. */
  record CommandContext(Interest interest, Name topPrefix, int ingressFaceId, String module, String verb) {}

  private record Command(CommandSpec spec, CommandHandler handler) {}

  private final Forwarder forwarder;
  private final TaskQueue tasks;
  private final Clock clock;
  private final long datasetFreshnessMillis;
  private final long notificationFreshnessMillis;
  private final int notificationCapacity;
  private final CommandAuthorizer authorizer;
  private final FaceCreator faceCreator;
  private final Supplier<List<String>> channels;
  private final CommandReplayGuard replayGuard;
  private final DatasetPublisher datasets;
  private final ManagementCounters counters = new ManagementCounters();
  private final Map<String, Command> commands = new HashMap<>();
  private final Map<String, DatasetHandler> datasetHandlers = new HashMap<>();
  private final Map<String, NotificationStream> streams = new HashMap<>();
  private final long startTimestamp;
  private final boolean localhopEnabled;
  private final String version;
  private InternalFace internalFace;
  private Rib rib;
  private FaceManager faceManager;
  private boolean closed;

  private ManagementDispatcher(Builder b) {
    forwarder = b.engine.forwarder();
    tasks = b.engine.tasks();
    clock = b.engine.clock();
    ManagementConfig config = b.config; // a mutable holder: everything is read from it here, once
    authorizer = b.authorizer != null ? b.authorizer : new LocalCommandAuthorizer(config.localhopEnabled);
    faceCreator = b.faceCreator != null ? b.faceCreator : FaceCreator.NONE;
    channels = b.channels != null ? b.channels : List::of;
    replayGuard = new CommandReplayGuard(config.commandGraceMillis, config.replayRecordCapacity);
    datasets = new DatasetPublisher(clock, config.datasetSegmentSize, config.datasetFreshnessMillis,
        config.datasetRetentionMillis, config.datasetStorageBytes);
    startTimestamp = config.startTimestampMillis >= 0 ? config.startTimestampMillis : clock.epochMillis();
    localhopEnabled = config.localhopEnabled;
    version = config.version;
    datasetFreshnessMillis = config.datasetFreshnessMillis;
    notificationFreshnessMillis = config.notificationFreshnessMillis;
    notificationCapacity = config.notificationCapacity;
  }

  /** A builder for a dispatcher on {@code engine}. */
  public static Builder builder(Engine engine) {
    if (engine == null) {
      throw new IllegalArgumentException("engine is required");
    }
    return new Builder(engine);
  }

  /** Assembles a {@link ManagementDispatcher}. Not thread-safe; one start per builder. */
  public static final class Builder {
    private final Engine engine;
    private ManagementConfig config = new ManagementConfig();
    private CommandAuthorizer authorizer;
    private FaceCreator faceCreator;
    private Supplier<List<String>> channels;

    private Builder(Engine engine) {
      this.engine = engine;
    }

    /** Settings (default {@code new ManagementConfig()}), read once by {@link #start()}. */
    public Builder config(ManagementConfig c) {
      if (c == null) {
        throw new IllegalArgumentException("config must not be null");
      }
      config = c;
      return this;
    }

    /** The authorization seam (default {@link LocalCommandAuthorizer} with the config's localhop setting). */
    public Builder authorizer(CommandAuthorizer a) {
      authorizer = a;
      return this;
    }

    /** What makes faces for {@code faces/create} (default {@link FaceCreator#NONE}). */
    public Builder faceCreator(FaceCreator c) {
      faceCreator = c;
      return this;
    }

    /**
     * The local URIs of the channels (listening sockets) that {@code faces/channels} lists, e.g.
     * {@code udp4://0.0.0.0:6363}; asked on the forwarding thread for each request (default: none).
     */
    public Builder channels(Supplier<List<String>> localUris) {
      channels = localUris;
      return this;
    }

    /**
     * Starts management: adds the internal face with id {@link FaceTable#INTERNAL}, routes {@code /localhost/nfd}
     * (and {@code /localhop/nfd/rib} if enabled) to it, and makes the RIB. Call on the forwarding thread.
     *
     * @throws IllegalStateException if not on the forwarding thread, or if face id 1 is taken
     */
    public ManagementDispatcher start() {
      if (!engine.inLoop()) {
        throw new IllegalStateException("start management on the forwarding thread (engine.execute)");
      }
      if (engine.forwarder().faceTable().get(FaceTable.INTERNAL) != null) {
        throw new IllegalStateException("face id " + FaceTable.INTERNAL + " is taken: management already started?");
      }
      ManagementDispatcher d = new ManagementDispatcher(this);
      d.init();
      return d;
    }
  }

  private void init() {
    internalFace = new InternalFace(tasks, this::onInterest);
    forwarder.faceTable().addReserved(internalFace.face(), FaceTable.INTERNAL);
    forwarder.fib().addOrUpdateNextHop(LOCALHOST_PREFIX, internalFace.face(), 0);
    // Always routed: a local face (an application, or a browser's SharedWorker engine over a loopback WebSocket)
    // may register under /localhop as under /localhost; from non-local faces the authorizer refuses it unless
    // /localhop is enabled and its /localhop trust policy accepts the signer.
    forwarder.fib().addOrUpdateNextHop(LOCALHOP_RIB_PREFIX, internalFace.face(), 0);
    rib = new Rib(forwarder);
    faceManager = new FaceManager(this, faceCreator, channels);
    new FibManager(this);
    new RibManager(this);
    new StrategyChoiceManager(this);
    new CsManager(this);
    new ForwarderStatusManager(this);
  }

  // ------------------------------------------------------------------------------------------------ public

  /** The RIB that {@code rib/*} commands change (forwarding thread only). */
  public Rib rib() {
    return rib;
  }

  /** The internal face (id {@link FaceTable#INTERNAL}). */
  public Face face() {
    return internalFace.face();
  }

  /** The counters. */
  public ManagementCounters counters() {
    return counters;
  }

  /** Whether /localhop/nfd/rib/register and unregister are served. */
  public boolean localhopEnabled() {
    return localhopEnabled;
  }

  /** NfdVersion reported by status/general. */
  public String version() {
    return version;
  }

  /** StartTimestamp reported by status/general, milliseconds since the epoch. */
  public long startTimestamp() {
    return startTimestamp;
  }

  /**
   * Posts a face {@code up} or {@code down} event on faces/events (forwarding thread). Face creation and destruction
   * are posted by themselves (the face table says so); the engine has no face state signal yet, so a transport that
   * goes down and comes back (a permanent face reconnecting) reports it here.
   */
  public void faceStateChanged(Face face, boolean up) {
    if (!closed) {
      faceManager.notifyState(face, up);
    }
  }

  /**
   * Stops management (forwarding thread): the RIB stops (its FIB next hops stay), the internal face closes (the
   * forwarder removes its routes), waiting notification Interests are forgotten.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    faceManager.close();
    rib.close();
    for (NotificationStream s : streams.values()) {
      s.clear();
    }
    internalFace.close();
  }

  // ------------------------------------------------------------------------------------ for the managers

  Forwarder forwarder() {
    return forwarder;
  }

  Clock clock() {
    return clock;
  }

  void addCommand(String module, String verb, CommandSpec spec, CommandHandler handler) {
    commands.put(module + "/" + verb, new Command(spec, handler));
  }

  void addDataset(String module, String dataset, DatasetHandler handler) {
    datasetHandlers.put(module + "/" + dataset, handler);
  }

  NotificationStream addNotificationStream(String module, String stream) {
    NotificationStream s = new NotificationStream(LOCALHOST_PREFIX.append(module).append(stream), clock,
        notificationFreshnessMillis, notificationCapacity, this::sendLater);
    streams.put(module + "/" + stream, s);
    return s;
  }

  void countNotification() {
    counters.notificationsPosted++;
  }

  /** Runs {@code r} on the forwarding thread: at once if called there, else queued. */
  void onLoop(Runnable r) {
    if (tasks.inLoop()) {
      r.run();
    } else {
      tasks.execute(r);
    }
  }

  private void sendLater(Data d) {
    tasks.execute(() -> {
      if (!closed) {
        internalFace.putData(d);
      }
    });
  }

  static ControlResponse response(int code, String text) {
    return ControlResponse.of(code, text);
  }

  static ControlResponse response(int code, String text, ControlParameters body) {
    return ControlResponse.of(code, text, body);
  }

  // ---------------------------------------------------------------------------------------------- dispatch

  private void onInterest(Interest interest, int ingressFaceId) {
    if (closed) {
      return;
    }
    Name name = interest.name();
    Name top;
    if (LOCALHOST_PREFIX.isPrefixOf(name)) {
      top = LOCALHOST_PREFIX;
    } else if (LOCALHOP_PREFIX.isPrefixOf(name)) {
      top = LOCALHOP_PREFIX;
    } else {
      LOG.log(Level.DEBUG, () -> "mgmt in=" + ingressFaceId + " " + name + " -> DROP (not a management name)");
      return;
    }
    int k = top.size();
    if (name.size() < k + 2) {
      LOG.log(Level.DEBUG, () -> "mgmt in=" + ingressFaceId + " " + name + " -> DROP (no module and verb)");
      return;
    }
    String module = text(name.get(k));
    String verb = text(name.get(k + 1));
    String key = module + "/" + verb;
    Command command = commands.get(key);
    boolean localhop = top == LOCALHOP_PREFIX;
    if (localhop && !LOCALHOP_COMMANDS.contains(key)) {
      command = null;
    }
    if (command != null) {
      processCommand(interest, top, command, module, verb, ingressFaceId);
      return;
    }
    DatasetHandler dataset = localhop ? null : datasetHandlers.get(key);
    if (dataset != null) {
      processDataset(interest, key, dataset);
      return;
    }
    NotificationStream stream = localhop ? null : streams.get(key);
    if (stream != null) {
      stream.onInterest(interest);
      return;
    }
    counters.requestsUnsupported++;
    boolean datasetShaped = name.size() == k + 2;
    reply(interest, key, ingressFaceId, response(StatusCode.NOT_IMPLEMENTED, "Unsupported command: " + key),
        datasetShaped);
  }

  /** The text of a GenericNameComponent, or "?" for another type. */
  private static String text(Component c) {
    if (c.type() != TlvTypes.GENERIC_NAME_COMPONENT) {
      return "?";
    }
    return new String(c.valueBytes(), StandardCharsets.UTF_8);
  }

  private void processCommand(Interest interest, Name top, Command command, String module, String verb,
      int ingressFaceId) {
    Name name = interest.name();
    String key = module + "/" + verb;
    int paramsIndex = top.size() + 2;
    if (name.size() <= paramsIndex) {
      counters.commandsInvalid++;
      reply(interest, key, ingressFaceId, response(StatusCode.BAD_REQUEST, "Malformed command: no ControlParameters"),
          false);
      return;
    }
    ControlParameters params;
    try {
      params = ControlCommand.parametersAt(name, paramsIndex);
    } catch (TlvException e) {
      counters.commandsInvalid++;
      reply(interest, key, ingressFaceId,
          response(StatusCode.BAD_REQUEST, "Malformed ControlParameters: " + e.getMessage()), false);
      return;
    }
    SignedCommand signature;
    try {
      signature = SignedCommand.parse(interest, paramsIndex);
    } catch (SignedCommand.MalformedException e) {
      unauthorized(interest, key, ingressFaceId, "malformed signature: " + e.getMessage());
      return;
    }
    if (signature == null) {
      unauthorized(interest, key, ingressFaceId, "command Interest is not signed");
      return;
    }
    String signer = CommandReplayGuard.keyOf(signature, ingressFaceId);
    String stale = replayGuard.check(signature, signer, clock.epochMillis());
    if (stale != null) {
      unauthorized(interest, key, ingressFaceId, stale);
      return;
    }
    Face ingress = forwarder.faceTable().get(ingressFaceId);
    CommandRequest request = new CommandRequest(module, verb, top, params, signature, interest, ingressFaceId,
        ingress != null && ingress.isLocal());
    boolean[] answered = new boolean[1];
    Consumer<CommandAuthorizer.Decision> decided = decision -> onLoop(() -> {
      if (answered[0]) {
        return; // the authorizer answered twice: the first answer stands
      }
      answered[0] = true;
      afterAuthorization(request, command, signer, decision);
    });
    try {
      authorizer.authorize(request, decided);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "command authorizer failed on " + key, e);
      decided.accept(CommandAuthorizer.Decision.reject("authorizer failed: " + e));
    }
  }

  private void afterAuthorization(CommandRequest request, Command command, String signer,
      CommandAuthorizer.Decision decision) {
    if (closed) {
      return;
    }
    Interest interest = request.interest();
    String key = request.module() + "/" + request.verb();
    int in = request.ingressFaceId();
    if (decision == null || !decision.isAccepted()) {
      unauthorized(interest, key, in, decision == null ? "no decision" : decision.reason());
      return;
    }
    // checked again: another command of the same signer may have been accepted while this one was being authorized
    String stale = replayGuard.check(request.signature(), signer, clock.epochMillis());
    if (stale != null) {
      unauthorized(interest, key, in, stale);
      return;
    }
    replayGuard.record(request.signature(), signer);
    String invalid = command.spec().validate(request.parameters());
    if (invalid != null) {
      counters.commandsInvalid++;
      reply(interest, key, in, response(StatusCode.BAD_REQUEST, "failed in validating parameters: " + invalid),
          false);
      return;
    }
    CommandContext ctx = new CommandContext(interest, request.topPrefix(), in, request.module(), request.verb());
    boolean[] done = new boolean[1];
    Consumer<ControlResponse> respond = r -> onLoop(() -> {
      if (done[0] || closed) {
        return;
      }
      done[0] = true;
      if (r.isSuccess()) {
        counters.commandsSucceeded++;
      } else if (r.code() == StatusCode.BAD_REQUEST) {
        counters.commandsInvalid++;
      } else {
        counters.commandsFailed++;
      }
      reply(interest, key, in, r, false);
    });
    try {
      command.handler().handle(ctx, request.parameters(), respond);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "management command " + key + " failed", e);
      respond.accept(response(500, "Internal error: " + e));
    }
  }

  private void unauthorized(Interest interest, String key, int ingressFaceId, String reason) {
    counters.commandsUnauthorized++;
    reply(interest, key, ingressFaceId, response(StatusCode.UNAUTHORIZED, "authorization rejected: " + reason), false);
  }

  private void processDataset(Interest interest, String key, DatasetHandler handler) {
    Name name = interest.name();
    Component last = name.get(name.size() - 1);
    if (last.isVersion() || last.isSegment()) {
      Data d = datasets.find(interest);
      if (d == null) {
        LOG.log(Level.DEBUG, () -> "mgmt " + key + " " + name + " -> DROP (segment not kept)");
        return;
      }
      counters.segmentsServed++;
      internalFace.putData(d);
      return;
    }
    List<? extends Encodable> entries;
    try {
      entries = handler.list(interest);
    } catch (DatasetRejection r) {
      LOG.log(Level.DEBUG, () -> "mgmt " + key + " " + name + " -> " + r.response);
      internalFace.putData(responseData(interest, r.response, true));
      return;
    }
    byte[] payload = Dataset.encode(entries);
    List<Data> segments = datasets.publish(name, payload);
    counters.datasetsPublished++;
    counters.segmentsServed++;
    LOG.log(Level.DEBUG, () -> "mgmt " + key + " -> " + entries.size() + " entries, " + segments.size()
        + " segment(s) " + segments.get(0).name().getPrefix(-1));
    internalFace.putData(segments.get(0));
  }

  private void reply(Interest interest, String key, int ingressFaceId, ControlResponse r, boolean nack) {
    LOG.log(Level.DEBUG, () -> "mgmt " + key + " in=" + ingressFaceId + " -> " + (r.code() & 0xffffffffL) + " "
        + r.text());
    internalFace.putData(responseData(interest, r, nack));
  }

  /**
   * The Data answering {@code interest} with {@code r}. A refused dataset request gets ContentType Nack and the
   * datasets' FreshnessPeriod (dataset requests carry MustBeFresh); a command response has no FreshnessPeriod, as in
   * NFD.
   */
  private Data responseData(Interest interest, ControlResponse r, boolean nack) {
    Data.Builder b = Data.builder(interest.name()).content(r.wire());
    if (nack) {
      b.contentType(TlvTypes.CONTENT_TYPE_NACK).freshnessPeriod(datasetFreshnessMillis);
    }
    return b.signWithDigestSha256();
  }

  /** The face a command is about: {@code faceId} if given and not 0, else the requester's (0 if unknown). */
  static long resolveFaceId(ControlParameters p, CommandContext ctx) {
    return p.hasFaceId() && p.faceId() != 0 ? p.faceId() : ctx.ingressFaceId();
  }

  /** The face with id {@code faceId}, or null (also for ids out of range). */
  Face face(long faceId) {
    return faceId > 0 && faceId <= Integer.MAX_VALUE ? forwarder.faceTable().get((int) faceId) : null;
  }

  /** A copy of {@code name} over its own bytes (a command's name is a view of the whole Interest). */
  static Name compact(Name name) {
    ByteBuffer w = name.wire();
    byte[] b = new byte[w.remaining()];
    w.duplicate().get(b);
    return Name.decode(ByteBuffer.wrap(b));
  }

  @Override
  public String toString() {
    return "ManagementDispatcher(" + (closed ? "closed" : "running") + " " + counters + ")";
  }
}
