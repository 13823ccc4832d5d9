package dev.ndnj.faces.net;

import java.net.SocketAddress;

/**
 * A listening endpoint of {@link NetFaces}, as NFD's channels: a TCP or Unix stream listener whose accepted
 * connections become on-demand faces, or a UDP socket whose remote endpoints become faces. Any thread.
 */
public interface NetChannel {
  /** The local endpoint as a face URI, e.g. {@code tcp4://0.0.0.0:6363}, {@code unix:///run/ndnj.sock}. */
  String localUri();

  /** The bound address: an {@code InetSocketAddress} (TCP, UDP) or a {@code UnixDomainSocketAddress}. */
  SocketAddress localAddress();

  /**
   * Peers given up for bad framing: stream connections closed after an invalid TLV header, an over-long element or a
   * truncated one (each also a {@code MALFORMED} drop on its face); for UDP, datagrams from an unknown endpoint that
   * were not one TLV element (no face is made for them).
   */
  long framingErrors();

  /** Faces of this channel that are open now. */
  int faceCount();

  /** Whether the channel still listens. */
  boolean isOpen();

  /**
   * Stops listening and closes the channel's faces (their transports report closed to the engine); for a Unix
   * channel, deletes the socket file. Returns once the listening socket is closed. Idempotent.
   */
  void close();
}
