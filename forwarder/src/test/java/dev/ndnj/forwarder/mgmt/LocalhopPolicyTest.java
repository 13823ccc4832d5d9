package dev.ndnj.forwarder.mgmt;

import static dev.ndnj.forwarder.mgmt.MgmtFixture.assertCode;
import static dev.ndnj.forwarder.mgmt.MgmtFixture.commandName;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.app.Promise;
import dev.ndnj.engine.platform.ManualClock;
import dev.ndnj.engine.table.FibEntry;
import dev.ndnj.forwarder.fwd.FwdConfig;
import dev.ndnj.forwarder.mgmt.StrictAuthorizationTest.Key;
import dev.ndnj.security.CertificateIo;
import dev.ndnj.security.Certificates;
import dev.ndnj.security.InterestSigner;
import dev.ndnj.security.KeyType;
import dev.ndnj.security.Keys;
import dev.ndnj.security.Signers;
import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlCommand;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forwarder's /localhop policy as {@code ndnj fwd} configures it ({@link FwdConfig}): with /localhop on, a
 * non-local face's {@code /localhop/nfd/rib/register} is always checked against the /localhop trust policy; no
 * policy refuses, {@code localhop_trust = any} is the explicit opt-in, anchors accept the keys they certify.
 */
class LocalhopPolicyTest {
  @TempDir
  Path tmp;

  private final ManualClock clock = new ManualClock(System.currentTimeMillis());
  private final List<String> logged = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      synchronized (logged) {
        logged.add(r.getMessage());
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

  private MgmtFixture forwarder(FwdConfig config) throws IOException {
    return new MgmtFixture(clock, new ManagementConfig().localhopEnabled(config.localhopEnabled()),
        config.commandAuthorizer(), null);
  }

  private static Name register(String prefix) {
    return ControlCommand.of("rib", "register", ControlParameters.builder().name(Name.parse(prefix)).build())
        .toName(ManagementDispatcher.LOCALHOP_PREFIX);
  }

  private static boolean routed(MgmtFixture fx, String prefix) {
    FibEntry e = fx.engine.forwarder().fib().findExactMatch(Name.parse(prefix));
    return e != null && e.hasNextHops();
  }

  private boolean loggedRefusalNaming(String signer) {
    synchronized (logged) {
      return logged.stream().anyMatch(m -> m.contains("refused rib/register") && m.contains("signed by " + signer));
    }
  }

  private Path write(Certificate cert) throws IOException {
    Path f = Files.createTempFile(tmp, "anchor", ".cert");
    Files.writeString(f, CertificateIo.toBase64(cert));
    return f;
  }

  @Test
  void localhopOnWithoutAnchorsRefusesNonLocalRegistrationAndLogsTheSigner() throws IOException {
    Key neighbour = new Key("/neighbour", KeyType.EC, clock);
    MgmtFixture fx = forwarder(new FwdConfig().localhop(true));
    TestFace remote = fx.remoteFace();

    ControlResponse signed = fx.response(remote, neighbour.sign(register("/n")));
    assertCode(403, signed);
    assertTrue(signed.text().contains("no /localhop trust policy"), signed.text());
    assertTrue(loggedRefusalNaming(neighbour.cert.name().toString()), "a log line names the signer");
    assertCode(403, fx.response(remote, fx.signer.v03(register("/d"))), "DigestSha256 from a neighbour");
    assertFalse(routed(fx, "/n") || routed(fx, "/d"), "nothing was applied");

    // a local face (a browser's SharedWorker engine over a loopback WebSocket) is trusted under /localhop as ever
    assertCode(200, fx.response(fx.localFace(), fx.signer.v03(register("/tab"))));
    assertTrue(routed(fx, "/tab"));
  }

  @Test
  void localhopTrustAnyIsTheExplicitOptIn() throws IOException {
    Path conf = tmp.resolve("ndnj.conf");
    Files.write(conf, List.of("[rib]", "localhop = yes", "localhop_trust = any"));
    MgmtFixture fx = forwarder(new FwdConfig().load(conf));
    TestFace remote = fx.remoteFace();
    Key stranger = new Key("/stranger", KeyType.ED25519, clock);
    assertCode(200, fx.response(remote, fx.signer.v03(register("/digest"))), "NDNts's DigestSha256 registration");
    assertCode(200, fx.response(remote, stranger.sign(register("/signed"))));
    assertTrue(routed(fx, "/digest") && routed(fx, "/signed"));

    // any excludes anchors; an unknown value names the line
    Path anchor = write(stranger.cert);
    FwdConfig both = new FwdConfig().localhop(true).localhopTrustAny(true).localhopTrustAnchor(anchor);
    assertThrows(IllegalArgumentException.class, both::commandAuthorizer);
    Files.write(conf, List.of("[rib]", "localhop_trust = everyone"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FwdConfig().load(conf));
    assertTrue(e.getMessage().contains(":2:"), e.getMessage());
  }

  @Test
  void localhopTrustAnyWithLocalhopOffStillRefuses() throws IOException {
    MgmtFixture fx = forwarder(new FwdConfig().localhopTrustAny(true));
    ControlResponse r = fx.response(fx.remoteFace(), fx.signer.v03(register("/x")));
    assertCode(403, r);
    assertTrue(r.text().contains("not enabled"), r.text());
  }

  @Test
  void anchorAcceptsItsKeyAndKeysItCertifiesAndRefusesAnother() throws IOException {
    Key anchor = new Key("/site", KeyType.EC, clock);
    KeyPair nbKp = Keys.generate(KeyType.ED25519);
    Name nbKey = Name.parse("/site/router1").append(Certificate.KEY, Component.generic("r1"));
    long now = clock.epochMillis();
    Certificate nbCert = Certificates.issue(nbKey, nbKp.getPublic(), Component.generic("site"),
        Signers.of(anchor.kp.getPrivate(), anchor.cert.name()), now - 60_000, now + 86_400_000L, Map.of(), now);
    InterestSigner neighbour = new InterestSigner(Signers.of(nbKp.getPrivate(), nbKey), clock::epochMillis, false);
    Key other = new Key("/elsewhere", KeyType.EC, clock);

    Path conf = tmp.resolve("anchors.conf");
    Files.write(conf, List.of("[authorization]", "max_chain = 1",
        "[rib]", "localhop = yes", "localhop_trust_anchor = " + write(anchor.cert)));
    FwdConfig config = new FwdConfig().load(conf);
    // the neighbour's certificate, as the forwarder would fetch it over NDN
    MgmtFixture fx = new MgmtFixture(clock, new ManagementConfig().localhopEnabled(true),
        config.commandAuthorizer(() -> name -> name.isPrefixOf(nbCert.name()) ? Promise.completed(nbCert)
            : Promise.failed(new IllegalStateException("no certificate " + name))), null);
    TestFace remote = fx.remoteFace();

    assertCode(200, fx.response(remote, neighbour.sign(Interest.builder(register("/r1")).lifetime(4000))),
        "a key certified by the anchor");
    assertCode(200, fx.response(remote, anchor.sign(register("/site"))), "the anchor's own key");
    ControlResponse refused = fx.response(remote, other.sign(register("/evil")));
    assertCode(403, refused);
    assertTrue(loggedRefusalNaming(other.cert.name().toString()));
    assertCode(403, fx.response(remote, fx.signer.v03(register("/digest"))), "DigestSha256 names no signer");
    assertTrue(routed(fx, "/r1") && routed(fx, "/site"));
    assertFalse(routed(fx, "/evil") || routed(fx, "/digest"));
  }
}
