package dev.ndnj.engine.face;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import java.nio.ByteBuffer;

/**
 * A face: a {@link LinkService} over a {@link Transport}, with an id given by the {@link FaceTable}, counters, and
 * the properties NFD gives faces (scope, link type, persistency, URIs). The forwarder sends through it; the link
 * service delivers what arrives to the forwarder. Used on the forwarding thread only.
 */
public final class Face {
  private final LinkService linkService;
  private final Transport transport;
  private final FaceCounters counters = new FaceCounters();
  private int id;
  private PacketReceiver receiver;
  private FaceTable table;
  private boolean localFieldsEnabled;

  /** A face made of the two halves (each belongs to this face only). */
  public Face(LinkService linkService, Transport transport) {
    this.linkService = linkService;
    this.transport = transport;
    linkService.attach(this);
    transport.attach(this);
  }

  void added(FaceTable t, int faceId, PacketReceiver r) {
    table = t;
    id = faceId;
    receiver = r;
  }

  /** The face id (0 until added to a face table). */
  public int id() {
    return id;
  }

  /** The link service half. */
  public LinkService linkService() {
    return linkService;
  }

  /** The transport half. */
  public Transport transport() {
    return transport;
  }

  PacketReceiver receiver() {
    return receiver;
  }

  /** The face's counters. */
  public FaceCounters counters() {
    return counters;
  }

  /** Local or non-local. */
  public FaceScope scope() {
    return transport.scope();
  }

  /** Whether the scope is local. */
  public boolean isLocal() {
    return transport.scope() == FaceScope.LOCAL;
  }

  /** Point-to-point, multi-access or ad hoc. */
  public LinkType linkType() {
    return transport.linkType();
  }

  /** The persistency. */
  public FacePersistency persistency() {
    return transport.persistency();
  }

  /** Local URI (e.g. {@code tcp4://127.0.0.1:6363}). */
  public String localUri() {
    return transport.localUri();
  }

  /** Remote URI. */
  public String remoteUri() {
    return transport.remoteUri();
  }

  /** Whether NDNLPv2 local fields (IncomingFaceId, NextHopFaceId, CachePolicy) are enabled (local faces only). */
  public boolean localFieldsEnabled() {
    return localFieldsEnabled && isLocal();
  }

  /** Enables or disables local fields (management's faces/update flag). */
  public void setLocalFieldsEnabled(boolean on) {
    localFieldsEnabled = on;
  }

  /** Whether the face is up (added and not closed). */
  public boolean isUp() {
    return table != null && !transport.isClosed();
  }

  /** Sends an Interest (counted), noting the face it came in on for IncomingFaceId (0 if none). */
  public void sendInterest(Interest interest, int ingressFaceId) {
    if (!isUp()) {
      counters.drop(FaceDrop.FACE_DOWN);
      return;
    }
    counters.outInterests++;
    linkService.sendInterest(interest, ingressFaceId);
  }

  /** Sends a Data (counted), echoing the downstream's PitToken (a view, or null). */
  public void sendData(Data data, ByteBuffer pitToken, int ingressFaceId) {
    if (!isUp()) {
      counters.drop(FaceDrop.FACE_DOWN);
      return;
    }
    counters.outData++;
    linkService.sendData(data, pitToken, ingressFaceId);
  }

  /** Sends a Nack (counted), echoing the downstream's PitToken (or null). */
  public void sendNack(Interest interest, int reason, ByteBuffer pitToken) {
    if (!isUp()) {
      counters.drop(FaceDrop.FACE_DOWN);
      return;
    }
    counters.outNacks++;
    linkService.sendNack(interest, reason, pitToken);
  }

  /** Closes the face: the transport goes down and the face leaves its table. */
  public void close() {
    transport.close();
  }

  void onTransportClosed() {
    linkService.onClose();
    if (table != null) {
      FaceTable t = table;
      table = null;
      t.removed(this);
    }
  }

  @Override
  public String toString() {
    return "Face(" + id + " " + remoteUri() + ")";
  }
}
