package dev.ndnj.engine.face;

import java.nio.ByteBuffer;

/**
 * The lower half of a {@link Face}: moves whole frames (one TLV element each) over some link. One subclass per
 * protocol (UDP, TCP, Unix, WebSocket, MessagePort, in-memory). Everything here runs on the forwarding thread: a
 * transport whose I/O happens elsewhere hands received frames over through the engine's entry point first.
 *
 * <p>Ownership: a frame passed to {@link #doSend} is a read-only view the transport may keep until written (it is
 * never modified by the engine); a frame passed to {@link #receive} becomes the link service's, which keeps views
 * over it in the packets it delivers, so the transport must not reuse its bytes.
 */
public abstract class Transport {
  private final FaceScope scope;
  private final LinkType linkType;
  private final String localUri;
  private final String remoteUri;
  private final int mtu;
  private FacePersistency persistency;
  private Face face;
  private boolean closed;

  /**
   * @param mtu largest frame the link carries in octets, or -1 for no limit (streams, message ports)
   */
  protected Transport(FaceScope scope, LinkType linkType, FacePersistency persistency, String localUri,
      String remoteUri, int mtu) {
    this.scope = scope;
    this.linkType = linkType;
    this.persistency = persistency;
    this.localUri = localUri;
    this.remoteUri = remoteUri;
    this.mtu = mtu;
  }

  final void attach(Face f) {
    if (face != null) {
      throw new IllegalStateException("transport already belongs to face " + face.id());
    }
    face = f;
  }

  /** The face this transport belongs to (null before the face is made). */
  protected final Face face() {
    return face;
  }

  /** Local or non-local. */
  public final FaceScope scope() {
    return scope;
  }

  /** Point-to-point, multi-access or ad hoc. */
  public final LinkType linkType() {
    return linkType;
  }

  /** The face's persistency. */
  public final FacePersistency persistency() {
    return persistency;
  }

  /** Changes the persistency (management's faces/update). */
  public void setPersistency(FacePersistency p) {
    persistency = p;
  }

  /** Local endpoint as NFD prints it, e.g. {@code tcp4://127.0.0.1:6363}. */
  public final String localUri() {
    return localUri;
  }

  /** Remote endpoint as NFD prints it, e.g. {@code tcp4://127.0.0.1:50312}. */
  public final String remoteUri() {
    return remoteUri;
  }

  /** Largest frame in octets, or -1 for no limit. */
  public final int mtu() {
    return mtu;
  }

  /** Whether the transport has closed. */
  public final boolean isClosed() {
    return closed;
  }

  /** Sends one frame, counting it or counting the drop. Called by the link service. */
  final void send(ByteBuffer frame) {
    int len = frame.remaining();
    if (closed) {
      face.counters().drop(FaceDrop.FACE_DOWN);
      return;
    }
    if (mtu > 0 && len > mtu) {
      face.counters().drop(FaceDrop.OVERSIZED);
      return;
    }
    if (doSend(frame)) {
      face.counters().frameOut(len);
    } else {
      face.counters().drop(FaceDrop.SEND_QUEUE_FULL);
    }
  }

  /**
   * Queues or writes one frame. Returns false when the frame is dropped because the send queue is full: a
   * transport never buffers without bound.
   */
  protected abstract boolean doSend(ByteBuffer frame);

  /** Delivers a received frame (ownership passes to the engine). Call on the forwarding thread. */
  protected final void receive(ByteBuffer frame) {
    if (closed || face == null) {
      return;
    }
    face.counters().frameIn(frame.remaining());
    face.linkService().receiveFrame(frame);
  }

  /** Starts closing the link; the subclass calls {@link #closed()} once it is down (possibly at once). */
  public abstract void close();

  /** Reports that the link is down; the face is then removed from its face table. Idempotent. */
  protected final void closed() {
    if (closed) {
      return;
    }
    closed = true;
    if (face != null) {
      face.onTransportClosed();
    }
  }
}
