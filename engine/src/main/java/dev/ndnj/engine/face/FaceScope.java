package dev.ndnj.engine.face;

/** Whether a face reaches an application on this host (local) or another node (non-local), as in NFD. */
public enum FaceScope {
  /** The peer is on this host: {@code /localhost} names may cross, local fields (IncomingFaceId...) may be used. */
  LOCAL,
  /** The peer is another node. */
  NON_LOCAL
}
