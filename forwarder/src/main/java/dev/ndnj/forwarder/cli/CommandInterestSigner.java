package dev.ndnj.forwarder.cli;

import dev.ndnj.security.KeyChain;
import dev.ndnj.security.KeyType;
import dev.ndnj.security.PacketSigning;
import dev.ndnj.security.Signer;
import dev.ndnj.security.Signers;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.SignatureInfo;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.function.LongSupplier;

/**
 * Signs NFD command Interests, and is the one place that decides with what: the keychain's default identity (its
 * default key) when the keychain has one, as ndn-cxx's {@code nfdc} signs, else DigestSha256, as NDNts does by
 * default. Either way the command is a packet format v0.3 signed Interest whose InterestSignatureInfo carries an
 * 8-octet SignatureNonce and a SignatureTime (milliseconds since the epoch); with a key, the KeyLocator is the key
 * name (as ndn-cxx 0.8 writes it), without one there is no KeyLocator. SignatureTimes strictly increase, so
 * consecutive commands pass the forwarder's replay check even within one millisecond.
 *
 * <p>A key-signed command passes a strict-mode forwarder ({@code --mgmt-auth strict}) whose trust anchors include
 * the key; a DigestSha256 command proves integrity only and is accepted by the default authorizer from local faces.
 *
 * <p>Thread-safe.
 */
public final class CommandInterestSigner {
  /** InterestLifetime of signed commands, as ndn-cxx's and NDNts's command defaults. */
  public static final long COMMAND_LIFETIME_MILLIS = 4000;

  private final Signer signer;
  private final LongSupplier clock;
  private final SecureRandom random = new SecureRandom();
  private long lastTime;

  /** A DigestSha256 signer taking SignatureTime from {@code epochMillis} (e.g. the engine's clock). */
  public CommandInterestSigner(LongSupplier epochMillis) {
    this(null, epochMillis);
  }

  /** A signer with {@code signer} (null: DigestSha256), SignatureTime from {@code epochMillis}. */
  public CommandInterestSigner(Signer signer, LongSupplier epochMillis) {
    this.signer = signer != null ? signer : Signers.digestSha256();
    this.clock = epochMillis;
  }

  /**
   * The signer a tool uses with {@code keychain} (null: no keychain): its default identity's default key, with the
   * key name as KeyLocator, when it has one with a private key; else DigestSha256.
   *
   * @throws IOException if the keychain cannot be read
   */
  public static CommandInterestSigner forKeychain(KeyChain keychain, LongSupplier epochMillis) throws IOException {
    Name key = defaultKey(keychain);
    return new CommandInterestSigner(key == null ? null : keySigner(keychain, key), epochMillis);
  }

  /**
   * The default identity's default key of {@code keychain} if it has its private key, else null (also for a null
   * keychain).
   */
  static Name defaultKey(KeyChain keychain) throws IOException {
    if (keychain == null) {
      return null;
    }
    Name id = keychain.defaultIdentity();
    Name key = id == null ? null : keychain.defaultKey(id);
    return key != null && keychain.hasPrivateKey(key) ? key : null;
  }

  /** A signer with {@code keyName} of {@code keychain} whose KeyLocator is the key name (as ndn-cxx 0.8 signs). */
  static Signer keySigner(KeyChain keychain, Name keyName) throws IOException {
    if (keychain.keyType(keyName) == KeyType.HMAC) {
      return keychain.signer(keyName); // KeyLocator: the key name
    }
    return Signers.of(keychain.privateKey(keyName), keyName);
  }

  /** The key commands are signed with, or null for DigestSha256. */
  public Name keyName() {
    return signer.keyLocator() == null ? null : signer.keyLocator().name();
  }

  /**
   * The signed command Interest for {@code name} ({@code /localhost/nfd/<module>/<verb>/<parameters>}); its name
   * gets the ParametersSha256DigestComponent.
   *
   * @return a new Interest with a random Nonce and lifetime {@link #COMMAND_LIFETIME_MILLIS}
   */
  public Interest sign(Name name) {
    long time;
    byte[] sigNonce = new byte[8];
    int nonce;
    synchronized (this) {
      time = Math.max(clock.getAsLong(), lastTime + 1);
      lastTime = time;
      random.nextBytes(sigNonce);
      nonce = random.nextInt();
    }
    SignatureInfo info = signer.signatureInfo().nonce(sigNonce).time(time).build();
    return PacketSigning.sign(Interest.builder(name).nonce(nonce).lifetime(COMMAND_LIFETIME_MILLIS), signer, info);
  }
}
