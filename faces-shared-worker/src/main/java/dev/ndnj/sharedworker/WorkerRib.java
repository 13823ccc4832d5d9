package dev.ndnj.sharedworker;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.app.AppFace;
import dev.ndnj.engine.app.CommandClient;
import dev.ndnj.engine.app.Promise;
import dev.ndnj.engine.app.Responder;
import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.sharedworker.js.Js;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.mgmt.ControlCommand;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shared engine's answer to {@code /localhost/nfd/rib/register} and {@code unregister} from its tabs, and the
 * propagation of those prefixes to the forwarder. A tab's registration adds its face as a next hop of the prefix;
 * the prefix's strategy becomes multicast and the upstream face is a next hop too (cost 100), so an Interest from a
 * tab reaches every tab that produces the prefix and producers in other browsers or on the network. The first tab to
 * register a prefix makes the worker send {@code /localhop/nfd/rib/register} upstream; the last one to leave (by
 * unregister, or because its face closed) makes it unregister. After a reconnection every prefix is registered again.
 */
public final class WorkerRib {
  /** Cost of the upstream next hop added to tab-registered prefixes. */
  public static final int UPSTREAM_COST = 100;
  private static final String MULTICAST = "/localhost/nfd/strategy/multicast";

  private final Engine engine;
  private final AppFace mgmtFace;
  private final Map<Name, Set<Integer>> producers = new LinkedHashMap<>();
  private CommandClient upstreamCommands;
  private Face upstream;
  private long registrationsSent;
  private long registrationFailures;
  private String lastError = "";

  /** Installs the handler of {@code /localhost/nfd/rib} in {@code engine}. */
  public WorkerRib(Engine engine) {
    this.engine = engine;
    this.mgmtFace = engine.newAppFace();
    mgmtFace.producer().produce(ControlCommand.LOCALHOST_PREFIX.append("rib"), (interest, r) -> onCommand(r));
    engine.forwarder().faceTable().addListener(new FaceTable.Listener() {
      @Override
      public void faceAdded(Face face) {}

      @Override
      public void faceRemoved(Face face) {
        onFaceRemoved(face);
      }
    });
    upstreamCommands = new CommandClient(engine.consumer(), engine.clock(), engine.random(),
        ControlCommand.LOCALHOP_PREFIX);
  }

  /** Prefixes registered by tabs, each with the ids of the faces producing it. */
  public Map<Name, Set<Integer>> producers() {
    return producers;
  }

  /** Registrations sent upstream. */
  public long registrationsSent() {
    return registrationsSent;
  }

  /** Upstream registrations that failed (timeout, Nack, refusal). */
  public long registrationFailures() {
    return registrationFailures;
  }

  /** The last upstream registration error, or "". */
  public String lastError() {
    return lastError;
  }

  /** A new upstream face: give it every prefix. */
  public void upstreamUp(Face face) {
    upstream = face;
    for (Name prefix : producers.keySet()) {
      engine.forwarder().fib().addOrUpdateNextHop(prefix, face, UPSTREAM_COST);
      registerUpstream(prefix);
    }
  }

  /** The upstream face went away (its next hops went with it). */
  public void upstreamDown() {
    upstream = null;
  }

  private void onCommand(Responder r) {
    Name name = r.interest().name();
    Name top = ControlCommand.LOCALHOST_PREFIX;
    ControlCommand cmd;
    try {
      cmd = ControlCommand.parse(name, top);
    } catch (TlvException | IllegalArgumentException e) {
      answer(r, ControlResponse.of(400, "malformed command: " + e.getMessage()));
      return;
    }
    Face face = engine.forwarder().faceTable().get(r.ingressFaceId());
    ControlParameters p = cmd.parameters();
    if (face == null || !p.hasName()) {
      answer(r, ControlResponse.of(400, face == null ? "unknown requesting face" : "Name is required"));
      return;
    }
    int origin = p.hasOrigin() ? p.origin() : 0;
    long cost = p.hasCost() ? p.cost() : 0;
    ControlParameters body = ControlParameters.builder().name(p.name()).faceId(face.id()).origin(origin).cost(cost)
        .flags(p.hasFlags() ? p.flags() : 1).build();
    switch (cmd.verb()) {
      case "register" -> add(p.name(), face, cost, () -> answer(r, ControlResponse.of(200, "OK", body)));
      case "unregister" -> {
        remove(p.name(), face.id());
        engine.forwarder().fib().removeNextHop(p.name(), face);
        answer(r, ControlResponse.of(200, "OK", body));
      }
      default -> answer(r, ControlResponse.of(501, "the shared engine serves rib/register and rib/unregister"));
    }
  }

  /**
   * Adds {@code face} as a producer of {@code prefix}; {@code registered} runs once the prefix is registered
   * upstream too (at once if it already was, or if the upstream is down: it is registered on reconnection), so a
   * tab's producer is reachable from the network when its registration is answered.
   */
  private void add(Name prefix, Face face, long cost, Runnable registered) {
    engine.forwarder().fib().addOrUpdateNextHop(prefix, face, cost);
    Set<Integer> faces = producers.get(prefix);
    boolean first = faces == null;
    if (first) {
      faces = new HashSet<>();
      producers.put(prefix, faces);
      if (!prefix.isEmpty()) {
        engine.forwarder().strategyChoice().set(prefix, MULTICAST);
      }
    }
    faces.add(face.id());
    if (first && upstream != null) {
      engine.forwarder().fib().addOrUpdateNextHop(prefix, upstream, UPSTREAM_COST);
      registerUpstream(prefix).whenComplete((ok, error) -> registered.run());
    } else {
      registered.run();
    }
  }

  private void remove(Name prefix, int faceId) {
    Set<Integer> faces = producers.get(prefix);
    if (faces == null || !faces.remove(faceId) || !faces.isEmpty()) {
      return;
    }
    producers.remove(prefix);
    if (!prefix.isEmpty()) {
      engine.forwarder().strategyChoice().unset(prefix);
    }
    if (upstream != null) {
      engine.forwarder().fib().removeNextHop(prefix, upstream);
      upstreamCommands.unregister(prefix, CommandClient.ORIGIN_CLIENT);
    }
  }

  private void onFaceRemoved(Face face) {
    List<Name> prefixes = new ArrayList<>();
    for (Map.Entry<Name, Set<Integer>> e : producers.entrySet()) {
      if (e.getValue().contains(face.id())) {
        prefixes.add(e.getKey());
      }
    }
    for (Name p : prefixes) {
      remove(p, face.id());
    }
  }

  private Promise<ControlParameters> registerUpstream(Name prefix) {
    registrationsSent++;
    Promise<ControlParameters> p = upstreamCommands.register(prefix, CommandClient.ORIGIN_CLIENT, 0);
    p.whenComplete((ok, error) -> {
      if (error != null) {
        registrationFailures++;
        lastError = prefix + ": " + error.getMessage();
        Js.warn("ndnj shared engine: upstream registration of " + lastError);
      }
    });
    return p;
  }

  private void answer(Responder r, ControlResponse response) {
    r.data(Data.builder(r.interest().name()).content(response.wire()).signWithDigestSha256());
  }
}
