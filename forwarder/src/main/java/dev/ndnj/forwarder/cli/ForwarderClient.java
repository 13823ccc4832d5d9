package dev.ndnj.forwarder.cli;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.app.FetchOptions;
import dev.ndnj.engine.app.InterestTimeoutException;
import dev.ndnj.engine.app.NackException;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.fw.ForwarderConfig;
import dev.ndnj.engine.jvm.FutureConsumer;
import dev.ndnj.engine.jvm.JvmEngines;
import dev.ndnj.faces.net.NetFaces;
import dev.ndnj.faces.net.NetFacesConfig;
import dev.ndnj.faces.websocket.WebSocketFaces;
import dev.ndnj.faces.websocket.WebSocketFacesConfig;
import dev.ndnj.security.KeyChain;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.mgmt.ControlCommand;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.Dataset;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A tool's connection to a running forwarder, as an NFD tool has one: an embedded client engine (its own forwarding
 * thread) with exactly one network face, to the forwarder, and a default route {@code /} on it. The tool uses the
 * engine's application API ({@link #consumer()}, {@code engine().producer()}) and this class's management helpers:
 * signed commands ({@link #command}) and status datasets ({@link #dataset}).
 *
 * <p>Face URIs: {@code unix:///path}, {@code tcp4://host:port} / {@code tcp6://…} / {@code tcp://…}, {@code udp4://…}
 * (management needs a local face, so not over UDP), {@code ws://host:port[/path]} and {@code wss://…}. Methods block;
 * call them from the tool's thread, not the forwarding thread.
 */
public final class ForwarderClient implements AutoCloseable {
  /** How long connecting, a command or a dataset may take. */
  public static final long TIMEOUT_MILLIS = 10_000;
  /** Content Store of the client engine: small, it only holds what this tool just sent or got. */
  private static final long CLIENT_CS_BYTES = 1L << 20;
  /** How long {@link #close()} lets the forwarding thread finish its queue. */
  private static final long DRAIN_MILLIS = 1000;

  private final String uri;
  private final Engine engine;
  private final NetFaces net;
  private final WebSocketFaces ws;
  private final Face face;
  private final FutureConsumer consumer;
  private final KeyChain keychain;
  private CommandInterestSigner signer;

  private ForwarderClient(String uri, Engine engine, NetFaces net, WebSocketFaces ws, Face face, KeyChain keychain) {
    this.uri = uri;
    this.engine = engine;
    this.net = net;
    this.ws = ws;
    this.face = face;
    this.consumer = new FutureConsumer(engine.consumer());
    this.keychain = keychain;
  }

  /**
   * Starts a client engine and connects it to the forwarder at {@code faceUri}; commands are signed with
   * DigestSha256.
   *
   * @throws ToolException as {@link #connect(String, KeyChain)}
   */
  public static ForwarderClient connect(String faceUri) throws ToolException, InterruptedException {
    return connect(faceUri, null);
  }

  /**
   * Starts a client engine and connects it to the forwarder at {@code faceUri}. Commands are signed as
   * {@link CommandInterestSigner#forKeychain} decides with {@code keychain} (null: no keychain, DigestSha256).
   *
   * @throws ToolException exit code 2 for a URI that is not one of the supported forms; 1 when the forwarder cannot
   *     be reached (no socket, connection refused, timeout), with a message that says so
   */
  public static ForwarderClient connect(String faceUri, KeyChain keychain)
      throws ToolException, InterruptedException {
    String scheme = scheme(faceUri);
    if (scheme.equals("unix")) {
      Path path = Path.of(faceUri.substring("unix://".length()));
      if (!Files.exists(path)) {
        throw unreachable(faceUri, "no socket at " + path);
      }
    }
    Engine engine = JvmEngines.start(new ForwarderConfig(), CLIENT_CS_BYTES);
    NetFaces net = null;
    WebSocketFaces ws = null;
    try {
      CompletableFuture<Face> created;
      switch (scheme) {
        case "ws", "wss" -> {
          ws = new WebSocketFaces(engine, new WebSocketFacesConfig().listen(List.of()).ioThreads(1));
          created = ws.createFace(faceUri);
        }
        case "unix", "tcp", "tcp4", "tcp6", "udp", "udp4", "udp6" -> {
          net = new NetFaces(engine, new NetFacesConfig().tcpListen(List.of()).udpListen(List.of()).unixPath(null)
              .ioThreads(1));
          created = net.createFace(faceUri);
        }
        default -> throw new ToolException("unsupported forwarder URI " + faceUri
            + " (unix:///path, tcp4://host:port, udp4://host:port, ws://host:port, wss://host:port)", 2, null);
      }
      Face face;
      try {
        face = created.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        throw unreachable(faceUri, c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage());
      } catch (TimeoutException e) {
        throw unreachable(faceUri, "no connection after " + TIMEOUT_MILLIS + " ms");
      }
      CompletableFuture<Void> routed = new CompletableFuture<>();
      engine.execute(() -> {
        engine.forwarder().fib().addOrUpdateNextHop(Name.ROOT, face, 0);
        routed.complete(null);
      });
      await(routed, "adding the default route");
      return new ForwarderClient(faceUri, engine, net, ws, face, keychain);
    } catch (IllegalArgumentException e) {
      close(engine, net, ws);
      throw new ToolException("bad forwarder URI " + faceUri + ": " + e.getMessage(), 2, e);
    } catch (ToolException | InterruptedException | RuntimeException e) {
      close(engine, net, ws);
      throw e;
    }
  }

  private static String scheme(String faceUri) throws ToolException {
    try {
      String s = new URI(faceUri).getScheme();
      if (s == null) {
        throw new ToolException("forwarder URI " + faceUri + " has no scheme (unix:///path, tcp4://host:port, "
            + "ws://host:port)", 2, null);
      }
      return s;
    } catch (URISyntaxException e) {
      throw new ToolException("bad forwarder URI " + faceUri + ": " + e.getMessage(), 2, e);
    }
  }

  private static ToolException unreachable(String faceUri, String why) {
    return new ToolException("cannot connect to the forwarder at " + faceUri + ": " + why
        + " (is 'ndnj fwd' running? --forwarder selects another)");
  }

  /** The face URI this client connected to. */
  public String uri() {
    return uri;
  }

  /** The client engine. */
  public Engine engine() {
    return engine;
  }

  /** The client engine's face to the forwarder. */
  public Face face() {
    return face;
  }

  /** The client engine's consumer, with futures. */
  public FutureConsumer consumer() {
    return consumer;
  }

  /** The keychain the tool uses, or null. */
  public KeyChain keychain() {
    return keychain;
  }

  /**
   * The signer of this client's commands (made on first use from the keychain).
   *
   * @throws ToolException if the keychain cannot be read
   */
  public synchronized CommandInterestSigner signer() throws ToolException {
    if (signer == null) {
      try {
        signer = CommandInterestSigner.forKeychain(keychain, () -> engine.clock().epochMillis());
      } catch (IOException | RuntimeException e) {
        throw new ToolException("cannot read the signing key of the keychain in "
            + (keychain == null ? "(none)" : keychain.directory()) + ": " + e.getMessage(), e);
      }
    }
    return signer;
  }

  /**
   * Sends the signed command {@code module}/{@code verb} with {@code parameters} to {@code /localhost/nfd} and
   * returns the forwarder's answer, whatever its status code.
   *
   * @throws ToolException when there is no answer (Nack, timeout) or it does not decode
   */
  public ControlResponse command(String module, String verb, ControlParameters parameters)
      throws ToolException, InterruptedException {
    Interest i = signer().sign(ControlCommand.of(module, verb, parameters).toName());
    Data d = management(consumer.express(i), module + "/" + verb);
    try {
      return ControlResponse.decode(d.content());
    } catch (TlvException e) {
      throw new ToolException(module + "/" + verb + ": the answer is not a ControlResponse: " + e.getMessage(), e);
    }
  }

  /**
   * {@link #command} that must succeed.
   *
   * @throws ToolException with "module/verb: code text" when the status code is not 2xx
   */
  public ControlResponse commandOk(String module, String verb, ControlParameters parameters)
      throws ToolException, InterruptedException {
    ControlResponse r = command(module, verb, parameters);
    if (!r.isSuccess()) {
      throw new ToolException(module + "/" + verb + " refused: " + r.code() + " " + r.text());
    }
    return r;
  }

  /**
   * Fetches the status dataset {@code /localhost/nfd/<module>/<dataset>} (all its segments).
   *
   * @return the payload, owned by the caller
   */
  public byte[] dataset(String module, String dataset) throws ToolException, InterruptedException {
    Name name = ControlCommand.LOCALHOST_PREFIX.append(module).append(dataset);
    return management(consumer.fetch(name, FetchOptions.DEFAULT.withRetries(1)), module + "/" + dataset);
  }

  /** {@link #await} for a management request, saying why it cannot work over a non-local face. */
  private <T> T management(CompletableFuture<T> f, String what) throws ToolException, InterruptedException {
    try {
      return await(f, what);
    } catch (ToolException e) {
      if (face.isLocal()) {
        throw e;
      }
      throw new ToolException(e.getMessage() + " (management under /localhost/nfd needs a local face: unix://, or "
          + "tcp4:// or ws:// to a loopback address; " + uri + " is not local)", e.getCause());
    }
  }

  /** {@link #dataset(String, String)} decoded into its entries. */
  public <T> List<T> dataset(String module, String dataset, Dataset.EntryDecoder<T> decoder)
      throws ToolException, InterruptedException {
    byte[] payload = dataset(module, dataset);
    try {
      return Dataset.decode(ByteBuffer.wrap(payload), decoder);
    } catch (TlvException e) {
      throw new ToolException(module + "/" + dataset + ": malformed dataset: " + e.getMessage(), e);
    }
  }

  /**
   * Asks the forwarder to route {@code prefix} to this client (rib/register on the requesting face, origin app), as
   * NFD applications do for the prefixes they produce. The forwarder drops the route when this client's face closes.
   */
  public ControlResponse register(Name prefix) throws ToolException, InterruptedException {
    return commandOk("rib", "register", ControlParameters.builder().name(prefix).build());
  }

  /**
   * Waits for {@code f} up to {@link #TIMEOUT_MILLIS} and turns its failure into a {@link ToolException} that says
   * what failed ({@code what}) and why (Nack reason, timeout, ...).
   */
  public static <T> T await(CompletableFuture<T> f, String what) throws ToolException, InterruptedException {
    return await(f, what, TIMEOUT_MILLIS);
  }

  /** {@link #await(CompletableFuture, String)} with a timeout of {@code millis}. */
  public static <T> T await(CompletableFuture<T> f, String what, long millis)
      throws ToolException, InterruptedException {
    try {
      return f.get(millis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new ToolException(what + ": " + describe(e.getCause()), e.getCause());
    } catch (TimeoutException e) {
      f.cancel(false);
      throw new ToolException(what + ": no answer in " + millis + " ms");
    } catch (InterruptedException e) {
      f.cancel(false);
      throw e;
    }
  }

  /** A failure of the application API in words: "Nack NoRoute", "timeout after 2 attempts", ... */
  public static String describe(Throwable t) {
    if (t instanceof NackException n) {
      return "Nack " + n.reasonName();
    }
    if (t instanceof InterestTimeoutException to) {
      return "timeout (no answer to " + to.attempts() + " Interest" + (to.attempts() == 1 ? "" : "s") + ")";
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /**
   * Lets the forwarding thread finish what is queued (an answer a producer just gave is handed to the face), then
   * closes the face and stops the client engine.
   */
  @Override
  public void close() {
    CompletableFuture<Void> drained = new CompletableFuture<>();
    if (engine.execute(() -> drained.complete(null))) {
      try {
        drained.get(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // close anyway
      }
    }
    close(engine, net, ws);
  }

  private static void close(Engine engine, NetFaces net, WebSocketFaces ws) {
    if (ws != null) {
      ws.close();
    }
    if (net != null) {
      net.close();
    }
    engine.close();
  }
}
