package dev.ndnj.tlv.mgmt;

/**
 * Every TLV-TYPE number of NFD's management protocol, as ndn-cxx defines them in
 * {@code ndn-cxx/encoding/tlv-nfd.hpp}.
 *
 * <p>Unlike the packet format, these numbers depend on the enclosing element: 128 is NfdVersion in a
 * status/general payload, FaceStatus in faces/list, CsInfo in cs/info, FibEntry, StrategyChoice and RibEntry in
 * their datasets. Each constant is named after its element; aliases for the same number are listed together.
 * Name (7) and Content (21) come from {@link dev.ndnj.tlv.TlvTypes}.
 */
public final class MgmtTypes {
  private MgmtTypes() {}

  // ControlParameters and its fields
  public static final int CONTROL_PARAMETERS = 0x68;
  public static final int FACE_ID = 0x69;
  public static final int URI = 0x72;
  public static final int LOCAL_URI = 0x81;
  public static final int ORIGIN = 0x6f;
  public static final int COST = 0x6a;
  public static final int CAPACITY = 0x83;
  public static final int COUNT = 0x84;
  public static final int FLAGS = 0x6c;
  public static final int MASK = 0x70;
  public static final int STRATEGY = 0x6b;
  public static final int EXPIRATION_PERIOD = 0x6d;
  public static final int FACE_PERSISTENCY = 0x85;
  public static final int BASE_CONGESTION_MARKING_INTERVAL = 0x87;
  public static final int DEFAULT_CONGESTION_THRESHOLD = 0x88;
  public static final int MTU = 0x89;

  // ControlResponse
  public static final int CONTROL_RESPONSE = 0x65;
  public static final int STATUS_CODE = 0x66;
  public static final int STATUS_TEXT = 0x67;

  // ForwarderStatus (status/general); the payload has no element of its own
  public static final int NFD_VERSION = 0x80;
  public static final int START_TIMESTAMP = 0x81;
  public static final int CURRENT_TIMESTAMP = 0x82;
  public static final int N_NAME_TREE_ENTRIES = 0x83;
  public static final int N_FIB_ENTRIES = 0x84;
  public static final int N_PIT_ENTRIES = 0x85;
  public static final int N_MEASUREMENTS_ENTRIES = 0x86;
  public static final int N_CS_ENTRIES = 0x87;

  // Face management
  public static final int FACE_STATUS = 0x80;
  public static final int CHANNEL_STATUS = 0x82;
  public static final int URI_SCHEME = 0x83;
  public static final int FACE_SCOPE = 0x84;
  public static final int LINK_TYPE = 0x86;
  public static final int FACE_QUERY_FILTER = 0x96;
  public static final int FACE_EVENT_NOTIFICATION = 0xc0;
  public static final int FACE_EVENT_KIND = 0xc1;

  // Counters of ForwarderStatus and FaceStatus
  public static final int N_IN_INTERESTS = 0x90;
  public static final int N_IN_DATA = 0x91;
  public static final int N_IN_NACKS = 0x97;
  public static final int N_OUT_INTERESTS = 0x92;
  public static final int N_OUT_DATA = 0x93;
  public static final int N_OUT_NACKS = 0x98;
  public static final int N_IN_BYTES = 0x94;
  public static final int N_OUT_BYTES = 0x95;
  public static final int N_SATISFIED_INTERESTS = 0x99;
  public static final int N_UNSATISFIED_INTERESTS = 0x9a;

  // Content Store management (cs/info)
  public static final int CS_INFO = 0x80;
  public static final int N_HITS = 0x81;
  public static final int N_MISSES = 0x82;

  // FIB management (fib/list)
  public static final int FIB_ENTRY = 0x80;
  public static final int NEXT_HOP_RECORD = 0x81;

  // Strategy choice management (strategy-choice/list)
  public static final int STRATEGY_CHOICE = 0x80;

  // RIB management (rib/list)
  public static final int RIB_ENTRY = 0x80;
  public static final int ROUTE = 0x81;
}
