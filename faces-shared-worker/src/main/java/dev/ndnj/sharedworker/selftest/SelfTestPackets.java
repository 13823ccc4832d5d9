package dev.ndnj.sharedworker.selftest;

/**
 * Wire encodings the self-test decodes, written out by hand (NDN packet format v0.3, NDNLPv2) and checked with an
 * independent encoder. Valid packets first, then malformed ones ({@code BAD_*}) whose {@code TlvException}
 * message the report records.
 */
final class SelfTestPackets {
  private SelfTestPackets() {}

  /** Interest /ndn/edu/ucla/ping/123, CanBePrefix, MustBeFresh, Nonce 01020304, InterestLifetime 4000 (2 octets). */
  static final String INTEREST_TYPICAL =
      "052b071b08036e646e0803656475080475636c61080470696e670803313233210012000a04010203040c020fa0";

  /** Interest /a and nothing else. */
  static final String INTEREST_MINIMAL = "05050703080161";

  /**
   * Interest /ndn/video/seg, MustBeFresh, ForwardingHint (/ndn/gw1, /ndn/gw2), Nonce, InterestLifetime 100 (1 octet),
   * HopLimit 64.
   */
  static final String INTEREST_HINT_HOPLIMIT =
      "053b071108036e646e0805766964656f080373656712001e18070a08036e646e0803677731070a08036e646e08036777"
      + "320a04a1b2c3d40c0164220140";

  /**
   * Interest /app/cmd/params-sha256=..., Nonce 00000001, InterestLifetime 70000 (4 octets), ApplicationParameters
   * 000102"hello"; correct digest.
   */
  static final String INTEREST_PARAMS =
      "0544072c08036170700803636d640220c06d21ef3fff1db10f4bc3f39dfb4fa4fb299e79fa65e1bc60f0f36d4ccc17d5"
      + "0a04000000010c0400011170240800010268656c6c6f";

  /**
   * signed Interest /localhost/nfd/rib/register/params-sha256=..., CanBePrefix, MustBeFresh, Nonce, lifetime 1000,
   * ApplicationParameters(ControlParameters), InterestSignatureInfo (DigestSha256, SignatureNonce, SignatureTime,
   * SignatureSeqNum), InterestSignatureValue.
   */
  static final String INTEREST_SIGNED =
      "0598074108096c6f63616c686f737408036e66640803726962080872656769737465720220f881ada55875b4ae4d721c"
      + "46f554c8f099befa76ecef51a2f6dc87b157a6836d210012000a04deadbeef0c0203e82407680507030801782c1a1b01"
      + "002608010203040506070828080000018bcfe568002a01072e201e4ab635ea59b8cb1ab65b4ec515b17ec0163951b945"
      + "5c40c9b501c68d4e0de4";

  /**
   * Interest whose name has keyword, v=, seg=, off=, t=, seq=, empty, ".", "..", "...", bytes needing escapes, types
   * 128 and 64768, and a last sha256digest=; Nonce ffffffff; lifetime 2^32+5 in 8 octets.
   */
  static final String INTEREST_TYPED_NAME =
      "057a076808036e646e20026b7736046553f1003201033402100038080005af3107a400003a012a080008012e08022e2e"
      + "08032e2e2e080b6120622f2500ff7e2d2e5f800178fdfd0001010120000102030405060708090a0b0c0d0e0f10111213"
      + "1415161718191a1b1c1d1e1f0a04ffffffff0c080000000100000005";

  /** Interest /a with InterestLifetime 2^63+5 (above Long.MAX_VALUE). */
  static final String INTEREST_HUGE_LIFETIME = "050f07030801610c088000000000000005";

  /** Interest /a/b with a ForwardingHint in the pre-2021 format (LinkDelegation: Preference + Name), Nonce. */
  static final String INTEREST_OLD_HINT =
      "053207060801610801621e221f0f1e010a070a08036e646e08036777311f0f1e0114070a08036e646e08036777320a04"
      + "00000002";

  /**
   * Interest /a/b, Nonce, unknown non-critical element 0x80, InterestLifetime 500, unknown non-critical 0x7e at the
   * end.
   */
  static final String INTEREST_UNKNOWN_NONCRITICAL = "051807060801610801620a040000000380027a7a0c0201f47e00";

  /**
   * Data /ndn/edu/ucla/ping/123, MetaInfo (ContentType 0, FreshnessPeriod 10000, FinalBlockId seg=9), Content "hello,
   * world", DigestSha256 signature (correct).
   */
  static final String DATA_DIGEST =
      "0660071b08036e646e0803656475080475636c61080470696e670803313233140c180100190227101a03320109150c68"
      + "656c6c6f2c20776f726c6416031b01001720267313c4b6658248c68e4c13c2dc02b33d2c89d5599b48a489840b96acb5"
      + "8c46";

  /** Data /a, SignatureInfo (DigestSha256), empty SignatureValue. */
  static final String DATA_MINIMAL = "060c070308016116031b01001700";

  /**
   * Data /ndn/KEY/k1/self/v=1, ContentType KEY, FreshnessPeriod 3600000, 44-octet Content, Ed25519 SignatureInfo with
   * KeyLocator Name and ValidityPeriod, 64-octet SignatureValue.
   */
  static final String DATA_CERT_ED25519 =
      "06d5071708036e646e08034b455908026b31080473656c66360101140918010219040036ee80152c0001020304050607"
      + "08090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b163f1b01051c10070e08036e"
      + "646e08034b455908026b31fd00fd26fd00fe0f323032343031303154303030303030fd00ff0f32303334313233315432"
      + "33353935391740ababababababababababababababababababababababababababababababababababababababababab"
      + "ababababababababababababababababababababababab";

  /** Data /big with 300 octets of Content (3-octet TLV-LENGTHs), DigestSha256, zero SignatureValue. */
  static final String DATA_BIG_CONTENT =
      "06fd015e0705080362696715fd012c00070e151c232a31383f464d545b626970777e858c939aa1a8afb6bdc4cbd2d9e0"
      + "e7eef5fc030a11181f262d343b424950575e656c737a81888f969da4abb2b9c0c7ced5dce3eaf1f8ff060d141b222930"
      + "373e454c535a61686f767d848b9299a0a7aeb5bcc3cad1d8dfe6edf4fb020910171e252c333a41484f565d646b727980"
      + "878e959ca3aab1b8bfc6cdd4dbe2e9f0f7fe050c131a21282f363d444b525960676e757c838a91989fa6adb4bbc2c9d0"
      + "d7dee5ecf3fa01080f161d242b323940474e555c636a71787f868d949ba2a9b0b7bec5ccd3dae1e8eff6fd040b121920"
      + "272e353c434a51585f666d747b828990979ea5acb3bac1c8cfd6dde4ebf2f900070e151c232a31383f464d545b626970"
      + "777e858c939aa1a8afb6bdc4cbd2d9e0e7eef5fc030a11181f262d16031b010017200000000000000000000000000000"
      + "000000000000000000000000000000000000";

  /** LpPacket Nack (NackReason 150 NoRoute) carrying INTEREST_TYPICAL. */
  static final String LP_NACK =
      "6438fd032005fd03210196502d052b071b08036e646e0803656475080475636c61080470696e67080331323321001200"
      + "0a04010203040c020fa0";

  /** LpPacket Nack without NackReason carrying INTEREST_MINIMAL. */
  static final String LP_NACK_NOREASON = "640dfd032000500705050703080161";

  /**
   * LpPacket PitToken 0011223344556677, NextHopFaceId 260, CachePolicy NoCache, CongestionMark 1, carrying
   * DATA_MINIMAL.
   */
  static final String LP_DATA_FIELDS =
      "642e62080011223344556677fd0330020104fd033405fd03350101fd03400101500e060c070308016116031b01001700";

  /**
   * LpPacket Sequence 0102030405060708, FragIndex 1, FragCount 3, Fragment of 100 octets from the middle of
   * DATA_BIG_CONTENT.
   */
  static final String LP_FRAGMENT =
      "6476510801020304050607085201015301035064535a61686f767d848b9299a0a7aeb5bcc3cad1d8dfe6edf4fb020910"
      + "171e252c333a41484f565d646b727980878e959ca3aab1b8bfc6cdd4dbe2e9f0f7fe050c131a21282f363d444b525960"
      + "676e757c838a91989fa6adb4bbc2c9d0d7dee5ecf3fa0108";

  /** LpPacket with unknown ignorable header field 852 (0x354), carrying INTEREST_MINIMAL. */
  static final String LP_IGNORABLE_FIELD = "640ffd0354020102500705050703080161";

  /** LpPacket without fragment (IDLE). */
  static final String LP_IDLE = "6400";

  /** INTEREST_TYPICAL without its last octet. */
  static final String BAD_TRUNCATED =
      "052b071b08036e646e0803656475080475636c61080470696e670803313233210012000a04010203040c020f";

  /** Interest /a with a 3-octet Nonce. */
  static final String BAD_NONCE3 = "050a07030801610a03010203";

  /** Interest without Name. */
  static final String BAD_NO_NAME = "05060a0401020304";

  /** Interest with a Name of no components. */
  static final String BAD_EMPTY_NAME = "050807000a0401020304";

  /** Interest /a, Nonce, unknown critical element 0x81. */
  static final String BAD_UNKNOWN_CRITICAL = "050e07030801610a0401020304810178";

  /** Interest /a with CanBePrefix after Nonce. */
  static final String BAD_ORDER = "050d07030801610a04010203042100";

  /** Interest /a with two Nonces. */
  static final String BAD_DUP_NONCE = "051107030801610a04010203040a0401020304";

  /** Interest whose TLV-LENGTH 5 is written in 3 octets. */
  static final String BAD_NONMINIMAL_LENGTH = "05fd00050703080161";

  /** Interest whose name component has TLV-TYPE 0. */
  static final String BAD_COMPONENT_TYPE0 = "05050703000178";

  /** Interest /a with a 3-octet InterestLifetime. */
  static final String BAD_LIFETIME3 = "050a07030801610c03010203";

  /** Interest /a with a 2-octet HopLimit. */
  static final String BAD_HOPLIMIT2 = "0509070308016122020102";

  /** Interest /app/params-sha256=00.. whose digest does not match its ApplicationParameters. */
  static final String BAD_PARAMS_DIGEST =
      "053307270803617070022000000000000000000000000000000000000000000000000000000000000000002408000102"
      + "68656c6c6f";

  /** Interest /app with ApplicationParameters but no ParametersSha256DigestComponent. */
  static final String BAD_PARAMS_NO_DIGEST = "051107050803617070240800010268656c6c6f";

  /** Interest /a with a 2-octet ImplicitSha256DigestComponent. */
  static final String BAD_DIGEST_LEN = "0509070708016101020102";

  /** Data /a, Content, no SignatureInfo or SignatureValue. */
  static final String BAD_DATA_NO_SIGINFO = "06130703080161150c68656c6c6f2c20776f726c64";

  /** Data /a, SignatureInfo, no SignatureValue. */
  static final String BAD_DATA_NO_SIGVALUE = "060a070308016116031b0100";

  /** LpPacket with unknown non-ignorable header field 853 (0x355). */
  static final String BAD_LP_UNKNOWN_FIELD = "640efd03550101500705050703080161";

  /** INTEREST_TYPICAL followed by one extra octet. */
  static final String BAD_TRAILING =
      "052b071b08036e646e0803656475080475636c61080470696e670803313233210012000a04010203040c020fa000";

  /** Interest whose TLV-LENGTH is a 9-octet VAR-NUMBER (2^32). */
  static final String BAD_LENGTH_OVERFLOW = "05ff00000001000000000703080161";

  /** Interest whose Name claims 9 octets but the Interest ends after 3. */
  static final String BAD_INNER_OVERRUN = "05050709080161";

  /** Valid packets, as {label, hex} pairs, in report order. */
  static final String[][] VALID = {
    {"INTEREST_TYPICAL", INTEREST_TYPICAL},
    {"INTEREST_MINIMAL", INTEREST_MINIMAL},
    {"INTEREST_HINT_HOPLIMIT", INTEREST_HINT_HOPLIMIT},
    {"INTEREST_PARAMS", INTEREST_PARAMS},
    {"INTEREST_SIGNED", INTEREST_SIGNED},
    {"INTEREST_TYPED_NAME", INTEREST_TYPED_NAME},
    {"INTEREST_HUGE_LIFETIME", INTEREST_HUGE_LIFETIME},
    {"INTEREST_OLD_HINT", INTEREST_OLD_HINT},
    {"INTEREST_UNKNOWN_NONCRITICAL", INTEREST_UNKNOWN_NONCRITICAL},
    {"DATA_DIGEST", DATA_DIGEST},
    {"DATA_MINIMAL", DATA_MINIMAL},
    {"DATA_CERT_ED25519", DATA_CERT_ED25519},
    {"DATA_BIG_CONTENT", DATA_BIG_CONTENT},
    {"LP_NACK", LP_NACK},
    {"LP_NACK_NOREASON", LP_NACK_NOREASON},
    {"LP_DATA_FIELDS", LP_DATA_FIELDS},
    {"LP_FRAGMENT", LP_FRAGMENT},
    {"LP_IGNORABLE_FIELD", LP_IGNORABLE_FIELD},
    {"LP_IDLE", LP_IDLE},
  };

  /** Malformed packets, as {label, hex} pairs, in report order. */
  static final String[][] MALFORMED = {
    {"BAD_TRUNCATED", BAD_TRUNCATED},
    {"BAD_NONCE3", BAD_NONCE3},
    {"BAD_NO_NAME", BAD_NO_NAME},
    {"BAD_EMPTY_NAME", BAD_EMPTY_NAME},
    {"BAD_UNKNOWN_CRITICAL", BAD_UNKNOWN_CRITICAL},
    {"BAD_ORDER", BAD_ORDER},
    {"BAD_DUP_NONCE", BAD_DUP_NONCE},
    {"BAD_NONMINIMAL_LENGTH", BAD_NONMINIMAL_LENGTH},
    {"BAD_COMPONENT_TYPE0", BAD_COMPONENT_TYPE0},
    {"BAD_LIFETIME3", BAD_LIFETIME3},
    {"BAD_HOPLIMIT2", BAD_HOPLIMIT2},
    {"BAD_PARAMS_DIGEST", BAD_PARAMS_DIGEST},
    {"BAD_PARAMS_NO_DIGEST", BAD_PARAMS_NO_DIGEST},
    {"BAD_DIGEST_LEN", BAD_DIGEST_LEN},
    {"BAD_DATA_NO_SIGINFO", BAD_DATA_NO_SIGINFO},
    {"BAD_DATA_NO_SIGVALUE", BAD_DATA_NO_SIGVALUE},
    {"BAD_LP_UNKNOWN_FIELD", BAD_LP_UNKNOWN_FIELD},
    {"BAD_TRAILING", BAD_TRAILING},
    {"BAD_LENGTH_OVERFLOW", BAD_LENGTH_OVERFLOW},
    {"BAD_INNER_OVERRUN", BAD_INNER_OVERRUN},
  };
}
