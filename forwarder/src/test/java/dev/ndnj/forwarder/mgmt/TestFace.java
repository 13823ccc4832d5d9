package dev.ndnj.forwarder.mgmt;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.engine.face.LinkService;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.Transport;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A face for management tests (NFD's DummyFace): packets the forwarder sends are recorded as objects; a test sends
 * Interests into the forwarder with {@link #send}. Forwarding thread only.
 */
final class TestFace {
  /** A Nack the forwarder sent. */
  record SentNack(Interest interest, int reason) {}

  private final Link link = new Link();
  private final TestTransport transport;
  private final Face face;
  final List<Data> data = new ArrayList<>();
  final List<Interest> interests = new ArrayList<>();
  final List<SentNack> nacks = new ArrayList<>();

  private TestFace(FaceScope scope, String remoteUri, String localUri, int mtu) {
    transport = new TestTransport(scope, remoteUri, localUri, mtu);
    face = new Face(link, transport);
  }

  /** A face added to {@code table}. */
  static TestFace add(FaceTable table, FaceScope scope) {
    TestFace f = new TestFace(scope, scope == FaceScope.LOCAL ? "unix:///run/test.sock" : "udp4://192.0.2.7:6363",
        scope == FaceScope.LOCAL ? "unix:///run/nfd.sock" : "udp4://192.0.2.1:6363", -1);
    table.add(f.face);
    return f;
  }

  /** A face not added to any table (what a face creator returns). */
  static TestFace detached(FaceScope scope, String remoteUri, String localUri, int mtu) {
    return new TestFace(scope, remoteUri, localUri, mtu);
  }

  Face face() {
    return face;
  }

  int id() {
    return face.id();
  }

  /** Delivers {@code interest} to the forwarder as received on this face. */
  void send(Interest interest) {
    link.receive(interest);
  }

  void clear() {
    data.clear();
    interests.clear();
    nacks.clear();
  }

  void close() {
    face.close();
  }

  private final class Link extends LinkService {
    @Override
    protected void sendInterest(Interest interest, int ingressFaceId) {
      interests.add(interest);
    }

    @Override
    protected void sendData(Data d, ByteBuffer pitToken, int ingressFaceId) {
      data.add(d);
    }

    @Override
    protected void sendNack(Interest interest, int reason, ByteBuffer pitToken) {
      nacks.add(new SentNack(interest, reason));
    }

    @Override
    protected void receiveFrame(ByteBuffer frame) {
      throw new IllegalStateException("TestFace exchanges packet objects, never frames");
    }

    void receive(Interest interest) {
      deliverInterest(interest, null, -1);
    }
  }

  private static final class TestTransport extends Transport {
    TestTransport(FaceScope scope, String remoteUri, String localUri, int mtu) {
      super(scope, LinkType.POINT_TO_POINT, FacePersistency.PERSISTENT, localUri, remoteUri, mtu);
    }

    @Override
    protected boolean doSend(ByteBuffer frame) {
      return true;
    }

    @Override
    public void close() {
      closed();
    }
  }
}
