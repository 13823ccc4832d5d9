package dev.ndnj.forwarder.cli;

import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Sha256;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.function.LongSupplier;

/**
 * Signs NFD command Interests as NDNts does by default: a packet format v0.3 signed Interest with DigestSha256,
 * InterestSignatureInfo carrying an 8-octet SignatureNonce and a SignatureTime (milliseconds since the epoch), no
 * KeyLocator. SignatureTimes strictly increase, so consecutive commands pass the forwarder's replay check even
 * within one millisecond. A DigestSha256 signature proves integrity only; the forwarder's default authorizer
 * accepts it from local faces. (The security module may replace this with a key-based signer.)
 *
 * <p>Thread-safe.
 */
public final class CommandInterestSigner {
  /** InterestLifetime of signed commands, as ndn-cxx's and NDNts's command defaults. */
  public static final long COMMAND_LIFETIME_MILLIS = 4000;

  private final LongSupplier clock;
  private final SecureRandom random = new SecureRandom();
  private long lastTime;

  /** A signer taking SignatureTime from {@code epochMillis} (e.g. the engine's clock). */
  public CommandInterestSigner(LongSupplier epochMillis) {
    this.clock = epochMillis;
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
    SignatureInfo info = SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256).nonce(sigNonce).time(time).build();
    Interest unsigned = Interest.builder(name).nonce(nonce).lifetime(COMMAND_LIFETIME_MILLIS).signatureInfo(info)
        .signatureValue(new byte[32]).build();
    Sha256 h = new Sha256();
    for (ByteBuffer p : unsigned.signedPortions()) {
      h.update(p, p.position(), p.remaining());
    }
    return Interest.builder(name).nonce(nonce).lifetime(COMMAND_LIFETIME_MILLIS).signatureInfo(info)
        .signatureValue(h.digest()).build();
  }
}
