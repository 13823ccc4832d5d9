package dev.ndnj.forwarder.mgmt;

import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.KeyLocator;
import dev.ndnj.tlv.Name;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Freshness and replay checks of command Interests, as ndn-cxx's command Interest and signed Interest validators do
 * them: the timestamp must be within the grace period of the forwarder's clock (either way); for a signer already
 * seen, the timestamp must be newer than its last accepted one, the sequence number (when present) larger, and the
 * nonce not among its recent ones. Records are updated only when a command is accepted ({@link #record}).
 *
 * <p>Signers are told apart by KeyLocator (name, or digest). A command without KeyLocator (NDNts signs commands with
 * DigestSha256 and no KeyLocator by default) is recorded per ingress face, so unrelated applications do not refuse
 * each other's timestamps. At most {@code capacity} signers are remembered, least recently used forgotten first.
 * Forwarding thread only.
 */
final class CommandReplayGuard {
  private static final int NONCES_PER_KEY = 256;

  private static final class Record {
    long lastTimestamp = -1;
    boolean hasSeqNum;
    long lastSeqNum;
    final LinkedHashSet<String> nonces = new LinkedHashSet<>();
  }

  private final long graceMillis;
  private final Map<String, Record> records;

  CommandReplayGuard(long graceMillis, int capacity) {
    this.graceMillis = graceMillis;
    this.records = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The identity replay records are kept under. */
  static String keyOf(SignedCommand c, int ingressFaceId) {
    KeyLocator kl = c.signatureInfo().keyLocator();
    if (kl != null) {
      Name n = kl.name();
      return n != null ? "name:" + n : "digest:" + Hex.encode(kl.digest());
    }
    return "face:" + ingressFaceId;
  }

  /** Null if {@code c} may be accepted at {@code nowEpochMillis}, else why not. */
  String check(SignedCommand c, String key, long nowEpochMillis) {
    long ts = c.timestamp();
    if (ts >= 0 && Math.abs(nowEpochMillis - ts) > graceMillis) {
      return "command timestamp " + ts + " is more than " + graceMillis + " ms from the forwarder's clock "
          + nowEpochMillis;
    }
    Record r = records.get(key);
    if (r == null) {
      return null;
    }
    if (ts >= 0 && r.lastTimestamp >= 0 && ts <= r.lastTimestamp) {
      return "command timestamp " + ts + " is not newer than the last accepted one (" + r.lastTimestamp + ")";
    }
    if (c.hasSeqNum() && r.hasSeqNum && c.seqNum() <= r.lastSeqNum) {
      return "command sequence number " + c.seqNum() + " is not larger than the last accepted one ("
          + r.lastSeqNum + ")";
    }
    if (r.nonces.contains(c.nonceHex())) {
      return "command nonce was already used (replay)";
    }
    return null;
  }

  /** Remembers an accepted command. */
  void record(SignedCommand c, String key) {
    Record r = records.computeIfAbsent(key, k -> new Record());
    if (c.timestamp() >= 0) {
      r.lastTimestamp = Math.max(r.lastTimestamp, c.timestamp());
    }
    if (c.hasSeqNum()) {
      r.lastSeqNum = r.hasSeqNum ? Math.max(r.lastSeqNum, c.seqNum()) : c.seqNum();
      r.hasSeqNum = true;
    }
    r.nonces.add(c.nonceHex());
    if (r.nonces.size() > NONCES_PER_KEY) {
      r.nonces.remove(r.nonces.iterator().next());
    }
  }

  /** Number of signers remembered. */
  int size() {
    return records.size();
  }
}
