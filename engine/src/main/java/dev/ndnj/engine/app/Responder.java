package dev.ndnj.engine.app;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The way to answer one Interest given to an {@link InterestHandler}: with a Data or a Nack, exactly once, now or
 * later, from any thread (the answer enters the forwarder on its thread). The forwarder sends the Data to every
 * downstream waiting for it, each with its own PitToken; a Data that does not satisfy the Interest (or comes after
 * it expired) is dropped by the forwarder as unsolicited.
 */
public final class Responder {
  private final AppFace face;
  private final Interest interest;
  private final int ingressFaceId;
  private final AtomicBoolean answered = new AtomicBoolean();

  Responder(AppFace face, Interest interest, int ingressFaceId) {
    this.face = face;
    this.interest = interest;
    this.ingressFaceId = ingressFaceId;
  }

  /**
   * The id of the face the Interest came from into the forwarder (for an Interest aggregated from several
   * downstreams, the one whose transmission reached the producer), as NFD's IncomingFaceId; 0 if unknown. A
   * management-like producer uses it to act for the requesting face.
   */
  public int ingressFaceId() {
    return ingressFaceId;
  }

  /** The Interest to answer. */
  public Interest interest() {
    return interest;
  }

  /** Whether {@link #data} or {@link #nack} was called. */
  public boolean isAnswered() {
    return answered.get();
  }

  /**
   * Answers with {@code data} (the packet is shared, not copied).
   *
   * @throws IllegalStateException if already answered
   */
  public void data(Data data) {
    if (data == null) {
      throw new IllegalArgumentException("data must not be null");
    }
    claim();
    face.run(() -> face.putData(data, null));
  }

  /**
   * Answers with a Nack of {@code reason} (a {@code NackReason} code).
   *
   * @throws IllegalStateException if already answered
   */
  public void nack(int reason) {
    claim();
    face.run(() -> face.putNack(interest, reason, null));
  }

  private void claim() {
    if (!answered.compareAndSet(false, true)) {
      throw new IllegalStateException("Interest " + interest.name() + " was already answered");
    }
  }
}
