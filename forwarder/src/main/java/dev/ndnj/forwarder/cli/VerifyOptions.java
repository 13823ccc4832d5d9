package dev.ndnj.forwarder.cli;

import dev.ndnj.security.CertificateFetcher;
import dev.ndnj.security.CertificateIo;
import dev.ndnj.security.KeyChain;
import dev.ndnj.security.TrustRule;
import dev.ndnj.security.Validator;
import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Name;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --verify} and {@code --trust-anchor FILE} of {@code ndnj peek} and {@code ndnj get}: validate what comes
 * back with the security module's {@link Validator} (signature, validity periods, a chain to a trust anchor; any
 * signer that chains to an anchor is accepted). The anchors are the certificate files given, as {@code ndnj key}
 * writes them, or else every certificate of the keychain. Certificates between the signer and an anchor are fetched
 * over NDN through the tool's client engine (as the producer tools serve their key's certificate).
 */
final class VerifyOptions {
  /** Retransmissions of a certificate Interest. */
  private static final int CERTIFICATE_RETRIES = 1;

  @Option(names = "--verify",
      description = "Validate the Data (signature, validity, chain to a trust anchor); exit 1 with the reason if not")
  boolean verify;

  @Option(names = "--trust-anchor", paramLabel = "FILE",
      description = "Trust anchor certificate for --verify, as ndnj key cert-dump writes it (repeatable; "
          + "default: the keychain's certificates)")
  List<Path> anchors = new ArrayList<>();

  /** Checks that --trust-anchor comes with --verify. */
  void validate() {
    if (!anchors.isEmpty() && !verify) {
      throw new IllegalArgumentException("--trust-anchor needs --verify");
    }
  }

  /**
   * With {@code --verify}, sets a validator on the client engine's default consumer (the one the tools use), so
   * every Data it returns has been validated; without, does nothing. {@code keychainDir} is where the keychain was
   * looked for (for messages).
   *
   * @throws ToolException if an anchor file cannot be read, or there is no anchor at all
   */
  void install(ForwarderClient c, Path keychainDir) throws ToolException {
    if (!verify) {
      return;
    }
    List<Certificate> trusted = new ArrayList<>();
    if (!anchors.isEmpty()) {
      for (Path f : anchors) {
        try {
          trusted.add(CertificateIo.read(f));
        } catch (IOException | RuntimeException e) {
          throw new ToolException("cannot read the trust anchor " + f + ": " + e.getMessage(), e);
        }
      }
    } else {
      KeyChain kc = c.keychain();
      if (kc != null) {
        try {
          for (Name id : kc.identities()) {
            for (Name k : kc.keys(id)) {
              trusted.addAll(kc.certificates(k));
            }
          }
        } catch (IOException | RuntimeException e) {
          throw new ToolException("cannot read the keychain " + kc.directory() + ": " + e.getMessage(), e);
        }
      }
      if (trusted.isEmpty()) {
        throw new ToolException("--verify needs a trust anchor: --trust-anchor FILE, or a keychain with certificates"
            + " (keychain " + keychainDir + (kc == null ? ": none there" : "") + ")");
      }
    }
    Validator.Builder v = Validator.builder().rule(TrustRule.anySigner(Name.ROOT))
        .fetcher(CertificateFetcher.over(c.engine().newAppFace().consumer(), CERTIFICATE_RETRIES));
    trusted.forEach(v::anchor);
    c.engine().consumer().setValidator(v.build());
  }
}
