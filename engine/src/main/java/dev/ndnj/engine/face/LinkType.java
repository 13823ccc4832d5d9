package dev.ndnj.engine.face;

/** How many peers a face reaches, as in NFD; a loop on a point-to-point link is answered with Nack Duplicate. */
public enum LinkType {
  /** Exactly one peer. */
  POINT_TO_POINT,
  /** Every peer on a shared medium hears every packet. */
  MULTI_ACCESS,
  /** Peers hear some packets of each other (wireless ad hoc). */
  AD_HOC
}
