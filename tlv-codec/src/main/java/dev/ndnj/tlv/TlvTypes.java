package dev.ndnj.tlv;

/**
 * Every TLV-TYPE number of NDN packet format v0.3 and NDNLPv2 that ndnj knows, in one table.
 *
 * <p>Numbers follow the NDN packet specification and ndn-cxx ({@code ndn-cxx/encoding/tlv.hpp},
 * {@code ndn-cxx/lp/tlv.hpp}). {@link #name(int)} gives the spec's element name for diagnostics.
 */
public final class TlvTypes {
  private TlvTypes() {}

  // Packet types
  public static final int INTEREST = 0x05;
  public static final int DATA = 0x06;
  public static final int LP_PACKET = 0x64;

  // Name and components
  public static final int NAME = 0x07;
  public static final int IMPLICIT_SHA256_DIGEST_COMPONENT = 0x01;
  public static final int PARAMETERS_SHA256_DIGEST_COMPONENT = 0x02;
  public static final int GENERIC_NAME_COMPONENT = 0x08;
  public static final int KEYWORD_NAME_COMPONENT = 0x20;
  public static final int SEGMENT_NAME_COMPONENT = 0x32;
  public static final int BYTE_OFFSET_NAME_COMPONENT = 0x34;
  public static final int VERSION_NAME_COMPONENT = 0x36;
  public static final int TIMESTAMP_NAME_COMPONENT = 0x38;
  public static final int SEQUENCE_NUM_NAME_COMPONENT = 0x3a;

  // Interest
  public static final int CAN_BE_PREFIX = 0x21;
  public static final int MUST_BE_FRESH = 0x12;
  public static final int FORWARDING_HINT = 0x1e;
  public static final int NONCE = 0x0a;
  public static final int INTEREST_LIFETIME = 0x0c;
  public static final int HOP_LIMIT = 0x22;
  public static final int APPLICATION_PARAMETERS = 0x24;
  public static final int INTEREST_SIGNATURE_INFO = 0x2c;
  public static final int INTEREST_SIGNATURE_VALUE = 0x2e;
  /** Delegation inside a ForwardingHint of the format before 2021 (Preference + Name); accepted on decode. */
  public static final int LINK_DELEGATION = 0x1f;
  /** Preference inside a LinkDelegation (shares its number with ForwardingHint, in another context). */
  public static final int LINK_PREFERENCE = 0x1e;

  // Data
  public static final int META_INFO = 0x14;
  public static final int CONTENT = 0x15;
  public static final int SIGNATURE_INFO = 0x16;
  public static final int SIGNATURE_VALUE = 0x17;
  public static final int CONTENT_TYPE = 0x18;
  public static final int FRESHNESS_PERIOD = 0x19;
  public static final int FINAL_BLOCK_ID = 0x1a;

  // Signature
  public static final int SIGNATURE_TYPE = 0x1b;
  public static final int KEY_LOCATOR = 0x1c;
  public static final int KEY_DIGEST = 0x1d;
  public static final int SIGNATURE_NONCE = 0x26;
  public static final int SIGNATURE_TIME = 0x28;
  public static final int SIGNATURE_SEQ_NUM = 0x2a;
  public static final int VALIDITY_PERIOD = 0xfd;
  public static final int NOT_BEFORE = 0xfe;
  public static final int NOT_AFTER = 0xff;
  public static final int ADDITIONAL_DESCRIPTION = 0x0102;
  public static final int DESCRIPTION_ENTRY = 0x0200;
  public static final int DESCRIPTION_KEY = 0x0201;
  public static final int DESCRIPTION_VALUE = 0x0202;

  // NDNLPv2
  public static final int LP_FRAGMENT = 0x50;
  public static final int LP_SEQUENCE = 0x51;
  public static final int LP_FRAG_INDEX = 0x52;
  public static final int LP_FRAG_COUNT = 0x53;
  public static final int LP_PIT_TOKEN = 0x62;
  public static final int LP_NACK = 0x0320;
  public static final int LP_NACK_REASON = 0x0321;
  public static final int LP_NEXT_HOP_FACE_ID = 0x0330;
  /**
   * IncomingFaceId is 812 (0x032c) in current ndn-cxx/NFD ({@code ndn-cxx/lp/tlv.hpp} since the PitToken era) and in
   * NDNts; ndn-cxx before 2022 used 817 (0x0331), which current peers reject. Do not change back.
   */
  public static final int LP_INCOMING_FACE_ID = 0x032c;
  public static final int LP_CACHE_POLICY = 0x0334;
  public static final int LP_CACHE_POLICY_TYPE = 0x0335;
  public static final int LP_CONGESTION_MARK = 0x0340;
  public static final int LP_ACK = 0x0344;
  public static final int LP_TX_SEQUENCE = 0x0348;
  public static final int LP_NON_DISCOVERY = 0x034c;
  public static final int LP_PREFIX_ANNOUNCEMENT = 0x0350;
  /** First and last TLV-TYPE of the NDNLPv2 header-field range in which unknown fields may be ignorable. */
  public static final int LP_HEADER_FIELD_MIN = 800;
  public static final int LP_HEADER_FIELD_MAX = 959;

  // NFD management (ControlParameters etc. arrive with the forwarder; kept here so dissect can name them)
  public static final int CONTROL_PARAMETERS = 0x68;
  public static final int CONTROL_RESPONSE = 0x65;
  public static final int STATUS_CODE = 0x66;
  public static final int STATUS_TEXT = 0x67;

  // ContentType values
  public static final int CONTENT_TYPE_BLOB = 0;
  public static final int CONTENT_TYPE_LINK = 1;
  public static final int CONTENT_TYPE_KEY = 2;
  public static final int CONTENT_TYPE_NACK = 3;
  public static final int CONTENT_TYPE_PREFIX_ANN = 5;

  // SignatureType values
  public static final int SIGNATURE_DIGEST_SHA256 = 0;
  public static final int SIGNATURE_SHA256_WITH_RSA = 1;
  public static final int SIGNATURE_SHA256_WITH_ECDSA = 3;
  public static final int SIGNATURE_HMAC_WITH_SHA256 = 4;
  public static final int SIGNATURE_ED25519 = 5;

  /**
   * Whether an element of this TLV-TYPE must be understood: types 0..31 always are, above that odd types are
   * (NDN packet format v0.3, "Considerations for Evolvability of TLV-Based Encoding").
   */
  public static boolean isCritical(long type) {
    return type <= 31 || (type & 1) == 1;
  }

  /**
   * Whether an unknown NDNLPv2 header field of this type may be ignored: in 800..959 with the two low bits 00.
   */
  public static boolean isLpIgnorable(long type) {
    return type >= LP_HEADER_FIELD_MIN && type <= LP_HEADER_FIELD_MAX && (type & 0x03) == 0;
  }

  /**
   * The specification's name of a TLV-TYPE in top-level or Interest/Data context, or {@code "TLV-TYPE 0x.."}.
   * Used in error messages and by {@code ndnj dissect}; numbers that mean different things in different contexts
   * (e.g. 0x1e) get their most common name.
   */
  public static String name(long type) {
    switch ((int) Math.min(type, Integer.MAX_VALUE)) {
      case INTEREST: return "Interest";
      case DATA: return "Data";
      case LP_PACKET: return "LpPacket";
      case NAME: return "Name";
      case IMPLICIT_SHA256_DIGEST_COMPONENT: return "ImplicitSha256DigestComponent";
      case PARAMETERS_SHA256_DIGEST_COMPONENT: return "ParametersSha256DigestComponent";
      case GENERIC_NAME_COMPONENT: return "GenericNameComponent";
      case KEYWORD_NAME_COMPONENT: return "KeywordNameComponent";
      case SEGMENT_NAME_COMPONENT: return "SegmentNameComponent";
      case BYTE_OFFSET_NAME_COMPONENT: return "ByteOffsetNameComponent";
      case VERSION_NAME_COMPONENT: return "VersionNameComponent";
      case TIMESTAMP_NAME_COMPONENT: return "TimestampNameComponent";
      case SEQUENCE_NUM_NAME_COMPONENT: return "SequenceNumNameComponent";
      case CAN_BE_PREFIX: return "CanBePrefix";
      case MUST_BE_FRESH: return "MustBeFresh";
      case FORWARDING_HINT: return "ForwardingHint";
      case LINK_DELEGATION: return "LinkDelegation";
      case NONCE: return "Nonce";
      case INTEREST_LIFETIME: return "InterestLifetime";
      case HOP_LIMIT: return "HopLimit";
      case APPLICATION_PARAMETERS: return "ApplicationParameters";
      case INTEREST_SIGNATURE_INFO: return "InterestSignatureInfo";
      case INTEREST_SIGNATURE_VALUE: return "InterestSignatureValue";
      case META_INFO: return "MetaInfo";
      case CONTENT: return "Content";
      case SIGNATURE_INFO: return "SignatureInfo";
      case SIGNATURE_VALUE: return "SignatureValue";
      case CONTENT_TYPE: return "ContentType";
      case FRESHNESS_PERIOD: return "FreshnessPeriod";
      case FINAL_BLOCK_ID: return "FinalBlockId";
      case SIGNATURE_TYPE: return "SignatureType";
      case KEY_LOCATOR: return "KeyLocator";
      case KEY_DIGEST: return "KeyDigest";
      case SIGNATURE_NONCE: return "SignatureNonce";
      case SIGNATURE_TIME: return "SignatureTime";
      case SIGNATURE_SEQ_NUM: return "SignatureSeqNum";
      case VALIDITY_PERIOD: return "ValidityPeriod";
      case NOT_BEFORE: return "NotBefore";
      case NOT_AFTER: return "NotAfter";
      case ADDITIONAL_DESCRIPTION: return "AdditionalDescription";
      case DESCRIPTION_ENTRY: return "DescriptionEntry";
      case DESCRIPTION_KEY: return "DescriptionKey";
      case DESCRIPTION_VALUE: return "DescriptionValue";
      case LP_FRAGMENT: return "Fragment";
      case LP_SEQUENCE: return "Sequence";
      case LP_FRAG_INDEX: return "FragIndex";
      case LP_FRAG_COUNT: return "FragCount";
      case LP_PIT_TOKEN: return "PitToken";
      case LP_NACK: return "Nack";
      case LP_NACK_REASON: return "NackReason";
      case LP_NEXT_HOP_FACE_ID: return "NextHopFaceId";
      case LP_INCOMING_FACE_ID: return "IncomingFaceId";
      case LP_CACHE_POLICY: return "CachePolicy";
      case LP_CACHE_POLICY_TYPE: return "CachePolicyType";
      case LP_CONGESTION_MARK: return "CongestionMark";
      case LP_ACK: return "Ack";
      case LP_TX_SEQUENCE: return "TxSequence";
      case LP_NON_DISCOVERY: return "NonDiscovery";
      case LP_PREFIX_ANNOUNCEMENT: return "PrefixAnnouncement";
      case CONTROL_PARAMETERS: return "ControlParameters";
      case CONTROL_RESPONSE: return "ControlResponse";
      case STATUS_CODE: return "StatusCode";
      case STATUS_TEXT: return "StatusText";
      default: return "TLV-TYPE " + type;
    }
  }
}
