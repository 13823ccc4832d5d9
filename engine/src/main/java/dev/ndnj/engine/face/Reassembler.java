package dev.ndnj.engine.face;

import dev.ndnj.engine.platform.Cancellable;
import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.platform.Scheduler;
import dev.ndnj.tlv.LpPacket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * NDNLPv2 indexed reassembly for one face, as NFD's {@code LpReassembler}: fragments are grouped by (remote
 * endpoint, message id = Sequence - FragIndex); when all FragCount pieces are in, the network-layer packet is
 * copied once into a new buffer owned by the caller.
 *
 * <p>Bounds: a partial packet is dropped {@code timeoutMillis} after its last new fragment (counted once per
 * partial packet as {@link FaceDrop#REASSEMBLY_TIMEOUT}); the frames held by all partial packets of the face (plus a
 * small per-packet overhead) never exceed {@code maxBytes}: a fragment that would exceed it is refused
 * ({@link FaceDrop#REASSEMBLY_FULL}, once per refused fragment) and the partial packet it belonged to, which can no
 * longer complete, is freed with it. FragCount above {@code maxFragments} is {@link FaceDrop#OVERSIZED}; a missing
 * Sequence or a FragCount that changed is {@link FaceDrop#REASSEMBLY_INVALID}. Duplicates are ignored (counted in
 * {@link #duplicates()}, not as drops: links duplicate frames legitimately).
 *
 * <p>Ownership: the fragments' frames are owned by the link service (see {@link Transport}); partial packets keep
 * views over them until complete, timed out or cleared. Forwarding thread only.
 */
final class Reassembler {
  /** Approximate bookkeeping cost of one partial packet beyond its frames, charged against the memory bound. */
  static final int PARTIAL_OVERHEAD = 64;
  /** Approximate bookkeeping cost per expected fragment (the slot array). */
  static final int SLOT_OVERHEAD = 8;

  /** A completed packet: its bytes (a new buffer owned by the caller) and the first fragment (its header fields). */
  record Reassembled(ByteBuffer packet, LpPacket first) {}

  private record Key(long endpoint, long messageId) {}

  private final class Partial {
    final Key key;
    final int count;
    final ByteBuffer[] pieces;
    LpPacket first;
    int received;
    int charged;
    long lastArrival;
    Cancellable timer;

    Partial(Key key, int count) {
      this.key = key;
      this.count = count;
      this.pieces = new ByteBuffer[count];
    }
  }

  private final Scheduler scheduler;
  private final Clock clock;
  private final long timeoutMillis;
  private final long maxBytes;
  private final int maxFragments;
  private final Consumer<FaceDrop> drops;
  private final Map<Key, Partial> partials = new HashMap<>();
  private long bytes;
  private long duplicates;

  /**
   * @param drops where drops are counted (the face's counters)
   */
  Reassembler(Scheduler scheduler, Clock clock, long timeoutMillis, long maxBytes, int maxFragments,
      Consumer<FaceDrop> drops) {
    this.scheduler = scheduler;
    this.clock = clock;
    this.timeoutMillis = timeoutMillis;
    this.maxBytes = maxBytes;
    this.maxFragments = maxFragments;
    this.drops = drops;
  }

  /**
   * Adds one fragment (FragCount above 1) received from {@code endpoint} in a frame of {@code frameBytes} octets.
   * Returns the complete packet when this fragment was the last missing one, else null (the fragment is kept, or
   * dropped and counted).
   */
  Reassembled add(long endpoint, LpPacket frag, int frameBytes) {
    long count = frag.fragCount();
    long index = frag.fragIndex();
    if (!frag.hasSequence()) {
      drops.accept(FaceDrop.REASSEMBLY_INVALID);
      return null;
    }
    if (count > maxFragments) {
      drops.accept(FaceDrop.OVERSIZED);
      return null;
    }
    Key key = new Key(endpoint, frag.sequence() - index);
    Partial p = partials.get(key);
    if (p == null) {
      int cost = PARTIAL_OVERHEAD + SLOT_OVERHEAD * (int) count + frameBytes;
      if (bytes + cost > maxBytes) {
        drops.accept(FaceDrop.REASSEMBLY_FULL);
        return null;
      }
      p = new Partial(key, (int) count);
      p.charged = PARTIAL_OVERHEAD + SLOT_OVERHEAD * (int) count;
      bytes += p.charged;
      partials.put(key, p);
      Partial created = p;
      p.timer = scheduler.schedule(timeoutMillis, () -> expire(created));
    } else if (p.count != count) {
      drops.accept(FaceDrop.REASSEMBLY_INVALID);
      return null;
    } else if (p.pieces[(int) index] != null) {
      duplicates++;
      return null;
    } else if (bytes + frameBytes > maxBytes) {
      drops.accept(FaceDrop.REASSEMBLY_FULL);
      remove(p);
      return null;
    }
    p.pieces[(int) index] = frag.fragment();
    if (index == 0) {
      p.first = frag;
    }
    p.received++;
    p.charged += frameBytes;
    bytes += frameBytes;
    p.lastArrival = clock.monotonicMillis();
    if (p.received < p.count) {
      return null;
    }
    remove(p);
    return new Reassembled(join(p.pieces), p.first);
  }

  private static ByteBuffer join(ByteBuffer[] pieces) {
    int total = 0;
    for (ByteBuffer b : pieces) {
      total += b.remaining();
    }
    byte[] out = new byte[total];
    int at = 0;
    for (ByteBuffer b : pieces) {
      int n = b.remaining();
      b.get(out, at, n);
      at += n;
    }
    return ByteBuffer.wrap(out);
  }

  private void expire(Partial p) {
    if (partials.get(p.key) != p) {
      return;
    }
    long due = p.lastArrival + timeoutMillis;
    long now = clock.monotonicMillis();
    if (now < due) {
      // a fragment arrived since the timer was set: the deadline slid (as NFD's re-armed drop timer)
      p.timer = scheduler.schedule(due - now, () -> expire(p));
      return;
    }
    remove(p);
    drops.accept(FaceDrop.REASSEMBLY_TIMEOUT);
  }

  private void remove(Partial p) {
    partials.remove(p.key);
    bytes -= p.charged;
    if (p.timer != null) {
      p.timer.cancel();
    }
  }

  /** Drops every partial packet and cancels their timers (the face closed). */
  void clear() {
    for (Partial p : new ArrayList<>(partials.values())) {
      remove(p);
    }
  }

  /** Number of partial packets waiting for fragments. */
  int partialCount() {
    return partials.size();
  }

  /** Octets charged against the memory bound by partial packets. */
  long bytesHeld() {
    return bytes;
  }

  /** Duplicate fragments ignored so far. */
  long duplicates() {
    return duplicates;
  }
}
