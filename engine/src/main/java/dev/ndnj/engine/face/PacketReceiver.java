package dev.ndnj.engine.face;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import java.nio.ByteBuffer;

/**
 * Where a face delivers the network-layer packets it receives: the forwarder's incoming pipelines. Called on the
 * forwarding thread. The packets are views over the received frame, which the receiver may keep.
 */
public interface PacketReceiver {
  /**
   * An Interest arrived on {@code face}.
   *
   * @param pitToken the NDNLPv2 PitToken (a view) or null; echoed in the Data or Nack answering it
   * @param nextHopFaceId the NextHopFaceId field (local faces only), or -1
   */
  void onInterest(Face face, Interest interest, ByteBuffer pitToken, long nextHopFaceId);

  /**
   * A frame that may hold an Interest arrived on {@code face}, octets {@code from} to {@code to} of {@code frame}
   * (a link service with the short path on offers it before decoding it): the receiver may answer it there and then,
   * doing all that the Interest's pipelines would have done except counting the face's received Interest, which the
   * caller counts when this returns true. False leaves the frame for the general path with nothing done or counted.
   * The octets are borrowed for the call (only read). The default answers nothing; the forwarder answers Content Store
   * hits this way.
   */
  default boolean answerInPlace(Face face, byte[] frame, int from, int to) {
    return false;
  }

  /** A Data arrived on {@code face}; {@code pitToken} as received (a view) or null. */
  void onData(Face face, Data data, ByteBuffer pitToken);

  /** A Nack with {@code reason} (see NackReason) for {@code interest} arrived on {@code face}. */
  void onNack(Face face, Interest interest, int reason, ByteBuffer pitToken);
}
