package dev.ndnj.sharedworker;

import dev.ndnj.engine.face.FaceDrop;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.Transport;
import dev.ndnj.sharedworker.js.Js;
import dev.ndnj.sharedworker.js.Ports;
import java.nio.ByteBuffer;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * A {@link Transport} over a {@code MessagePort}, used at both ends (the tab's {@link SharedWorkerProxyFace} and
 * the worker's {@link WorkerPortFace}). Wire format: exactly one NDN TLV element per {@code postMessage}, as a
 * {@code Uint8Array} whose {@code ArrayBuffer} is in the transfer list. A received packet is read in place (a Java
 * array over the transferred buffer, no copy); a sent frame is copied once into a fresh buffer (a native
 * {@code slice}), which is then transferred (transfer moves the whole buffer, so every port needs its own).
 *
 * <p>Control messages are plain objects {@code {ndnj: kind, n, s}} (a packet is never a plain object, so the two
 * cannot be confused): {@code hello}, {@code bye}, {@code hb} (heartbeat), {@code ack} (flow control: the receiver
 * reports every {@value #ACK_EVERY} frames how many it has received, and a sender with {@value #WINDOW} frames
 * unacknowledged drops and counts instead of queueing without bound), {@code status}. Anything else (text, other
 * objects, a message that failed to deserialize) is dropped and counted as malformed; the face stays up.
 */
public final class MessagePortTransport extends Transport {
  /** Frames a sender may have in flight before it drops. */
  public static final int WINDOW = 4096;
  /** A receiver acknowledges after this many frames. */
  public static final int ACK_EVERY = 256;

  /** Receives the control messages other than {@code ack}. */
  public interface ControlListener {
    /** A control message of {@code kind} with its number and string fields; false if the kind is unknown. */
    boolean onControl(String kind, double n, String s);
  }

  private final JSObject port;
  private final BrowserPlatform platform;
  private ControlListener listener;
  private java.util.function.Consumer<ByteBuffer> tap;
  // frame counts as doubles (exact up to 2^53): a long is a BigInt in TeaVM's JavaScript, costly per packet
  private double framesSent;
  private double framesReceived;
  private double peerReceived;
  private double lastHeard;

  /**
   * A transport over {@code port} (local scope, point-to-point); call {@link #start} once its face is added. Each
   * received message is a turn of {@code platform} (see {@link BrowserPlatform#beginTurn}); null: no turns.
   */
  public MessagePortTransport(JSObject port, String localUri, String remoteUri, BrowserPlatform platform) {
    super(FaceScope.LOCAL, LinkType.POINT_TO_POINT, FacePersistency.ON_DEMAND, localUri, remoteUri, -1);
    this.port = port;
    this.platform = platform;
    this.lastHeard = Js.performanceNow();
  }

  /** Starts receiving; control messages go to {@code l}. */
  public void start(ControlListener l) {
    listener = l;
    Ports.listen(port, this::onMessage);
  }

  /** Shows every received frame to {@code t} (read-only use) before the link service decodes it. */
  public void setFrameTap(java.util.function.Consumer<ByteBuffer> t) {
    tap = t;
  }

  /** Sends a control message (if the port is open). */
  public void sendControl(String kind, double n, String s) {
    if (!isClosed()) {
      Ports.postControl(port, kind, n, s);
    }
  }

  /** {@code performance.now()} when the peer was last heard from (any message). */
  public double lastHeard() {
    return lastHeard;
  }

  /** Frames sent and not yet acknowledged by the peer. */
  public long inFlight() {
    return (long) (framesSent - peerReceived);
  }

  @Override
  protected boolean doSend(ByteBuffer frame) {
    if (framesSent - peerReceived >= WINDOW) {
      return false;
    }
    // a native slice of the frame's octets (the typed array under the buffer, indexed as the buffer is): cheaper
    // than a zero-filled byte[] and a copy loop in JavaScript
    Ports.postCopy(port, Uint8Array.fromJavaBuffer(frame), frame.position(), frame.limit());
    framesSent++;
    return true;
  }

  /** As {@link #doSend(ByteBuffer)}, from a packet's own octets (a bare Data): no buffer view made. */
  @Override
  protected boolean doSend(byte[] frame, int from, int to) {
    if (framesSent - peerReceived >= WINDOW) {
      return false;
    }
    Ports.postCopy(port, frame, from, to);
    framesSent++;
    return true;
  }

  private void onMessage(JSObject data) {
    if (isClosed()) {
      return;
    }
    double now = Js.performanceNow();
    lastHeard = now;
    if (platform == null) {
      handle(data);
      return;
    }
    platform.beginTurn(now);
    try {
      handle(data);
    } finally {
      platform.endTurn();
    }
  }

  private void handle(JSObject data) {
    if (!Js.isNullish(data) && Js.isUint8Array(data)) {
      framesReceived++;
      if (framesReceived % ACK_EVERY == 0) {
        Ports.postControl(port, "ack", framesReceived, null);
      }
      byte[] frame = Js.bytesOfView(data);
      if (tap != null) {
        tap.accept(ByteBuffer.wrap(frame));
      }
      // the octets, not a buffer: a Content Store hit is answered from them without one (see WorkerPortFace)
      receive(frame, 0, frame.length);
      return;
    }
    String kind = Js.isNullish(data) ? null : Js.stringField(data, "ndnj");
    if (kind == null) {
      face().counters().drop(FaceDrop.MALFORMED);
      return;
    }
    if (kind.equals("ack")) {
      double n = Js.numberField(data, "n");
      if (n == n && n <= framesSent) {
        peerReceived = Math.max(peerReceived, n);
      }
      return;
    }
    if (listener == null || !listener.onControl(kind, Js.numberField(data, "n"), Js.stringField(data, "s"))) {
      face().counters().drop(FaceDrop.MALFORMED);
    }
  }

  @Override
  public void close() {
    if (!isClosed()) {
      Ports.close(port);
      closed();
    }
  }
}
