package dev.ndnj.bench.engine;

import dev.ndnj.engine.face.LinkService;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;

/**
 * The producer side of a benchmark exchange: an Interest the forwarder sends here is answered with the Data the
 * benchmark staged for it ({@link #stage}), which goes into a small queue; {@link #drain} then delivers the queued
 * Data to the forwarder as received on this face. The answer is never delivered from inside {@link #sendInterest}:
 * a link service must not re-enter the forwarder's pipelines. No encoding, no copies, no allocation. Forwarding
 * thread only.
 *
 * <p>In checking mode (tests) each staged Data is compared with the Interest it answers; a mismatch is counted and
 * the Data is not sent.
 */
final class ProducerLinkService extends LinkService {
  private final Data[] queue = new Data[16];
  private int head;
  private int count;
  private Data staged;
  private boolean checking;
  private boolean deferred;
  // deferred mode: names of the Interests not yet answered (checking) and their number
  private final Name[] awaiting = new Name[64];
  private int awaitingHead;
  private int awaitingCount;
  private long interestsReceived;
  private long dataSent;
  private long mismatches;
  private long unanswered;

  /** The Data to answer the next Interest with (used once). */
  void stage(Data data) {
    staged = data;
  }

  /** Whether to check that each staged Data's name is the name of the Interest it answers. */
  void setChecking(boolean on) {
    checking = on;
  }

  /**
   * Deferred mode: Interests are not answered from {@link #stage}d Data but later, in order, by the Data handed to
   * {@link #deliverReceived} (at most 64 outstanding).
   */
  void setDeferred(boolean on) {
    deferred = on;
  }

  /**
   * Deferred mode: delivers {@code data} to the forwarder as received on this face, answering the oldest Interest not
   * yet answered (in checking mode a Data of another name is counted and not sent).
   */
  void deliverReceived(Data data) {
    if (awaitingCount == 0) {
      unanswered++; // a Data nothing asked for: the benchmark is out of step
      return;
    }
    Name asked = awaiting[awaitingHead];
    awaiting[awaitingHead] = null;
    awaitingHead = (awaitingHead + 1) & (awaiting.length - 1);
    awaitingCount--;
    if (checking && !data.name().equals(asked)) {
      mismatches++;
      return;
    }
    dataSent++;
    deliverData(data, null);
  }

  @Override
  protected void sendInterest(Interest interest, int ingressFaceId) {
    interestsReceived++;
    if (deferred) {
      if (awaitingCount == awaiting.length) {
        throw new IllegalStateException("more than " + awaiting.length + " Interests awaiting their Data");
      }
      awaiting[(awaitingHead + awaitingCount) & (awaiting.length - 1)] = checking ? interest.name() : null;
      awaitingCount++;
      return;
    }
    Data d = staged;
    staged = null;
    if (d == null) {
      unanswered++;
      return;
    }
    if (checking && !d.name().equals(interest.name())) {
      mismatches++;
      return;
    }
    if (count == queue.length) {
      throw new IllegalStateException("producer queue full: drain() was not called");
    }
    queue[(head + count) & (queue.length - 1)] = d;
    count++;
  }

  /** Delivers every queued Data to the forwarder, in order; returns how many. */
  int drain() {
    int n = 0;
    while (count > 0) {
      Data d = queue[head];
      queue[head] = null;
      head = (head + 1) & (queue.length - 1);
      count--;
      n++;
      dataSent++;
      deliverData(d, null);
    }
    return n;
  }

  @Override
  protected void sendData(Data data, ByteBuffer pitToken, int ingressFaceId) {
    throw new IllegalStateException("the forwarder sent a Data to the producer: " + data.name());
  }

  @Override
  protected void sendNack(Interest interest, int reason, ByteBuffer pitToken) {
    throw new IllegalStateException("the forwarder sent a Nack to the producer: " + interest.name());
  }

  @Override
  protected void receiveFrame(ByteBuffer frame) {
    throw new IllegalStateException("a direct benchmark link carries packet objects, not frames");
  }

  /** Interests the forwarder sent here. */
  long interestsReceived() {
    return interestsReceived;
  }

  /** Data delivered to the forwarder. */
  long dataSent() {
    return dataSent;
  }

  /** Interests answered by a Data of another name (checking mode). */
  long mismatches() {
    return mismatches;
  }

  /** Interests that arrived with no Data staged. */
  long unanswered() {
    return unanswered;
  }
}
