package dev.ndnj.forwarder.cli;

import dev.ndnj.security.CertificateIo;
import dev.ndnj.security.KeyChain;
import dev.ndnj.security.KeyType;
import dev.ndnj.security.SafeBag;
import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Name;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ndnj key}: the keychain tools, after ndn-cxx's {@code ndnsec}: create identities and keys, list them,
 * export and import SafeBags, dump and install certificates, make certificate requests and issue certificates.
 * The keychain is {@code --keychain DIR}, else {@code $NDNJ_KEYCHAIN}, else {@code ~/.ndnj/keychain}. Certificates
 * are read and printed in ndnsec's base64 form, so the two tools exchange them.
 */
@Command(name = "key", description = "Manage the keychain: identities, keys and certificates (like ndnsec).",
    subcommands = {KeyCommand.Gen.class, KeyCommand.ListKeys.class, KeyCommand.Export.class, KeyCommand.Import.class,
        KeyCommand.CertDump.class, KeyCommand.CertInstall.class, KeyCommand.SignReq.class, KeyCommand.CertGen.class})
public final class KeyCommand implements Runnable {
  @ParentCommand
  NdnjCli root;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options and helpers every key subcommand shares. */
  abstract static class Sub implements Callable<Integer> {
    @ParentCommand
    KeyCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--keychain", paramLabel = "DIR",
        description = "keychain directory (default $NDNJ_KEYCHAIN or ~/.ndnj/keychain)")
    Path keychain;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }

    KeyChain open() throws IOException {
      return KeyChain.open(keychain != null ? keychain : KeyChain.defaultDirectory());
    }

    byte[] input(String file) throws IOException {
      return file == null || file.equals("-") ? parent.root.stdin().readAllBytes() : Files.readAllBytes(Path.of(file));
    }

    /** The password from the option, else asked on the terminal (twice when {@code confirm}). */
    char[] password(String option, boolean confirm) {
      if (option != null) {
        return option.toCharArray();
      }
      Console c = System.console();
      if (c == null) {
        throw new IllegalArgumentException("no terminal to ask for the passphrase: use -P");
      }
      char[] p = c.readPassword("Passphrase: ");
      if (confirm && !java.util.Arrays.equals(p, c.readPassword("Confirm: "))) {
        throw new IllegalArgumentException("the passphrases differ");
      }
      return p;
    }

    abstract int run() throws Exception;

    @Override
    public Integer call() throws Exception {
      try {
        return run();
      } catch (IllegalArgumentException | IllegalStateException e) {
        err().println("ndnj key " + spec.name() + ": " + e.getMessage());
        return 1;
      } finally {
        out().flush(); // print() does not flush an autoflush writer, and main exits right after
      }
    }
  }

  /** {@code ndnj key gen}. */
  @Command(name = "gen", description = {"Create a key (and self-signed certificate) for IDENTITY and make it the",
      "identity's default; prints the certificate (base64)."})
  static final class Gen extends Sub {
    @Parameters(paramLabel = "IDENTITY", description = "identity name, e.g. /example/alice")
    String identity;

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", defaultValue = "ec",
        description = "key type: ec (ECDSA P-256, default), rsa (2048), ed25519, hmac")
    String type;

    @Option(names = "--default-identity", description = "also make IDENTITY the default identity")
    boolean makeDefault;

    @Override
    int run() throws IOException {
      KeyChain kc = open();
      Name id = Name.parse(identity);
      KeyType t = KeyType.parse(type);
      Name key = kc.createKey(id, t);
      if (makeDefault) {
        kc.setDefaultIdentity(id);
      }
      Certificate cert = kc.defaultCertificate(key);
      if (cert != null) {
        out().print(CertificateIo.toBase64(cert));
      } else {
        out().println(key);
      }
      return 0;
    }
  }

  /** {@code ndnj key list}. */
  @Command(name = "list", description = "List identities (* marks defaults); -k adds keys, -c keys and certificates.")
  static final class ListKeys extends Sub {
    @Option(names = {"-k", "--keys"}, description = "show keys")
    boolean keys;

    @Option(names = {"-c", "--certs"}, description = "show keys and certificates")
    boolean certs;

    @Override
    int run() throws IOException {
      KeyChain kc = open();
      Name defId = kc.defaultIdentity();
      for (Name id : kc.identities()) {
        out().println((id.equals(defId) ? "* " : "  ") + id);
        if (!keys && !certs) {
          continue;
        }
        Name defKey = kc.defaultKey(id);
        for (Name k : kc.keys(id)) {
          out().println("  " + (k.equals(defKey) ? "+->* " : "+->  ") + k + " [" + kc.keyType(k)
              + (kc.hasPrivateKey(k) ? "" : ", public only") + "]");
          if (!certs) {
            continue;
          }
          Certificate defCert = kc.defaultCertificate(k);
          for (Certificate c : kc.certificates(k)) {
            boolean d = defCert != null && c.name().equals(defCert.name());
            out().println("       " + (d ? "+->* " : "+->  ") + c.name());
          }
        }
      }
      return 0;
    }
  }

  /** {@code ndnj key export}. */
  @Command(name = "export", description = {"Export NAME (identity, key or certificate) with its private key as a",
      "password-protected SafeBag, base64 (ndnsec import reads it)."})
  static final class Export extends Sub {
    @Parameters(paramLabel = "NAME", description = "identity, key or certificate name")
    String name;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE (default standard output)")
    Path output;

    @Option(names = {"-P", "--password"}, paramLabel = "PASSPHRASE",
        description = "passphrase (default: asked on the terminal)")
    String pw;

    @Override
    int run() throws IOException {
      SafeBag bag = open().exportSafeBag(Name.parse(name), password(pw, true));
      if (output != null) {
        Files.writeString(output, bag.toBase64(), StandardCharsets.US_ASCII);
      } else {
        out().print(bag.toBase64());
      }
      return 0;
    }
  }

  /** {@code ndnj key import}. */
  @Command(name = "import", description = "Import a SafeBag (base64, as ndnsec export writes) from FILE or '-'.")
  static final class Import extends Sub {
    @Parameters(paramLabel = "FILE", arity = "0..1", description = "SafeBag file; '-' or none: standard input")
    String file;

    @Option(names = {"-P", "--password"}, paramLabel = "PASSPHRASE",
        description = "passphrase (default: asked on the terminal)")
    String pw;

    @Override
    int run() throws IOException {
      byte[] in = input(file);
      SafeBag bag = in.length > 0 && (in[0] & 0xff) == SafeBag.SAFE_BAG ? SafeBag.decode(in)
          : SafeBag.fromBase64(new String(in, StandardCharsets.US_ASCII));
      Certificate c = open().importSafeBag(bag, password(pw, false));
      out().println("imported " + c.keyName() + " with certificate " + c.name());
      return 0;
    }
  }

  /** {@code ndnj key cert-dump}. */
  @Command(name = "cert-dump", description = {"Print a certificate (base64): NAME is a certificate, a key (its",
      "default certificate) or an identity (its default key's); -f reads a file instead."})
  static final class CertDump extends Sub {
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "certificate, key or identity name")
    String name;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "dump a certificate file ('-': stdin)")
    String file;

    @Option(names = {"-p", "--pretty"}, description = "print the fields instead of base64")
    boolean pretty;

    @Override
    int run() throws IOException {
      Certificate c;
      if (file != null) {
        c = CertificateIo.decode(input(file));
      } else if (name != null) {
        c = find(open(), Name.parse(name));
      } else {
        throw new IllegalArgumentException("give a NAME or -f FILE");
      }
      if (pretty) {
        out().println("Certificate name: " + c.name());
        out().println("Identity:         " + c.identity());
        out().println("Key:              " + c.keyName());
        out().println("Issuer id:        " + c.issuerId());
        out().println("Validity:         " + c.notBefore() + " .. " + c.notAfter());
        out().println("Signature type:   " + c.data().signatureInfo().type());
        out().println("Signer:           " + c.signerName() + (c.isSelfSigned() ? " (self-signed)" : ""));
        for (Map.Entry<String, String> e : c.additionalDescription().entrySet()) {
          out().println("Description:      " + e.getKey() + " = " + e.getValue());
        }
        out().println("Public key:       " + c.publicKey().length + " octets (SubjectPublicKeyInfo)");
      } else {
        out().print(CertificateIo.toBase64(c));
      }
      return 0;
    }
  }

  static Certificate find(KeyChain kc, Name n) throws IOException {
    if (Certificate.isCertificateName(n)) {
      Certificate c = kc.certificate(n);
      if (c != null) {
        return c;
      }
    }
    Name key = Certificate.isKeyName(n) && kc.hasKey(n) ? n : kc.defaultKey(n);
    Certificate c = key == null ? null : kc.defaultCertificate(key);
    if (c == null) {
      throw new IllegalArgumentException("no certificate for " + n);
    }
    return c;
  }

  /** {@code ndnj key cert-install}. */
  @Command(name = "cert-install", description = "Install a certificate (base64 or binary) from FILE or '-'.")
  static final class CertInstall extends Sub {
    @Parameters(paramLabel = "FILE", arity = "0..1", description = "certificate file; '-' or none: standard input")
    String file;

    @Option(names = "--no-default", description = "do not make it its key's default certificate")
    boolean noDefault;

    @Override
    int run() throws IOException {
      Certificate c = CertificateIo.decode(input(file));
      KeyChain kc = open();
      kc.addCertificate(c);
      if (!noDefault) {
        kc.setDefaultCertificate(c.name());
      }
      out().println("installed " + c.name());
      return 0;
    }
  }

  /** {@code ndnj key sign-req}. */
  @Command(name = "sign-req", description = {"Print a certificate request (base64) for NAME: a self-signed",
      "certificate of the key (an identity: its default key), for an issuer's cert-gen."})
  static final class SignReq extends Sub {
    @Parameters(paramLabel = "NAME", description = "identity or key name")
    String name;

    @Override
    int run() throws IOException {
      KeyChain kc = open();
      Name n = Name.parse(name);
      Name key = Certificate.isKeyName(n) && kc.hasKey(n) ? n : kc.defaultKey(n);
      if (key == null) {
        throw new IllegalArgumentException("no identity or key " + n);
      }
      for (Certificate c : kc.certificates(key)) {
        if (c.isSelfSigned()) {
          out().print(CertificateIo.toBase64(c));
          return 0;
        }
      }
      long now = System.currentTimeMillis();
      Certificate req = dev.ndnj.security.Certificates.selfSigned(key, kc.privateKey(key), kc.publicKey(key), now,
          now + dev.ndnj.security.Certificates.DEFAULT_VALIDITY_MILLIS, now);
      out().print(CertificateIo.toBase64(req));
      return 0;
    }
  }

  /** {@code ndnj key cert-gen}. */
  @Command(name = "cert-gen", description = {"Issue a certificate for a request (from sign-req, FILE or '-'),",
      "signed by SIGNER; prints it (base64)."})
  static final class CertGen extends Sub {
    @Parameters(paramLabel = "FILE", arity = "0..1", description = "request file; '-' or none: standard input")
    String file;

    @Option(names = {"-s", "--signer"}, required = true, paramLabel = "NAME",
        description = "issuer identity, key or certificate")
    String signer;

    @Option(names = {"-i", "--issuer-id"}, defaultValue = "NA", paramLabel = "ID",
        description = "issuer id component of the new certificate's name (default NA, as ndnsec)")
    String issuerId;

    @Option(names = "--days", defaultValue = "365", paramLabel = "N", description = "validity in days (default 365)")
    long days;

    @Option(names = "--not-before", paramLabel = "YYYYMMDDThhmmss", description = "start of validity (default now)")
    String notBefore;

    @Option(names = "--not-after", paramLabel = "YYYYMMDDThhmmss",
        description = "end of validity (default not-before + days)")
    String notAfter;

    @Option(names = "--info", paramLabel = "KEY=VALUE", description = "AdditionalDescription entry (repeatable)")
    List<String> info = List.of();

    @Override
    int run() throws IOException {
      Certificate request = CertificateIo.decode(input(file));
      long nb = notBefore != null ? Certificate.toEpochMillis(notBefore) : System.currentTimeMillis();
      long na = notAfter != null ? Certificate.toEpochMillis(notAfter) : nb + days * 86_400_000L;
      Map<String, String> desc = new LinkedHashMap<>();
      for (String kv : info) {
        int eq = kv.indexOf('=');
        if (eq <= 0 || eq == kv.length() - 1) {
          throw new IllegalArgumentException("--info wants KEY=VALUE, got " + kv);
        }
        desc.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
      Certificate c = open().issue(Name.parse(signer), request, issuerId, nb, na, desc);
      out().print(CertificateIo.toBase64(c));
      return 0;
    }
  }
}
