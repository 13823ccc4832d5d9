package dev.ndnj.security;

import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Name;

/**
 * One rule of a {@link Validator}'s trust policy: for packets whose name is under {@link #packetPrefix()}, which
 * signers are acceptable. The first rule (in the order given to the validator) whose prefix covers a packet decides
 * for it; a packet no rule covers is rejected. Rules apply to every packet of a chain, certificates included.
 * Immutable.
 */
public final class TrustRule {
  private enum Kind { SIGNER_UNDER, HIERARCHICAL, ANY }

  private final Kind kind;
  private final Name packetPrefix;
  private final Name signerPrefix;

  private TrustRule(Kind kind, Name packetPrefix, Name signerPrefix) {
    this.kind = kind;
    this.packetPrefix = packetPrefix;
    this.signerPrefix = signerPrefix;
  }

  /** Packets under {@code packetPrefix} must be signed by a key whose name is under {@code signerPrefix}. */
  public static TrustRule signerUnder(Name packetPrefix, Name signerPrefix) {
    return new TrustRule(Kind.SIGNER_UNDER, packetPrefix, signerPrefix);
  }

  /**
   * Packets under {@code packetPrefix} must be signed by a key whose identity is a prefix of the packet's name (a
   * key of {@code /a} may sign {@code /a/b/c} and the certificates of {@code /a/b}'s keys).
   */
  public static TrustRule hierarchical(Name packetPrefix) {
    return new TrustRule(Kind.HIERARCHICAL, packetPrefix, null);
  }

  /** Packets under {@code packetPrefix} may be signed by any key that chains to a trust anchor. */
  public static TrustRule anySigner(Name packetPrefix) {
    return new TrustRule(Kind.ANY, packetPrefix, null);
  }

  /** The packet names this rule covers. */
  public Name packetPrefix() {
    return packetPrefix;
  }

  /** Whether this rule decides for {@code packetName}. */
  public boolean covers(Name packetName) {
    return packetPrefix.isPrefixOf(packetName);
  }

  /**
   * Null if {@code signerName} (a KeyLocator: key or certificate name) may sign {@code packetName}, else why not.
   */
  public String check(Name packetName, Name signerName) {
    Name key = Certificate.isCertificateName(signerName) || Certificate.isKeyName(signerName)
        ? Certificate.toKeyName(signerName) : signerName;
    switch (kind) {
      case SIGNER_UNDER:
        return signerPrefix.isPrefixOf(key) ? null
            : "signer " + key + " is not under " + signerPrefix + " (" + this + ")";
      case HIERARCHICAL:
        if (!Certificate.isKeyName(key)) {
          return "signer " + signerName + " is not a key name (" + this + ")";
        }
        Name identity = Certificate.toIdentity(key);
        return identity.isPrefixOf(packetName) ? null
            : "signer identity " + identity + " is not a prefix of " + packetName + " (" + this + ")";
      default:
        return null;
    }
  }

  @Override
  public String toString() {
    switch (kind) {
      case SIGNER_UNDER:
        return "rule " + packetPrefix + " <- signer under " + signerPrefix;
      case HIERARCHICAL:
        return "rule " + packetPrefix + " <- hierarchical signer";
      default:
        return "rule " + packetPrefix + " <- any signer";
    }
  }
}
