package dev.ndnj.engine.face;

/** How long a face lives, as in NFD's FacePersistency. */
public enum FacePersistency {
  /** Created by incoming traffic; closed when idle or on error. */
  ON_DEMAND,
  /** Created by management; closed on error. */
  PERSISTENT,
  /** Created by management; survives errors (reconnects). */
  PERMANENT
}
