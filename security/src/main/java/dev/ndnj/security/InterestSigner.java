package dev.ndnj.security;

import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.SignatureInfo;
import java.security.SecureRandom;
import java.util.function.LongSupplier;

/**
 * Signs v0.3 signed Interests with a {@link Signer}, adding what receivers need against replay: an 8-octet random
 * SignatureNonce, a SignatureTime (milliseconds since the epoch, strictly increasing across this signer's Interests
 * even when the clock stands still or steps back), and optionally a SignatureSeqNum counting up from 0. This is what
 * NFD's management and ndn-cxx's signed Interest validator check. Thread-safe.
 */
public final class InterestSigner {
  private final Signer signer;
  private final LongSupplier clock;
  private final boolean withSeqNum;
  private final SecureRandom random = new SecureRandom();
  private long lastTime;
  private long nextSeq;

  /** Signs with {@code signer}, SignatureNonce and SignatureTime from the system clock. */
  public InterestSigner(Signer signer) {
    this(signer, System::currentTimeMillis, false);
  }

  /**
   * Signs with {@code signer}; times come from {@code clock} (epoch milliseconds); {@code withSeqNum} adds a
   * SignatureSeqNum.
   */
  public InterestSigner(Signer signer, LongSupplier clock, boolean withSeqNum) {
    this.signer = signer;
    this.clock = clock;
    this.withSeqNum = withSeqNum;
  }

  /** The signer. */
  public Signer signer() {
    return signer;
  }

  /** Signs the Interest {@code builder} describes (its signature fields are replaced). */
  public Interest sign(Interest.Builder builder) {
    byte[] nonce = new byte[8];
    random.nextBytes(nonce);
    SignatureInfo.Builder info = signer.signatureInfo().nonce(nonce);
    synchronized (this) {
      lastTime = Math.max(clock.getAsLong(), lastTime + 1);
      info.time(lastTime);
      if (withSeqNum) {
        info.seqNum(nextSeq++);
      }
    }
    return PacketSigning.sign(builder, signer, info.build());
  }
}
