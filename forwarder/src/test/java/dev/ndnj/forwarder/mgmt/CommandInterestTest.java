package dev.ndnj.forwarder.mgmt;

import static dev.ndnj.forwarder.mgmt.MgmtFixture.assertCode;
import static dev.ndnj.forwarder.mgmt.MgmtFixture.commandName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.KeyLocator;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvTypes;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.StatusCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How command Interests are read, checked for freshness and replay, authorized and answered. */
class CommandInterestTest {
  private final MgmtFixture fx = new MgmtFixture();
  private final TestFace app = fx.localFace();

  private static ControlParameters register(String prefix) {
    return ControlParameters.builder().name(Name.parse(prefix)).build();
  }

  private boolean routed(String prefix) {
    FibEntry e = fx.engine.forwarder().fib().findExactMatch(Name.parse(prefix));
    return e != null && e.hasNextHops();
  }

  @Test
  void signedInterestV03IsAccepted() {
    ControlResponse r = fx.command(app, "rib", "register", register("/a"));
    assertCode(200, r);
    assertEquals(app.id(), r.bodyAsControlParameters().faceId());
    assertTrue(routed("/a"));
    assertEquals(1, fx.mgmt.counters().commandsSucceeded());
  }

  @Test
  void fourComponentCommandInterestIsAccepted() {
    ControlResponse r = fx.legacyCommand(app, "rib", "register", register("/legacy"));
    assertCode(200, r);
    assertTrue(routed("/legacy"));
  }

  @Test
  void everyVerbAcceptsTheFourComponentForm() {
    TestFace up = fx.remoteFace();
    ControlParameters prefix = ControlParameters.builder().name(Name.parse("/v")).faceId(up.id()).build();
    assertCode(200, fx.legacyCommand(app, "rib", "register", prefix));
    assertCode(200, fx.legacyCommand(app, "rib", "unregister", prefix));
    assertCode(200, fx.legacyCommand(app, "fib", "add-nexthop", prefix));
    assertCode(200, fx.legacyCommand(app, "fib", "remove-nexthop", prefix));
    assertCode(200, fx.legacyCommand(app, "strategy-choice", "set", ControlParameters.builder()
        .name(Name.parse("/v")).strategy(Name.parse("/localhost/nfd/strategy/multicast")).build()));
    assertCode(200, fx.legacyCommand(app, "strategy-choice", "unset", register("/v")));
    assertCode(200, fx.legacyCommand(app, "cs", "config", ControlParameters.builder().capacity(1 << 20).build()));
    assertCode(200, fx.legacyCommand(app, "cs", "erase", register("/v")));
    assertCode(200, fx.legacyCommand(app, "faces", "update", ControlParameters.builder()
        .flagBit(dev.ndnj.tlv.mgmt.FaceFlags.BIT_LOCAL_FIELDS_ENABLED, true).build()));
    assertCode(406, fx.legacyCommand(app, "faces", "create", ControlParameters.builder()
        .uri("udp4://192.0.2.1:6363").build()), "no face creator: every protocol is unsupported");
    assertCode(200, fx.legacyCommand(app, "faces", "destroy", ControlParameters.builder().faceId(up.id()).build()));
    assertNull(fx.engine.forwarder().faceTable().get(up.id()));
  }

  @Test
  void responseIsDataNamedAsTheCommandSignedWithDigestSha256() {
    Interest i = fx.signer.v03(commandName("rib", "register", register("/a")));
    Data d = fx.express(app, i);
    assertNotNull(d);
    assertEquals(i.name(), d.name());
    assertEquals(TlvTypes.SIGNATURE_DIGEST_SHA256, d.signatureInfo().type());
    assertTrue(d.verifyDigestSha256());
  }

  @Test
  void unsignedCommandIsRefused403AndChangesNothing() {
    Interest unsigned = Interest.builder(commandName("rib", "register", register("/u"))).nonce(1).build();
    assertCode(StatusCode.UNAUTHORIZED, fx.response(app, unsigned));
    assertFalse(routed("/u"));
    assertEquals(1, fx.mgmt.counters().commandsUnauthorized());
  }

  @Test
  void interestWithParametersButNoSignatureIsUnsigned() {
    Interest i = Interest.builder(commandName("rib", "register", register("/p"))).applicationParameters(new byte[0])
        .nonce(2).build();
    ControlResponse r = fx.response(app, i);
    assertCode(403, r);
    assertTrue(r.text().contains("not signed"), r.text());
  }

  @Test
  void extraComponentsAfterTheSignatureAreMalformed() {
    Interest good = fx.signer.legacy(commandName("rib", "register", register("/extra")));
    Interest bad = Interest.builder(good.name().append(Component.generic("more"))).nonce(3).build();
    ControlResponse r = fx.response(app, bad);
    assertCode(403, r);
    assertTrue(r.text().contains("malformed signature"), r.text());
  }

  @Test
  void signedInterestWithoutNonceIsRefused() {
    SignatureInfo noNonce = SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256).time(fx.signer.nextTime()).build();
    Interest i = fx.signer.v03(commandName("rib", "register", register("/n")), noNonce);
    ControlResponse r = fx.response(app, i);
    assertCode(403, r);
    assertTrue(r.text().contains("SignatureNonce"), r.text());
    assertFalse(routed("/n"));
  }

  @Test
  void replayedNonceIsRefused403() {
    Name name = commandName("rib", "register", register("/r"));
    byte[] nonce = fx.signer.nonce(8);
    assertCode(200, fx.response(app, fx.signer.v03(name, fx.signer.nextTime(), nonce, null)));
    // same signer, same SignatureNonce, even with a newer time: a replay
    Name other = commandName("rib", "register", register("/r2"));
    ControlResponse r = fx.response(app, fx.signer.v03(other, fx.signer.nextTime(), nonce, null));
    assertCode(403, r);
    assertTrue(r.text().contains("nonce"), r.text());
    assertFalse(routed("/r2"));
  }

  @Test
  void timestampNotNewerThanTheSignersLastIsRefused() {
    long t = fx.signer.nextTime();
    assertCode(200, fx.response(app, fx.signer.v03(commandName("rib", "register", register("/t1")), t,
        fx.signer.nonce(8), null)));
    ControlResponse r = fx.response(app, fx.signer.v03(commandName("rib", "register", register("/t2")), t,
        fx.signer.nonce(8), null));
    assertCode(403, r);
    assertTrue(r.text().contains("not newer"), r.text());
    assertFalse(routed("/t2"));
  }

  @Test
  void exactReplayOfACommandInterestIsRefusedWhenTheContentStoreDoesNotAnswerIt() {
    fx.engine.forwarder().cs().setServeEnabled(false);
    Interest i = fx.signer.v03(commandName("rib", "unregister", register("/x")));
    assertCode(200, fx.response(app, i));
    // the same packet again (a new Interest Nonce, so not a forwarding loop)
    Interest again = i.withNonce(i.nonce() + 1);
    assertCode(403, fx.response(app, again));
    // four-component form too
    Interest legacy = fx.signer.legacy(commandName("rib", "unregister", register("/y")));
    assertCode(200, fx.response(app, legacy));
    assertCode(403, fx.response(app, legacy.withNonce(legacy.nonce() + 1)));
  }

  @Test
  void exactReplayIsAnsweredFromTheContentStoreWithoutRunningTheCommandAgain() {
    Interest i = fx.signer.v03(commandName("rib", "register", register("/cs")));
    assertCode(200, fx.response(app, i));
    long before = fx.mgmt.counters().commandsSucceeded();
    assertCode(200, fx.response(app, i.withNonce(i.nonce() + 1)));
    assertEquals(before, fx.mgmt.counters().commandsSucceeded(), "answered by the CS, not run again");
  }

  @Test
  void staleTimestampIsRefused403() {
    long old = fx.clock.epochMillis() - 61_000;
    ControlResponse r = fx.response(app, fx.signer.v03(commandName("rib", "register", register("/old")), old,
        fx.signer.nonce(8), null));
    assertCode(403, r);
    assertTrue(r.text().contains("ms from the forwarder's clock"), r.text());
    assertFalse(routed("/old"));
    // the four-component form is checked the same way
    Interest legacy = fx.signer.legacy(commandName("rib", "register", register("/old2")), old, fx.signer.nonce(8));
    assertCode(403, fx.response(app, legacy));
  }

  @Test
  void futureTimestampBeyondTheGracePeriodIsRefused() {
    long future = fx.clock.epochMillis() + 61_000;
    assertCode(403, fx.response(app, fx.signer.v03(commandName("rib", "register", register("/f")), future,
        fx.signer.nonce(8), null)));
  }

  @Test
  void timestampWithinTheGracePeriodIsAccepted() {
    long early = fx.clock.epochMillis() - 59_000;
    assertCode(200, fx.response(app, fx.signer.v03(commandName("rib", "register", register("/g")), early,
        fx.signer.nonce(8), null)));
  }

  @Test
  void replayRecordsAreKeptPerKeyLocator() {
    long t = fx.signer.nextTime();
    KeyLocator alice = KeyLocator.ofName(Name.parse("/alice/KEY/1"));
    KeyLocator bob = KeyLocator.ofName(Name.parse("/bob/KEY/1"));
    assertCode(200, fx.response(app, fx.signer.v03(commandName("rib", "register", register("/k1")), t,
        fx.signer.nonce(8), alice)));
    // another signer may use the same timestamp
    assertCode(200, fx.response(app, fx.signer.v03(commandName("rib", "register", register("/k2")), t,
        fx.signer.nonce(8), bob)));
    assertCode(403, fx.response(app, fx.signer.v03(commandName("rib", "register", register("/k3")), t,
        fx.signer.nonce(8), alice)));
  }

  @Test
  void commandsWithoutKeyLocatorAreCheckedPerFace() {
    TestFace other = fx.localFace();
    long t = fx.signer.nextTime();
    assertCode(200, fx.response(app, fx.signer.v03(commandName("rib", "register", register("/p1")), t,
        fx.signer.nonce(8), null)));
    assertCode(200, fx.response(other, fx.signer.v03(commandName("rib", "register", register("/p2")), t,
        fx.signer.nonce(8), null)));
  }

  @Test
  void tamperedDigestSignatureIsRefused() {
    Interest good = fx.signer.legacy(commandName("rib", "register", register("/tamper")));
    // flip one octet of the SignatureValue component's digest
    Name n = good.name();
    byte[] sv = n.get(n.size() - 1).valueBytes();
    sv[sv.length - 1] ^= 1;
    Name bad = n.getPrefix(-1).append(Component.generic(sv));
    ControlResponse r = fx.response(app, Interest.builder(bad).nonce(5).build());
    assertCode(403, r);
    assertTrue(r.text().contains("DigestSha256"), r.text());
    assertFalse(routed("/tamper"));
  }

  @Test
  void malformedParametersAre400() {
    Name n = Name.parse("/localhost/nfd/rib/register").append(Component.generic(new byte[] {0x68, 0x03, 0x07}));
    ControlResponse r = fx.response(app, fx.signer.v03(n));
    assertCode(400, r);
    assertTrue(r.text().startsWith("Malformed ControlParameters"), r.text());
  }

  @Test
  void missingParametersComponentIs400() {
    Interest i = Interest.builder(Name.parse("/localhost/nfd/rib/register")).nonce(9).build();
    assertCode(400, fx.response(app, i));
  }

  @Test
  void missingRequiredFieldIs400() {
    ControlResponse r = fx.command(app, "rib", "register", ControlParameters.builder().cost(3).build());
    assertCode(400, r);
    assertTrue(r.text().contains("Name is required but missing"), r.text());
  }

  @Test
  void forbiddenFieldIs400() {
    ControlResponse r = fx.command(app, "rib", "register",
        ControlParameters.builder().name(Name.parse("/z")).uri("udp4://192.0.2.1:6363").build());
    assertCode(400, r);
    assertTrue(r.text().contains("Uri is forbidden but present"), r.text());
    assertFalse(routed("/z"));
  }

  @Test
  void unknownVerbAndModuleAre501() {
    assertCode(501, fx.command(app, "rib", "frobnicate", register("/a")));
    assertCode(501, fx.command(app, "nonsense", "set", register("/a")));
    assertEquals(2, fx.mgmt.counters().requestsUnsupported());
  }

  @Test
  void unknownDatasetIsRefusedWithANackResponse() {
    Data d = fx.express(app, fx.datasetInterest(Name.parse("/localhost/nfd/faces/nothing")));
    assertNotNull(d);
    assertEquals(TlvTypes.CONTENT_TYPE_NACK, d.contentType());
    assertCode(501, ControlResponse.decode(d.content()));
  }

  @Test
  void nonLocalFaceCannotReachLocalhost() {
    TestFace remote = fx.remoteFace();
    Data d = fx.express(remote, fx.signer.v03(commandName("rib", "register", register("/evil"))));
    assertNull(d);
    assertFalse(routed("/evil"));
    assertEquals(1, fx.engine.forwarder().counters().localhostViolations());
  }

  @Test
  void customAuthorizerSeesTheCommandAndItsRejectionIs403() {
    List<CommandRequest> seen = new ArrayList<>();
    MgmtFixture f = new MgmtFixture(new ManagementConfig(), CommandAuthorizer.of(req -> {
      seen.add(req);
      return req.verb().equals("register") ? CommandAuthorizer.Decision.reject("no registrations today")
          : CommandAuthorizer.Decision.accept();
    }), null);
    TestFace face = f.localFace();
    ControlResponse r = f.command(face, "rib", "register", register("/denied"));
    assertCode(403, r);
    assertTrue(r.text().contains("no registrations today"), r.text());
    assertNull(f.engine.forwarder().fib().findExactMatch(Name.parse("/denied")));
    assertEquals(1, seen.size());
    CommandRequest req = seen.get(0);
    assertEquals("rib", req.module());
    assertEquals(ManagementDispatcher.LOCALHOST_PREFIX, req.topPrefix());
    assertEquals(face.id(), req.ingressFaceId());
    assertTrue(req.ingressLocal());
    assertEquals(Name.parse("/denied"), req.parameters().name());
    assertEquals(SignedCommand.Format.SIGNED_INTEREST, req.signature().format());
    assertTrue(req.signature().verifyDigestSha256());
    assertEquals(2, req.signature().signedPortions().length);
    assertEquals(32, req.signature().signatureValue().remaining());
    assertCode(200, f.command(face, "rib", "unregister", register("/denied")));
  }

  @Test
  void rejectedCommandDoesNotConsumeTheReplayRecord() {
    boolean[] allow = {false};
    MgmtFixture f = new MgmtFixture(new ManagementConfig(), CommandAuthorizer.of(
        req -> allow[0] ? CommandAuthorizer.Decision.accept() : CommandAuthorizer.Decision.reject("not yet")), null);
    TestFace face = f.localFace();
    f.engine.forwarder().cs().setServeEnabled(false); // else the cached 403 answers the same Interest again
    long t = f.signer.nextTime();
    byte[] nonce = f.signer.nonce(8);
    Name n = commandName("rib", "register", register("/later"));
    assertCode(403, f.response(face, f.signer.v03(n, t, nonce, null)));
    allow[0] = true;
    assertCode(200, f.response(face, f.signer.v03(n, t, nonce, null)));
  }

  @Test
  void authorizerMayAnswerLater() {
    List<java.util.function.Consumer<CommandAuthorizer.Decision>> waiting = new ArrayList<>();
    MgmtFixture f = new MgmtFixture(new ManagementConfig(), (req, done) -> waiting.add(done), null);
    TestFace face = f.localFace();
    Interest i = f.signer.v03(commandName("rib", "register", register("/async")));
    assertNull(f.express(face, i));
    assertEquals(1, waiting.size());
    waiting.get(0).accept(CommandAuthorizer.Decision.accept());
    waiting.get(0).accept(CommandAuthorizer.Decision.reject("second answer is ignored"));
    f.settle();
    assertEquals(1, face.data.size());
    assertCode(200, ControlResponse.decode(face.data.get(0).content()));
    assertNotNull(f.engine.forwarder().fib().findExactMatch(Name.parse("/async")));
  }

  @Test
  void localhopFromNonLocalFacesIsDisabledByDefault() {
    TestFace remote = fx.remoteFace();
    Interest i = fx.signer.v03(dev.ndnj.tlv.mgmt.ControlCommand.of("rib", "register", register("/neighbour"))
        .toName(ManagementDispatcher.LOCALHOP_PREFIX));
    assertCode(403, fx.response(remote, i));
    assertNull(fx.engine.forwarder().fib().findExactMatch(Name.parse("/neighbour")));
  }

  @Test
  void localhopRegistrationFromALocalFaceWorksWithLocalhopDisabled() {
    // A browser's SharedWorker engine behind a loopback WebSocket registers under /localhop, as it cannot know
    // whether its upstream is local; a local face is trusted under /localhop as under /localhost.
    TestFace local = fx.localFace();
    Interest i = fx.signer.v03(dev.ndnj.tlv.mgmt.ControlCommand.of("rib", "register", register("/tab"))
        .toName(ManagementDispatcher.LOCALHOP_PREFIX));
    assertCode(200, fx.response(local, i));
    assertEquals(local.id(),
        fx.engine.forwarder().fib().findExactMatch(Name.parse("/tab")).nextHops().get(0).face().id());
  }

  @Test
  void localhopRegistrationFromANeighbourNeedsALocalhopTrustPolicy() {
    // the default authorizer has no /localhop trust policy: a neighbour's registration is refused even when enabled
    MgmtFixture refusing = new MgmtFixture(new ManagementConfig().localhopEnabled(true), null, null);
    ControlParameters q = ControlParameters.builder().name(Name.parse("/neighbour")).build();
    ControlResponse no = refusing.response(refusing.remoteFace(), refusing.signer.v03(
        dev.ndnj.tlv.mgmt.ControlCommand.of("rib", "register", q).toName(ManagementDispatcher.LOCALHOP_PREFIX)));
    assertCode(403, no);
    assertTrue(no.text().contains("no /localhop trust policy"), no.text());
    assertNull(refusing.engine.forwarder().fib().findExactMatch(Name.parse("/neighbour")));
  }

  @Test
  void localhopRegistrationFromANeighbourWhenEnabledWithTrustAny() {
    MgmtFixture f = new MgmtFixture(new ManagementConfig().localhopEnabled(true),
        StrictCommandAuthorizer.builder().localFacesTrusted(true).localhopAnySigner().build(), null);
    TestFace remote = f.remoteFace();
    ControlParameters p = ControlParameters.builder().name(Name.parse("/neighbour")).origin(65).build();
    Name n = dev.ndnj.tlv.mgmt.ControlCommand.of("rib", "register", p).toName(ManagementDispatcher.LOCALHOP_PREFIX);
    ControlResponse r = f.response(remote, f.signer.v03(n));
    assertCode(200, r);
    assertEquals(remote.id(), r.bodyAsControlParameters().faceId());
    FibEntry e = f.engine.forwarder().fib().findExactMatch(Name.parse("/neighbour"));
    assertNotNull(e);
    assertEquals(remote.id(), e.nextHops().get(0).face().id());
    // only rib/register and rib/unregister are served there
    Name fib = dev.ndnj.tlv.mgmt.ControlCommand.of("fib", "add-nexthop", p)
        .toName(ManagementDispatcher.LOCALHOP_PREFIX);
    Data d = f.express(remote, f.signer.v03(fib));
    assertNull(d, "only /localhop/nfd/rib is routed to management");
    Name list = dev.ndnj.tlv.mgmt.ControlCommand.of("rib", "announce", p).toName(ManagementDispatcher.LOCALHOP_PREFIX);
    assertCode(501, f.response(remote, f.signer.v03(list)));
  }
}
