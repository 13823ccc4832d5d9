package dev.ndnj.forwarder.fwd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.forwarder.mgmt.StrictCommandAuthorizer;
import dev.ndnj.security.CertificateIo;
import dev.ndnj.security.KeyChain;
import dev.ndnj.security.KeyType;
import dev.ndnj.tlv.Name;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The [authorization] and /localhop trust keys of the forwarder's configuration file. */
class FwdAuthorizationConfigTest {
  @TempDir
  Path tmp;

  @Test
  void strictModeWithAnchorsPerModuleAndLocalhopLoads() throws IOException {
    KeyChain kc = KeyChain.open(tmp.resolve("kc"));
    Name key = kc.createIdentity(Name.parse("/admin"), KeyType.EC);
    Path cert = tmp.resolve("admin.cert");
    Files.writeString(cert, CertificateIo.toBase64(kc.defaultCertificate(key)));
    Path conf = tmp.resolve("ndnj.conf");
    Files.write(conf, List.of("[authorization]", "mode = strict", "max_chain = 2", "trust_anchor = " + cert,
        "rib.trust_anchor " + cert, "[rib]", "localhop = yes", "localhop_trust_anchor = " + cert + "," + cert));
    FwdConfig c = new FwdConfig().load(conf);
    assertTrue(c.strictManagement);
    assertEquals(2, c.commandChainLength);
    assertEquals(List.of(cert), c.managementAnchors.get(""));
    assertEquals(List.of(cert), c.managementAnchors.get("rib"));
    assertEquals(2, c.localhopAnchors.size());
    assertInstanceOf(StrictCommandAuthorizer.class, c.commandAuthorizer());
  }

  @Test
  void badValuesNameTheLine() throws IOException {
    Path conf = tmp.resolve("bad.conf");
    Files.write(conf, List.of("[authorization]", "mode = paranoid"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FwdConfig().load(conf));
    assertTrue(e.getMessage().contains(":2:"), e.getMessage());
    Files.write(conf, List.of("[authorization]", "nosuch.trust_anchor = x"));
    assertThrows(IllegalArgumentException.class, () -> new FwdConfig().load(conf));
    Path notCert = tmp.resolve("not.cert");
    Files.writeString(notCert, "hello");
    FwdConfig c = new FwdConfig().managementTrustAnchor("rib", notCert);
    assertThrows(IllegalArgumentException.class, c::commandAuthorizer);
  }
}
