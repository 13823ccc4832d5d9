package dev.ndnj.forwarder.cli;

import dev.ndnj.engine.app.Registration;
import dev.ndnj.security.KeyChain;
import dev.ndnj.security.PacketSigning;
import dev.ndnj.security.Signer;
import dev.ndnj.security.Signers;
import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How {@code ndnj poke} and {@code ndnj put} sign the Data they serve: {@code --identity NAME} (its default key),
 * {@code --key NAME}, or by default the keychain's default identity, with the key name as KeyLocator (as ndn-cxx 0.8
 * signs); DigestSha256 with {@code --digest}, or, with a note on standard error, when the keychain has no identity.
 */
final class SigningOptions {
  @Option(names = {"-i", "--identity"}, paramLabel = "NAME", converter = NameConverter.class,
      description = "Sign with this identity's default key (default: the keychain's default identity)")
  Name identity;

  @Option(names = "--key", paramLabel = "NAME", converter = NameConverter.class,
      description = "Sign with this key (/<identity>/KEY/<key-id>)")
  Name key;

  @Option(names = {"-D", "--digest"},
      description = "Sign with DigestSha256 (integrity only, no signer), even when the keychain has an identity")
  boolean digest;

  /** Checks that at most one of the options is given. */
  void validate() {
    int n = (identity != null ? 1 : 0) + (key != null ? 1 : 0) + (digest ? 1 : 0);
    if (n > 1) {
      throw new IllegalArgumentException("--identity, --key and --digest exclude each other");
    }
  }

  /**
   * The signing this tool does with {@code c}'s keychain (from {@code keychainDir}); a note goes to {@code err} when it falls back to
   * DigestSha256 because the keychain has no identity.
   *
   * @throws ToolException when the identity or key asked for is not in the keychain (or has no private key)
   */
  Signing resolve(ForwarderClient c, Path keychainDir, PrintWriter err, String tool) throws ToolException {
    if (digest) {
      return new Signing(Signers.digestSha256(), null);
    }
    KeyChain kc = c.keychain();
    String where = kc != null ? kc.directory().toString() : keychainDir + " (none there)";
    try {
      Name k;
      if (key != null) {
        if (kc == null || !kc.hasKey(key)) {
          throw new ToolException("no key " + key + " in the keychain " + where);
        }
        k = key;
      } else if (identity != null) {
        k = kc == null ? null : kc.defaultKey(identity);
        if (k == null) {
          throw new ToolException("no identity " + identity + " in the keychain " + where
              + " (ndnj key gen " + identity + " creates one)");
        }
      } else {
        k = CommandInterestSigner.defaultKey(kc);
        if (k == null) {
          err.println(tool + ": note: the keychain " + where + " has no identity; signing with DigestSha256 "
              + "(ndnj key gen /NAME creates one)");
          err.flush();
          return new Signing(Signers.digestSha256(), null);
        }
      }
      if (!kc.hasPrivateKey(k)) {
        throw new ToolException("the keychain " + where + " has no private key for " + k);
      }
      return new Signing(CommandInterestSigner.keySigner(kc, k), kc.defaultCertificate(k));
    } catch (IOException | RuntimeException e) {
      throw new ToolException("cannot read the keychain " + where + ": " + e.getMessage(), e);
    }
  }

  /** A chosen signer and the certificate of its key (null for DigestSha256, or a key without certificate). */
  record Signing(Signer signer, Certificate certificate) {
    /** Signs what {@code b} describes. */
    Data sign(Data.Builder b) {
      return PacketSigning.sign(b, signer);
    }

    /** The signing key's name, or null for DigestSha256. */
    Name keyName() {
      return signer.keyLocator() == null ? null : signer.keyLocator().name();
    }

    /** "DigestSha256" or "key /a/KEY/k", for status lines. */
    String describe() {
      return keyName() == null ? "DigestSha256" : "key " + keyName();
    }

    /**
     * Serves the key's certificate (when there is one) under the key name and registers that prefix, so consumers
     * can fetch it to validate (as {@code --verify} does). Returns the registration, or null.
     */
    Registration serveCertificate(ForwarderClient c) throws ToolException, InterruptedException {
      Name k = keyName();
      if (certificate == null || k == null) {
        return null;
      }
      Data cd = certificate.data();
      Registration reg = c.engine().producer().produce(k, (interest, responder) -> {
        if (interest.matches(cd)) {
          responder.data(cd);
        }
      });
      try {
        c.register(k);
      } catch (ToolException | InterruptedException | RuntimeException e) {
        reg.close();
        throw e;
      }
      return reg;
    }
  }
}
