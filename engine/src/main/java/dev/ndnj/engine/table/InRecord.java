package dev.ndnj.engine.table;

import dev.ndnj.engine.face.Face;
import dev.ndnj.tlv.Interest;
import java.nio.ByteBuffer;

/** A downstream of a PIT entry: the face an Interest came from, its Nonce, expiry and PitToken. */
public final class InRecord {
  final Face face;
  /** The PIT's in-record counter of {@link #face} (its per-face quota), released with the record. */
  int[] quotaCount;
  Interest interest;
  int nonce;
  long lastRenewed;
  long expiry;
  ByteBuffer pitToken;

  InRecord(Face face) {
    this.face = face;
  }

  /** The downstream face. */
  public Face face() {
    return face;
  }

  /** The latest Interest received from it (a view). */
  public Interest interest() {
    return interest;
  }

  /** Its last Nonce. */
  public int nonce() {
    return nonce;
  }

  /** When it was last renewed (monotonic ms). */
  public long lastRenewed() {
    return lastRenewed;
  }

  /** When it expires (monotonic ms). */
  public long expiry() {
    return expiry;
  }

  /** The PitToken to echo (a view), or null. */
  public ByteBuffer pitToken() {
    return pitToken;
  }
}
