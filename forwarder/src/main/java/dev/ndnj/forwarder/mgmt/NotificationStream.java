package dev.ndnj.forwarder.mgmt;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.Encodable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A notification stream as ndn-cxx's dispatcher serves one (e.g. faces/events): each posted notification becomes a
 * Data {@code <stream name>/seq=<n>} (n from 0, FreshnessPeriod short, DigestSha256), kept among the last few.
 * Subscribers (ndn-cxx {@code NotificationSubscriber}, NFD's {@code FaceMonitor}) first ask for the stream name with
 * CanBePrefix and MustBeFresh, then for each next sequence number. An Interest for a kept notification is answered
 * at once; one for a notification not posted yet (or, for the stream name, when nothing fresh is kept) waits until
 * its lifetime ends and is answered by the first notification it matches. Forwarding thread only.
 */
final class NotificationStream {
  private static final class Pending {
    final Interest interest;
    final long expiry;

    Pending(Interest interest, long expiry) {
      this.interest = interest;
      this.expiry = expiry;
    }
  }

  private static final class Kept {
    final Data data;
    final long at;

    Kept(Data data, long at) {
      this.data = data;
      this.at = at;
    }
  }

  private final Name name;
  private final Clock clock;
  private final long freshnessMillis;
  private final int capacity;
  private final Consumer<Data> send;
  private final ArrayDeque<Kept> kept = new ArrayDeque<>();
  private final List<Pending> pending = new ArrayList<>();
  private long nextSeq;

  NotificationStream(Name name, Clock clock, long freshnessMillis, int capacity, Consumer<Data> send) {
    this.name = name;
    this.clock = clock;
    this.freshnessMillis = freshnessMillis;
    this.capacity = capacity;
    this.send = send;
  }

  /** The stream's name, e.g. {@code /localhost/nfd/faces/events}. */
  Name name() {
    return name;
  }

  /** The sequence number the next notification gets. */
  long nextSequence() {
    return nextSeq;
  }

  /** Publishes {@code notification}: kept, and sent to the Interests waiting for it. */
  void post(Encodable notification) {
    Data d = Data.builder(name.append(Component.sequenceNumber(nextSeq++)))
        .content(notification.wire())
        .freshnessPeriod(freshnessMillis)
        .signWithDigestSha256();
    long now = clock.monotonicMillis();
    kept.addLast(new Kept(d, now));
    while (kept.size() > capacity) {
      kept.removeFirst();
    }
    boolean wanted = false;
    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (p.expiry <= now) {
        it.remove();
      } else if (p.interest.matches(d)) {
        it.remove();
        wanted = true;
      }
    }
    if (wanted) {
      send.accept(d); // once: the forwarder gives it to every downstream waiting
    }
  }

  /** An Interest under the stream name arrived. */
  void onInterest(Interest interest) {
    long now = clock.monotonicMillis();
    Kept answer = null;
    for (Iterator<Kept> it = kept.descendingIterator(); it.hasNext(); ) {
      Kept k = it.next();
      if (interest.mustBeFresh() && now - k.at >= freshnessMillis) {
        continue;
      }
      if (interest.matches(k.data)) {
        answer = k; // the newest match
        break;
      }
    }
    if (answer != null) {
      send.accept(answer.data);
      return;
    }
    pending.removeIf(p -> p.expiry <= now);
    pending.add(new Pending(interest, now + interest.lifetime()));
  }

  /** Interests waiting for a notification (expired ones may still be counted until the next post or Interest). */
  int pendingCount() {
    return pending.size();
  }

  /** Forgets waiting Interests. */
  void clear() {
    pending.clear();
  }
}
