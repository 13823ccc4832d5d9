package dev.ndnj.engine.fw;

/** Settings of a {@link Forwarder}; defaults follow NFD where NFD has one. Mutable builder-style, copied on use. */
public final class ForwarderConfig {
  int pitMaxEntries = 1 << 20;
  int pitPerFaceQuota = 1 << 16;
  int deadNonceListCapacity = 1 << 16;
  long deadNonceLifetimeMillis = 6000;
  boolean admitUnsolicitedFromLocalFaces;

  /** Maximum PIT entries (default 1,048,576). */
  public ForwarderConfig pitMaxEntries(int n) {
    pitMaxEntries = n;
    return this;
  }

  /** Maximum PIT in-records one face may hold (default 65,536). */
  public ForwarderConfig pitPerFaceQuota(int n) {
    pitPerFaceQuota = n;
    return this;
  }

  /** Dead Nonce List capacity in pairs (default 65,536). */
  public ForwarderConfig deadNonceListCapacity(int n) {
    deadNonceListCapacity = n;
    return this;
  }

  /** Whether unsolicited Data from local faces are cached (NFD's admit-local policy); default off (drop all). */
  public ForwarderConfig admitUnsolicitedFromLocalFaces(boolean on) {
    admitUnsolicitedFromLocalFaces = on;
    return this;
  }
}
