package dev.ndnj.engine.face;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import java.nio.ByteBuffer;

/**
 * The upper half of a {@link Face}: turns network-layer packets into frames for the {@link Transport} and back.
 * {@code GenericLinkService} speaks NDNLPv2 (Nack, PitToken, local fields, fragmentation); an in-process face for
 * applications hands packet objects over without encoding. Runs on the forwarding thread.
 */
public abstract class LinkService {
  private Face face;

  final void attach(Face f) {
    if (face != null) {
      throw new IllegalStateException("link service already belongs to face " + face.id());
    }
    face = f;
  }

  /** The face this link service belongs to. */
  protected final Face face() {
    return face;
  }

  /** Sends a frame through the face's transport (counted there). */
  protected final void sendFrame(ByteBuffer frame) {
    face.transport().send(frame);
  }

  /**
   * Sends the frame in octets {@code from} to {@code to} of {@code frame} (a packet's own, never modified) through
   * the face's transport (counted there), without making a view of them.
   */
  protected final void sendFrame(byte[] frame, int from, int to) {
    face.transport().send(frame, from, to);
  }

  /**
   * Sends an Interest.
   *
   * @param ingressFaceId the face it came from, for IncomingFaceId on local faces that enabled local fields; 0 if
   *     none
   */
  protected abstract void sendInterest(Interest interest, int ingressFaceId);

  /** Sends a Data, echoing {@code pitToken} (a view, or null). */
  protected abstract void sendData(Data data, ByteBuffer pitToken, int ingressFaceId);

  /** Sends a Nack of {@code interest} with {@code reason}, echoing {@code pitToken} (or null). */
  protected abstract void sendNack(Interest interest, int reason, ByteBuffer pitToken);

  /** Handles a frame from the transport: decode, count, deliver with the {@code deliver*} methods. */
  protected abstract void receiveFrame(ByteBuffer frame);

  /**
   * Handles a frame held in octets {@code from} to {@code to} of {@code frame} (now the link service's); by default
   * as {@link #receiveFrame(ByteBuffer)} of a buffer over them.
   */
  protected void receiveFrame(byte[] frame, int from, int to) {
    receiveFrame(ByteBuffer.wrap(frame, from, to - from));
  }

  /** Delivers a received Interest to the forwarder (counted). */
  protected final void deliverInterest(Interest interest, ByteBuffer pitToken, long nextHopFaceId) {
    face.counters().inInterests++;
    face.receiver().onInterest(face, interest, pitToken, nextHopFaceId);
  }

  /** Delivers a received Data to the forwarder (counted). */
  protected final void deliverData(Data data, ByteBuffer pitToken) {
    face.counters().inData++;
    face.receiver().onData(face, data, pitToken);
  }

  /** Delivers a received Nack to the forwarder (counted). */
  protected final void deliverNack(Interest interest, int reason, ByteBuffer pitToken) {
    face.counters().inNacks++;
    face.receiver().onNack(face, interest, reason, pitToken);
  }

  /** Called when the face closes: release timers and buffers. */
  protected void onClose() {}
}
