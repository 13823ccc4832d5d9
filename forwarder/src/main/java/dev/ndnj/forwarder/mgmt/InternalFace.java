package dev.ndnj.forwarder.mgmt;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkService;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.Transport;
import dev.ndnj.engine.platform.TaskQueue;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import java.nio.ByteBuffer;

/**
 * The forwarder's internal face (NFD's {@code InternalFace}, id {@code FaceTable.INTERNAL}): management's end of the
 * forwarder. The FIB routes {@code /localhost/nfd} (and {@code /localhop/nfd/rib} when enabled) here; each Interest
 * the forwarder sends on it is handed to management in a task of its own, with the id of the face it came in on (the
 * {@code ingressFaceId} the forwarder passes to every link service, NFD's IncomingFaceId tag), and management's Data
 * enter the forwarder as Data received on this face. Scope local, point-to-point, {@value #URI} both ends; it carries
 * packet objects, never frames. Forwarding thread only.
 */
final class InternalFace {
  /** The local and remote URI of the internal face, as NFD prints them. */
  static final String URI = "internal://";

  /** Where Interests sent to the internal face go. */
  interface Receiver {
    /** The forwarder sent {@code interest}, which came in on {@code ingressFaceId} (0 if unknown). */
    void onInterest(Interest interest, int ingressFaceId);
  }

  private final Link link;
  private final Face face;

  InternalFace(TaskQueue tasks, Receiver receiver) {
    link = new Link(tasks, receiver);
    face = new Face(link, new InternalTransport());
  }

  Face face() {
    return face;
  }

  /** Puts a Data into the forwarder as received on this face (never call inside a forwarder pipeline). */
  void putData(Data data) {
    if (face.isUp()) {
      link.put(data);
    }
  }

  void close() {
    face.close();
  }

  private static final class Link extends LinkService {
    private final TaskQueue tasks;
    private final Receiver receiver;

    Link(TaskQueue tasks, Receiver receiver) {
      this.tasks = tasks;
      this.receiver = receiver;
    }

    @Override
    protected void sendInterest(Interest interest, int ingressFaceId) {
      // never inside the forwarder's pipeline: management answers by putting Data into the forwarder
      tasks.execute(() -> receiver.onInterest(interest, ingressFaceId));
    }

    @Override
    protected void sendData(Data data, ByteBuffer pitToken, int ingressFaceId) {
      // management expresses no Interests, so no Data is due here: nothing to do
    }

    @Override
    protected void sendNack(Interest interest, int reason, ByteBuffer pitToken) {
      // an answer management would give itself as a consumer; it is not one
    }

    @Override
    protected void receiveFrame(ByteBuffer frame) {
      throw new IllegalStateException("the internal face carries packets, not frames");
    }

    void put(Data data) {
      deliverData(data, null);
    }
  }

  private static final class InternalTransport extends Transport {
    InternalTransport() {
      super(FaceScope.LOCAL, LinkType.POINT_TO_POINT, FacePersistency.PERMANENT, URI, URI, -1);
    }

    @Override
    protected boolean doSend(ByteBuffer frame) {
      throw new IllegalStateException("the internal face carries packets, not frames");
    }

    @Override
    public void close() {
      closed();
    }
  }
}
