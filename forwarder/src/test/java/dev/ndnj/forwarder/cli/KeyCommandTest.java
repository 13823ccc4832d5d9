package dev.ndnj.forwarder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.security.CertificateIo;
import dev.ndnj.security.Certificates;
import dev.ndnj.security.KeyChain;
import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Name;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ndnj key}: each subcommand against keychains in temporary directories. */
class KeyCommandTest {
  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  private Run run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new NdnjCli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Run key(Path keychain, String stdin, String... args) {
    List<String> a = new ArrayList<>(List.of("key", args[0], "--keychain", keychain.toString()));
    a.addAll(List.of(args).subList(1, args.length));
    return run(stdin, a.toArray(String[]::new));
  }

  @Test
  void genListAndCertDump() throws IOException {
    Path kc = tmp.resolve("kc");
    Run gen = key(kc, "", "gen", "/example/alice");
    assertEquals(0, gen.code(), gen.err());
    Certificate cert = CertificateIo.decode(gen.out().getBytes(StandardCharsets.US_ASCII));
    assertEquals(Name.parse("/example/alice"), cert.identity());
    assertEquals(3, cert.data().signatureInfo().type(), "ECDSA by default");
    Run ed = key(kc, "", "gen", "-t", "ed25519", "/example/bob");
    assertEquals(5, CertificateIo.decode(ed.out().getBytes(StandardCharsets.US_ASCII)).data().signatureInfo().type());

    Run list = key(kc, "", "list", "-c");
    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().contains("* /example/alice"), list.out());
    assertTrue(list.out().contains("  /example/bob"), list.out());
    assertTrue(list.out().contains(cert.name().toString()), list.out());

    Run dump = key(kc, "", "cert-dump", "/example/alice");
    assertEquals(gen.out(), dump.out());
    Run pretty = key(kc, "", "cert-dump", "-p", cert.name().toString());
    assertTrue(pretty.out().contains("self-signed"), pretty.out());
    Run fromStdin = key(kc, gen.out(), "cert-dump", "-p", "-f", "-");
    assertEquals(pretty.out(), fromStdin.out());
  }

  @Test
  void exportImportMovesAKeyBetweenKeychains() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    key(a, "", "gen", "-t", "rsa", "/move/me");
    Path bag = tmp.resolve("me.safebag");
    Run exp = key(a, "", "export", "-P", "pw", "-o", bag.toString(), "/move/me");
    assertEquals(0, exp.code(), exp.err());
    Run wrong = key(b, "", "import", "-P", "nope", bag.toString());
    assertEquals(1, wrong.code());
    assertTrue(wrong.err().contains("wrong password"), wrong.err());
    Run imp = key(b, Files.readString(bag), "import", "-P", "pw", "-");
    assertEquals(0, imp.code(), imp.err());
    KeyChain kb = KeyChain.open(b);
    assertEquals(List.of(Name.parse("/move/me")), kb.identities());
    assertTrue(kb.hasPrivateKey(kb.defaultKey(Name.parse("/move/me"))));
  }

  @Test
  void signReqCertGenCertInstallIssueACertificate() throws IOException {
    Path ca = tmp.resolve("ca");
    Path user = tmp.resolve("user");
    key(ca, "", "gen", "/org");
    key(user, "", "gen", "/org/alice");
    Run req = key(user, "", "sign-req", "/org/alice");
    assertEquals(0, req.code(), req.err());
    Run issued = key(ca, req.out(), "cert-gen", "-s", "/org", "-i", "org-ca", "--days", "30", "--info",
        "purpose=test", "-");
    assertEquals(0, issued.code(), issued.err());
    Certificate c = CertificateIo.decode(issued.out().getBytes(StandardCharsets.US_ASCII));
    assertEquals("org-ca", c.issuerId().toString());
    assertEquals(Map.of("purpose", "test"), c.additionalDescription());
    assertFalse(c.isSelfSigned());
    Certificate caCert = KeyChain.open(ca).defaultCertificate(KeyChain.open(ca).defaultKey(Name.parse("/org")));
    assertTrue(Certificates.isSignedBy(c, caCert));

    Run inst = key(user, issued.out(), "cert-install", "-");
    assertEquals(0, inst.code(), inst.err());
    KeyChain ku = KeyChain.open(user);
    assertEquals(c.name(), ku.defaultCertificate(c.keyName()).name());
    assertNotEquals(c.name(), CertificateIo.decode(req.out().getBytes(StandardCharsets.US_ASCII)).name());
  }

  @Test
  void errorsAreMessagesNotStackTraces() {
    Path kc = tmp.resolve("kc");
    Run noId = key(kc, "", "cert-dump", "/nobody");
    assertEquals(1, noId.code());
    assertTrue(noId.err().contains("no certificate for /nobody"), noId.err());
    Run badType = key(kc, "", "gen", "-t", "dsa", "/x");
    assertEquals(1, badType.code());
    assertTrue(badType.err().contains("unknown key type"), badType.err());
    Run garbage = key(kc, "not a certificate", "cert-install", "-");
    assertEquals(1, garbage.code());
    assertFalse(garbage.err().contains("\tat "), garbage.err());
  }
}
