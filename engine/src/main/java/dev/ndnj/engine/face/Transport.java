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
   * Sends one frame held in octets {@code from} to {@code to} of {@code frame} (a packet's own octets, which nobody
   * modifies), counting it or counting the drop, as {@link #send(ByteBuffer)}. Called by the link service.
   */
  final void send(byte[] frame, int from, int to) {
    if (closed) {
      face.counters().drop(FaceDrop.FACE_DOWN);
      return;
    }
    int len = to - from;
    if (mtu > 0 && len > mtu) {
      face.counters().drop(FaceDrop.OVERSIZED);
      return;
    }
    if (doSend(frame, from, to)) {
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

  /**
   * Queues or writes the frame in octets {@code from} to {@code to} of {@code frame} (a packet's own octets, never
   * modified, so a transport may keep a view of them as it may keep a {@link #doSend(ByteBuffer)} frame); the default
   * calls {@link #doSend(ByteBuffer)} with a read-only buffer over the array whose position and limit are
   * {@code from} and {@code to}. A transport that copies each frame out anyway (a MessagePort's) overrides it and
   * makes no buffer.
   */
  protected boolean doSend(byte[] frame, int from, int to) {
    return doSend(ByteBuffer.wrap(frame, from, to - from).asReadOnlyBuffer());
  }

  /** Delivers a received frame (ownership passes to the engine). Call on the forwarding thread. */
  protected final void receive(ByteBuffer frame) {
    if (closed || face == null) {
      return;
    }
    face.counters().frameIn(frame.remaining());
    face.linkService().receiveFrame(frame);
  }

  /**
   * Delivers a received frame held in octets {@code from} to {@code to} of {@code frame} (ownership of those octets
   * passes to the engine), as {@link #receive(ByteBuffer)} does with a buffer over them; the link service may answer it
   * from the octets before it makes any buffer. Call on the forwarding thread.
   */
  protected final void receive(byte[] frame, int from, int to) {
    if (closed || face == null) {
      return;
    }
    face.counters().frameIn(to - from);
    face.linkService().receiveFrame(frame, from, to);
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
