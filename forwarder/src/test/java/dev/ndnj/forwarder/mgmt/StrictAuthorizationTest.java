package dev.ndnj.forwarder.mgmt;

import static dev.ndnj.forwarder.mgmt.MgmtFixture.assertCode;
import static dev.ndnj.forwarder.mgmt.MgmtFixture.commandName;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.security.CertificateFetcher;
import dev.ndnj.security.Certificates;
import dev.ndnj.security.InterestSigner;
import dev.ndnj.security.KeyType;
import dev.ndnj.security.Keys;
import dev.ndnj.security.Signers;
import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Management with {@link StrictCommandAuthorizer}: strict mode, the default (local) mode, and /localhop. */
class StrictAuthorizationTest {
  /** A key with its self-signed certificate, signing commands at the fixture's clock. */
  static final class Key {
    final KeyPair kp;
    final Certificate cert;
    final InterestSigner signer;

    Key(String identity, KeyType type, ManualClock clock) {
      kp = Keys.generate(type);
      Name keyName = Name.parse(identity).append(Certificate.KEY, Component.generic("k"));
      long now = clock.epochMillis();
      cert = Certificates.selfSigned(keyName, kp.getPrivate(), kp.getPublic(), now - 86_400_000L,
          now + 86_400_000L, now);
      signer = new InterestSigner(Signers.of(kp.getPrivate(), cert.name()), clock::epochMillis, false);
    }

    Interest sign(Name commandName) {
      return signer.sign(Interest.builder(commandName).lifetime(4000));
    }
  }

  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      synchronized (logged) {
        logged.add(r);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final java.util.logging.Logger jul = java.util.logging.Logger.getLogger(
      StrictCommandAuthorizer.class.getName());

  @BeforeEach
  void captureLog() {
    jul.addHandler(capture);
  }

  @AfterEach
  void releaseLog() {
    jul.removeHandler(capture);
  }

  private boolean loggedRefusalNaming(Name signer) {
    synchronized (logged) {
      return logged.stream().anyMatch(r -> r.getMessage().contains("refused")
          && r.getMessage().contains("signed by " + signer));
    }
  }

  private static ControlParameters register(String prefix) {
    return ControlParameters.builder().name(Name.parse(prefix)).build();
  }

  private static boolean routed(MgmtFixture fx, String prefix) {
    FibEntry e = fx.engine.forwarder().fib().findExactMatch(Name.parse(prefix));
    return e != null && e.hasNextHops();
  }

  private static Name localhop(Name localhostCommand) {
    List<Component> c = new ArrayList<>(localhostCommand.components());
    c.set(0, Component.generic("localhop"));
    return Name.of(c);
  }

  @Test
  void strictModeRefusesAnUnauthorizedKeyWith403AndAcceptsAnAllowedOne() {
    ManualClock clock = new ManualClock();
    Key admin = new Key("/site/admin", KeyType.EC, clock);
    Key intruder = new Key("/site/intruder", KeyType.ED25519, clock);
    StrictCommandAuthorizer auth = StrictCommandAuthorizer.builder()
        .defaultPolicy(StrictCommandAuthorizer.allowedKeys(List.of(admin.cert))).build();
    MgmtFixture fx = new MgmtFixture(clock, new ManagementConfig(), auth, null);
    TestFace app = fx.localFace();

    ControlResponse refused = fx.response(app, intruder.sign(commandName("rib", "register", register("/bad"))));
    assertCode(403, refused);
    assertTrue(refused.text().contains(intruder.cert.name().toString()), refused.text());
    assertTrue(refused.text().contains("is not a trust anchor"), refused.text());
    assertFalse(routed(fx, "/bad"), "a refused command changes nothing");
    assertTrue(loggedRefusalNaming(intruder.cert.name()), "a log line names the signer");

    assertCode(200, fx.response(app, admin.sign(commandName("rib", "register", register("/good")))));
    assertTrue(routed(fx, "/good"));

    // DigestSha256 (NDNts's default) names no signer: refused in strict mode
    assertCode(403, fx.response(app, fx.signer.v03(commandName("rib", "register", register("/digest")))));
    assertFalse(routed(fx, "/digest"));
  }

  @Test
  void strictModeAcceptsAKeyCertifiedByAnAnchorFetchingItsCertificateOverNdn() {
    ManualClock clock = new ManualClock();
    Key root = new Key("/site", KeyType.EC, clock);
    KeyPair opKp = Keys.generate(KeyType.ED25519);
    Name opKey = Name.parse("/site/operator").append(Certificate.KEY, Component.generic("op"));
    long now = clock.epochMillis();
    Certificate opCert = Certificates.issue(opKey, opKp.getPublic(), Component.generic("site"),
        Signers.of(root.kp.getPrivate(), root.cert.name()), now - 1000, now + 86_400_000L, Map.of(), now);
    InterestSigner operator = new InterestSigner(Signers.of(opKp.getPrivate(), opCert.name()), clock::epochMillis,
        false);
    Key stranger = new Key("/site/stranger", KeyType.EC, clock);
    StrictCommandAuthorizer[] auth = new StrictCommandAuthorizer[1];
    MgmtFixture fx = new MgmtFixture(clock, new ManagementConfig(),
        (request, done) -> auth[0].authorize(request, done), null);
    // the operator's certificate is served on the forwarder, as a certificate server would
    fx.engine.producer().produce(opKey, (interest, responder) -> responder.data(opCert.data()));
    auth[0] = StrictCommandAuthorizer.builder().defaultPolicy(StrictCommandAuthorizer.trustPolicy(
        List.of(root.cert), CertificateFetcher.over(fx.engine.newAppFace().consumer(), 0), 2, clock::epochMillis))
        .build();
    TestFace app = fx.localFace();
    assertCode(200, fx.response(app, operator.sign(Interest.builder(commandName("rib", "register",
        register("/op"))).lifetime(4000))));
    assertTrue(routed(fx, "/op"));
    ControlResponse r = fx.response(app, stranger.sign(commandName("rib", "register", register("/no"))));
    assertCode(403, r);
    assertTrue(r.text().contains("cannot fetch certificate"), r.text());
    assertFalse(routed(fx, "/no"));
  }

  @Test
  void strictModeUsesEachModulesOwnPolicy() {
    ManualClock clock = new ManualClock();
    Key ribOnly = new Key("/site/rib", KeyType.RSA, clock);
    StrictCommandAuthorizer auth = StrictCommandAuthorizer.builder()
        .module("rib", StrictCommandAuthorizer.allowedKeys(List.of(ribOnly.cert))).build();
    MgmtFixture fx = new MgmtFixture(clock, new ManagementConfig(), auth, null);
    TestFace app = fx.localFace();
    assertCode(200, fx.response(app, ribOnly.sign(commandName("rib", "register", register("/r")))));
    ControlResponse r = fx.response(app, ribOnly.sign(commandName("cs", "config",
        ControlParameters.builder().capacity(10).build())));
    assertCode(403, r);
    assertTrue(r.text().contains("no trust policy for module cs"), r.text());
  }

  @Test
  void replayIsRefusedInEveryMode() {
    for (boolean strict : new boolean[] {true, false}) {
      ManualClock clock = new ManualClock();
      Key admin = new Key("/site/admin", KeyType.EC, clock);
      StrictCommandAuthorizer auth = StrictCommandAuthorizer.builder().localFacesTrusted(!strict)
          .defaultPolicy(StrictCommandAuthorizer.allowedKeys(List.of(admin.cert))).build();
      MgmtFixture fx = new MgmtFixture(clock, new ManagementConfig(), auth, null);
      fx.engine.forwarder().cs().setServeEnabled(false);
      TestFace app = fx.localFace();
      Interest i = admin.sign(commandName("rib", "unregister", register("/x")));
      assertCode(200, fx.response(app, i));
      ControlResponse again = fx.response(app, i.withNonce(i.nonce() + 1));
      assertCode(403, again, (strict ? "strict" : "local") + " mode replay");
    }
  }

  @Test
  void defaultModeAcceptsNdntsDefaultRegistrationOnLocalFaces() {
    Interest i = Interest.decode(java.nio.ByteBuffer.wrap(dev.ndnj.tlv.Hex.decode(
        InteropVectorsTest.NDNTS_RIB_REGISTER)));
    ManualClock clock = new ManualClock(i.signatureInfo().time() + 20);
    StrictCommandAuthorizer auth = StrictCommandAuthorizer.builder().localFacesTrusted(true).build();
    MgmtFixture fx = new MgmtFixture(clock, new ManagementConfig(), auth, null);
    TestFace app = fx.localFace();
    assertCode(200, fx.response(app, i));
    assertTrue(routed(fx, "/ndnts/app"));
  }

  @Test
  void localhopRegistrationIsVerifiedAgainstItsOwnTrustPolicy() {
    ManualClock clock = new ManualClock();
    Key neighbour = new Key("/neighbour", KeyType.EC, clock);
    Key stranger = new Key("/stranger", KeyType.EC, clock);
    StrictCommandAuthorizer auth = StrictCommandAuthorizer.builder().localFacesTrusted(true)
        .localhop(true, StrictCommandAuthorizer.allowedKeys(List.of(neighbour.cert))).build();
    MgmtFixture fx = new MgmtFixture(clock, new ManagementConfig().localhopEnabled(true), auth, null);
    TestFace remote = fx.remoteFace();

    ControlResponse r = fx.response(remote, stranger.sign(localhop(commandName("rib", "register",
        register("/evil")))));
    assertCode(403, r);
    assertFalse(routed(fx, "/evil"));
    assertTrue(loggedRefusalNaming(stranger.cert.name()));
    // DigestSha256 from a non-local face: refused even in the default mode
    assertCode(403, fx.response(remote, fx.signer.v03(localhop(commandName("rib", "register",
        register("/digest"))))));
    assertCode(200, fx.response(remote, neighbour.sign(localhop(commandName("rib", "register",
        register("/ok"))))));
    assertTrue(routed(fx, "/ok"));
  }

  @Test
  void localhopTrustAnyAcceptsAnyWellFormedSignature() {
    ManualClock clock = new ManualClock();
    Key stranger = new Key("/stranger", KeyType.EC, clock);
    StrictCommandAuthorizer auth = StrictCommandAuthorizer.builder().localFacesTrusted(true).localhopAnySigner()
        .build();
    MgmtFixture fx = new MgmtFixture(clock, new ManagementConfig().localhopEnabled(true), auth, null);
    TestFace remote = fx.remoteFace();
    assertCode(200, fx.response(remote, stranger.sign(localhop(commandName("rib", "register", register("/s"))))));
    assertCode(200, fx.response(remote, fx.signer.v03(localhop(commandName("rib", "register", register("/d"))))));
    assertTrue(routed(fx, "/s") && routed(fx, "/d"));
  }

  @Test
  void localhopWithoutATrustPolicyOrDisabledIsRefused() {
    ManualClock clock = new ManualClock();
    Key neighbour = new Key("/neighbour", KeyType.EC, clock);
    for (StrictCommandAuthorizer auth : List.of(
        StrictCommandAuthorizer.builder().localFacesTrusted(true).localhop(true, null).build(),
        StrictCommandAuthorizer.builder().localFacesTrusted(true)
            .localhop(false, StrictCommandAuthorizer.allowedKeys(List.of(neighbour.cert))).build())) {
      MgmtFixture fx = new MgmtFixture(clock, new ManagementConfig().localhopEnabled(true), auth, null);
      TestFace remote = fx.remoteFace();
      assertCode(403, fx.response(remote, neighbour.sign(localhop(commandName("rib", "register",
          register("/n"))))));
      assertFalse(routed(fx, "/n"));
    }
  }

}
