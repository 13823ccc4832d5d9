package dev.ndnj.engine.table;

import dev.ndnj.engine.face.Face;

/** An upstream of a PIT entry: the face an Interest was sent to, the Nonce used, expiry, and a Nack if one came. */
public final class OutRecord {
  final Face face;
  int nonce;
  long lastRenewed;
  long expiry;
  int incomingNack = -1;
  private Object strategyInfo;

  OutRecord(Face face) {
    this.face = face;
  }

  /** The upstream face. */
  public Face face() {
    return face;
  }

  /** The Nonce last sent. */
  public int nonce() {
    return nonce;
  }

  /** When the Interest was last sent (monotonic ms). */
  public long lastRenewed() {
    return lastRenewed;
  }

  /** When this out-record expires (monotonic ms). */
  public long expiry() {
    return expiry;
  }

  /** The reason of the Nack received from this upstream, or -1. */
  public int incomingNack() {
    return incomingNack;
  }

  /** State a strategy keeps per upstream (e.g. its retransmission interval), or null. */
  public Object strategyInfo() {
    return strategyInfo;
  }

  /** Sets the strategy's per-upstream state. */
  public void setStrategyInfo(Object info) {
    strategyInfo = info;
  }

  /** Records a Nack from this upstream. */
  public void setIncomingNack(int reason) {
    incomingNack = reason;
  }
}
