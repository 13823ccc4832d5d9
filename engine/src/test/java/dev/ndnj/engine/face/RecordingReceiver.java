package dev.ndnj.engine.face;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A {@link PacketReceiver} that records what faces deliver, for face tests. */
public final class RecordingReceiver implements PacketReceiver {
  /** One delivered packet; {@code interest} for Interests and Nacks, {@code data} for Data. */
  public record Delivered(Face face, Interest interest, Data data, int nackReason, ByteBuffer pitToken,
      long nextHopFaceId) {}

  public final List<Delivered> interests = new ArrayList<>();
  public final List<Delivered> data = new ArrayList<>();
  public final List<Delivered> nacks = new ArrayList<>();

  @Override
  public void onInterest(Face face, Interest interest, ByteBuffer pitToken, long nextHopFaceId) {
    interests.add(new Delivered(face, interest, null, -1, pitToken, nextHopFaceId));
  }

  @Override
  public void onData(Face face, Data d, ByteBuffer pitToken) {
    data.add(new Delivered(face, null, d, -1, pitToken, -1));
  }

  @Override
  public void onNack(Face face, Interest interest, int reason, ByteBuffer pitToken) {
    nacks.add(new Delivered(face, interest, null, reason, pitToken, -1));
  }

  /** Packets of every kind delivered so far. */
  public int total() {
    return interests.size() + data.size() + nacks.size();
  }
}
