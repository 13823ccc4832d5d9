package dev.ndnj.engine.face;

/** Why a face dropped a packet or frame; each reason has its own counter in {@link FaceCounters}. */
public enum FaceDrop {
  /** A frame that does not decode (bad TLV, unknown critical field, an LpPacket that is not one of ours). */
  MALFORMED,
  /** The send queue was full (the peer does not read fast enough). */
  SEND_QUEUE_FULL,
  /** A frame larger than the transport can carry, or a reassembled packet over the limit. */
  OVERSIZED,
  /** Fragments whose packet never completed within the reassembly timeout. */
  REASSEMBLY_TIMEOUT,
  /** Fragments dropped because the reassembly buffer of the face was full. */
  REASSEMBLY_FULL,
  /** Fragments inconsistent with each other (FragCount changed, index out of range). */
  REASSEMBLY_INVALID,
  /** A local-only NDNLPv2 field (NextHopFaceId...) received on a non-local face or with local fields off. */
  LOCAL_FIELD_NOT_ALLOWED,
  /** A packet received or sent while the face was not up. */
  FACE_DOWN
}
