package dev.ndnj.engine.fw;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.engine.table.DeadNonceList;
import dev.ndnj.engine.table.Pit;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;

/**
 * The forwarder's short path for the commonest Interest of a browser worker: a Content Store hit answered from the
 * received frame's octets, without decoding the Interest, making a name, or running the incoming Interest pipeline.
 * {@link #answer} reads the frame in place and answers only when the general pipeline would have answered from the
 * Content Store without a PIT entry ({@link Forwarder#onIncomingInterest} then {@code onContentStoreHitWithoutEntry}),
 * with the same Data, PitToken and counters; in every other case it declines having done and counted nothing, and
 * the frame takes the general path.
 *
 * <p>What it answers: a frame that is a bare Interest, or an LpPacket holding only a PitToken and a Fragment that is
 * the whole Interest; an Interest in the shape the codec accepts (shortest-form lengths) made only of a Name of
 * one-octet-type, one-octet-length components with no digest component, MustBeFresh, a Nonce, InterestLifetime and
 * HopLimit, in that order, the Nonce present and the HopLimit, if any, not 0 (so no CanBePrefix, ForwardingHint or
 * ApplicationParameters); not under {@code /localhost} on a non-local face; no Dead Nonce List entry for its name
 * and Nonce; no PIT entry of any selectors for its name; every strategy answering Content Store hits without an entry
 * ({@link StrategyChoice#contentStoreHitsWithoutEntry()}); and a Data stored under exactly its name that satisfies
 * MustBeFresh ({@link ContentStore#findExact}). The name is hashed from its octets as {@link Name#hashCode()} hashes
 * it ({@link Name#hashValue}), and the tables are probed with the octets and that hash.
 *
 * <p>Why it exists: in TeaVM's JavaScript a message that runs through many distinct functions costs several times its
 * hot cost when the worker's thread has slept (docs/benchmarks.md, "Browser tier"); the general path runs some sixty
 * of the engine's and codec's. Which faces offer their frames here is the link service's option
 * ({@code GenericLinkService.Options.contentStoreShortPath}). Forwarding thread only; no state of its own.
 */
final class ContentStoreShortPath {
  /** The first component TLV of {@code /localhost}. */
  private static final byte[] LOCALHOST = {8, 9, 'l', 'o', 'c', 'a', 'l', 'h', 'o', 's', 't'};

  private final ForwarderCounters counters;
  private final StrategyChoice strategyChoice;
  private final DeadNonceList deadNonceList;
  private final Pit pit;
  private final ContentStore cs;

  ContentStoreShortPath(ForwarderCounters counters, StrategyChoice strategyChoice, DeadNonceList deadNonceList, Pit pit,
      ContentStore cs) {
    this.counters = counters;
    this.strategyChoice = strategyChoice;
    this.deadNonceList = deadNonceList;
    this.pit = pit;
    this.cs = cs;
  }

  /**
   * Answers the Interest in the frame {@code a[from, end)} (borrowed, only read) from the Content Store and returns
   * true, or returns false having done nothing; see the class comment. The face's received-Interest count is the
   * caller's.
   */
  boolean answer(Face ingress, byte[] a, int from, int end) {
    if (!strategyChoice.contentStoreHitsWithoutEntry()) {
      return false;
    }
    int p = from;
    int tokenAt = -1;
    int tokenLength = 0;
    if (p < end && a[p] == TlvTypes.LP_PACKET) {
      // exactly a PitToken, then the Fragment, which is the whole Interest
      p = valueEndingAt(a, p + 1, end);
      if (p < 0 || end - p < 4 || a[p] != TlvTypes.LP_PIT_TOKEN) {
        return false;
      }
      tokenLength = a[p + 1];
      tokenAt = p + 2;
      p = tokenAt + tokenLength;
      if (tokenLength < 1 || tokenLength > 32 || end - p < 2 || a[p] != TlvTypes.LP_FRAGMENT) {
        return false;
      }
      p = valueEndingAt(a, p + 1, end);
      if (p < 0) {
        return false;
      }
    }
    if (p >= end || a[p] != TlvTypes.INTEREST) {
      return false;
    }
    p = valueEndingAt(a, p + 1, end);
    if (p < 0 || end - p < 2 || a[p] != TlvTypes.NAME) {
      return false;
    }
    int name = p + 2;
    int nameLength = a[p + 1] & 0xff;
    p = name + nameLength;
    if (nameLength == 0 || nameLength >= 253 || p > end) {
      return false;
    }
    for (int c = name; c < p; ) {
      int t = a[c] & 0xff;
      int l = c + 1 < p ? a[c + 1] & 0xff : 255;
      if (t == 0 || t >= 253 || t == TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT
          || t == TlvTypes.PARAMETERS_SHA256_DIGEST_COMPONENT || l >= 253 || l > p - c - 2) {
        return false;
      }
      c += 2 + l;
    }
    boolean mustBeFresh = p < end && a[p] == TlvTypes.MUST_BE_FRESH;
    if (mustBeFresh) {
      if (end - p < 2 || a[p + 1] != 0) {
        return false;
      }
      p += 2;
    }
    if (end - p < 6 || a[p] != TlvTypes.NONCE || a[p + 1] != 4) {
      return false;
    }
    int nonce = a[p + 2] << 24 | (a[p + 3] & 0xff) << 16 | (a[p + 4] & 0xff) << 8 | a[p + 5] & 0xff;
    p += 6;
    if (p < end && a[p] == TlvTypes.INTEREST_LIFETIME) {
      int l = end - p < 2 ? 0 : a[p + 1];
      if (l != 1 && l != 2 && l != 4 || end - p - 2 < l) {
        return false;
      }
      p += 2 + l;
    }
    if (p < end && a[p] == TlvTypes.HOP_LIMIT) {
      if (end - p < 3 || a[p + 1] != 1 || a[p + 2] == 0) {
        return false;
      }
      p += 3;
    }
    if (p != end) {
      return false;
    }
    if (!ingress.isLocal() && nameLength >= LOCALHOST.length) {
      int i = 0;
      while (i < LOCALHOST.length && a[name + i] == LOCALHOST[i]) {
        i++;
      }
      if (i == LOCALHOST.length) {
        return false;
      }
    }
    int hash = Name.hashValue(a, name, nameLength);
    if (deadNonceList.has(hash, nonce) || pit.hasEntries(a, name, nameLength, hash)) {
      return false;
    }
    Data data = cs.findExact(a, name, nameLength, hash, mustBeFresh);
    if (data == null) {
      return false;
    }
    // what onIncomingInterest, onContentStoreHitWithoutEntry and sendDataOut count (the name is not /localhost on a
    // non-local face, and the Data's name is the Interest's)
    counters.inInterests++;
    counters.csHits++;
    counters.satisfiedInterests++;
    ingress.sendData(data, tokenAt < 0 ? null : Tlv.view(ByteBuffer.wrap(a), tokenAt, tokenLength),
        FaceTable.CONTENT_STORE);
    counters.outData++;
    return true;
  }

  /**
   * Where the value of the element whose TLV-LENGTH is at {@code q} starts, if that length has the 1- or 3-octet
   * shortest form and the value ends exactly at {@code end}; else -1.
   */
  private static int valueEndingAt(byte[] a, int q, int end) {
    if (q >= end) {
      return -1;
    }
    int l = a[q] & 0xff;
    if (l < 253) {
      return q + 1 + l == end ? q + 1 : -1;
    }
    if (l != 253 || end - q < 3) {
      return -1;
    }
    l = (a[q + 1] & 0xff) << 8 | a[q + 2] & 0xff;
    return l >= 253 && q + 3 + l == end ? q + 3 : -1;
  }
}
