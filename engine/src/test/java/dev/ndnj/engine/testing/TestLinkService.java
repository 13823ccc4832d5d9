package dev.ndnj.engine.testing;

import dev.ndnj.engine.face.LinkService;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A test double for the upper half of a face (NFD's {@code DummyFace}): what the forwarder sends is recorded as packet
 * objects, with the link-layer fields it would carry (PitToken, Nack reason, the ingress face id for IncomingFaceId),
 * and a test injects received packets as objects. Nothing is encoded, so tests see exactly what the forwarder chose.
 * Forwarding thread only.
 */
public final class TestLinkService extends LinkService {
  /** An Interest the forwarder sent; {@code ingressFaceId} is the face it came from (0 if none). */
  public record SentInterest(Interest interest, int ingressFaceId) {}

  /** A Data the forwarder sent, with the PitToken it echoes (a view, or null). */
  public record SentData(Data data, ByteBuffer pitToken, int ingressFaceId) {}

  /** A Nack the forwarder sent: the Nacked Interest, the reason and the PitToken it echoes (or null). */
  public record SentNack(Interest interest, int reason, ByteBuffer pitToken) {}

  private final List<Object> sent = new ArrayList<>();

  @Override
  protected void sendInterest(Interest interest, int ingressFaceId) {
    sent.add(new SentInterest(interest, ingressFaceId));
  }

  @Override
  protected void sendData(Data data, ByteBuffer pitToken, int ingressFaceId) {
    sent.add(new SentData(data, pitToken, ingressFaceId));
  }

  @Override
  protected void sendNack(Interest interest, int reason, ByteBuffer pitToken) {
    sent.add(new SentNack(interest, reason, pitToken));
  }

  /** Delivers a bare Interest or Data frame; anything else is a test error. */
  @Override
  protected void receiveFrame(ByteBuffer frame) {
    int type = frame.get(frame.position()) & 0xff;
    if (type == TlvTypes.INTEREST) {
      deliverInterest(Interest.decode(frame), null, -1);
    } else if (type == TlvTypes.DATA) {
      deliverData(Data.decode(frame), null);
    } else {
      throw new IllegalArgumentException("TestLinkService takes bare Interest and Data frames only, got type " + type);
    }
  }

  /** Delivers {@code interest} as received, with a PitToken (or null) and a NextHopFaceId (or -1). */
  public void receiveInterest(Interest interest, ByteBuffer pitToken, long nextHopFaceId) {
    deliverInterest(interest, pitToken, nextHopFaceId);
  }

  /** Delivers {@code data} as received, with a PitToken (or null). */
  public void receiveData(Data data, ByteBuffer pitToken) {
    deliverData(data, pitToken);
  }

  /** Delivers a Nack of {@code interest} with {@code reason} as received. */
  public void receiveNack(Interest interest, int reason, ByteBuffer pitToken) {
    deliverNack(interest, reason, pitToken);
  }

  /** Everything sent, in order ({@link SentInterest}, {@link SentData}, {@link SentNack}); read-only live view. */
  public List<Object> sent() {
    return Collections.unmodifiableList(sent);
  }

  /** The Interests sent, in order. */
  public List<SentInterest> sentInterests() {
    return ofType(SentInterest.class);
  }

  /** The Data sent, in order. */
  public List<SentData> sentData() {
    return ofType(SentData.class);
  }

  /** The Nacks sent, in order. */
  public List<SentNack> sentNacks() {
    return ofType(SentNack.class);
  }

  /** Forgets what was sent so far. */
  public void clearSent() {
    sent.clear();
  }

  private <T> List<T> ofType(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Object o : sent) {
      if (type.isInstance(o)) {
        out.add(type.cast(o));
      }
    }
    return out;
  }
}
