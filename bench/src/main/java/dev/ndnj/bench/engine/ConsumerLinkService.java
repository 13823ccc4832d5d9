package dev.ndnj.bench.engine;

import dev.ndnj.engine.face.LinkService;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import java.nio.ByteBuffer;

/**
 * The consumer side of a benchmark exchange: {@link #inject} hands an Interest to the forwarder as if it had just
 * been received and decoded on this face, and whatever the forwarder sends back is counted (and the last Data kept,
 * so the JIT cannot drop the work). No encoding, no copies, no allocation. Forwarding thread only.
 */
final class ConsumerLinkService extends LinkService {
  private long dataReceived;
  private long nacksReceived;
  private long interestsReceived;
  private Data lastData;

  /** Delivers {@code interest} to the forwarder as received on this face (no PitToken, no NextHopFaceId). */
  void inject(Interest interest) {
    deliverInterest(interest, null, -1);
  }

  @Override
  protected void sendInterest(Interest interest, int ingressFaceId) {
    interestsReceived++;
  }

  @Override
  protected void sendData(Data data, ByteBuffer pitToken, int ingressFaceId) {
    dataReceived++;
    lastData = data;
  }

  @Override
  protected void sendNack(Interest interest, int reason, ByteBuffer pitToken) {
    nacksReceived++;
  }

  @Override
  protected void receiveFrame(ByteBuffer frame) {
    throw new IllegalStateException("a direct benchmark link carries packet objects, not frames");
  }

  /** Data the forwarder sent to the consumer. */
  long dataReceived() {
    return dataReceived;
  }

  /** Nacks the forwarder sent to the consumer. */
  long nacksReceived() {
    return nacksReceived;
  }

  /** Interests the forwarder sent to the consumer (none in these benchmarks). */
  long interestsReceived() {
    return interestsReceived;
  }

  /** The last Data received, or null. */
  Data lastData() {
    return lastData;
  }
}
