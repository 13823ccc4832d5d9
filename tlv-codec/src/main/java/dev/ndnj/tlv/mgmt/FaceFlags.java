package dev.ndnj.tlv.mgmt;

/**
 * Face flags (ndn-cxx {@code FaceFlagBit}): bits of the Flags field of FaceStatus, FaceEventNotification and the
 * ControlParameters of faces/create and faces/update (where Mask says which bits the command changes).
 */
public final class FaceFlags {
  private FaceFlags() {}

  /** Bit number of {@link #LOCAL_FIELDS_ENABLED}. */
  public static final int BIT_LOCAL_FIELDS_ENABLED = 0;
  /** Bit number of {@link #LP_RELIABILITY_ENABLED}. */
  public static final int BIT_LP_RELIABILITY_ENABLED = 1;
  /** Bit number of {@link #CONGESTION_MARKING_ENABLED}. */
  public static final int BIT_CONGESTION_MARKING_ENABLED = 2;

  /** NDNLPv2 local fields (IncomingFaceId, NextHopFaceId, CachePolicy) are enabled; local faces only. */
  public static final long LOCAL_FIELDS_ENABLED = 1;
  /** NDNLPv2 link reliability is enabled. */
  public static final long LP_RELIABILITY_ENABLED = 2;
  /** Congestion detection and marking is enabled. */
  public static final long CONGESTION_MARKING_ENABLED = 4;
}
