package dev.ndnj.tlv.mgmt;

/** Kind of a face event in the faces/events notification stream (ndn-cxx {@code FaceEventKind}); 0..255. */
public final class FaceEventKind {
  private FaceEventKind() {}

  /** No kind (ndn-cxx's default; never sent by NFD). */
  public static final int NONE = 0;
  /** The face was created. */
  public static final int CREATED = 1;
  /** The face was destroyed. */
  public static final int DESTROYED = 2;
  /** The face went up (from down). */
  public static final int UP = 3;
  /** The face went down (from up). */
  public static final int DOWN = 4;
  /** Largest value ndn-cxx accepts. */
  public static final int MAX = 0xff;

  /** ndn-cxx's name ({@code created}, {@code destroyed}, {@code up}, {@code down}, {@code none}) or the number. */
  public static String toString(int kind) {
    switch (kind) {
      case NONE: return "none";
      case CREATED: return "created";
      case DESTROYED: return "destroyed";
      case UP: return "up";
      case DOWN: return "down";
      default: return Integer.toString(kind);
    }
  }
}
