package dev.ndnj.tlv.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.function.Executable;

/**
 * Encodings from ndn-cxx's unit tests (tests/unit/mgmt/...), copied octet for octet, plus the helpers the
 * management tests share. Each constant names the ndn-cxx file and test case it comes from.
 */
final class Vectors {
  private Vectors() {}

  /** tests/unit/mgmt/nfd/face-status.t.cpp, Encode (makeFaceStatus()). */
  static final String FACE_STATUS = "806a 690164 7215 746370343a2f2f3139322e302e322e313a36333633"
      + " 8116 746370343a2f2f3139322e302e322e323a3535353535 6d022710 840101 850101 860101 870105 880107 890109"
      + " 90010a 9101c8 970101 92020bb8 930104 980102 94044f41e77b 95043b8d3730 6c0107";

  /** tests/unit/mgmt/nfd/fib-entry.t.cpp, NextHopRecordEncode. */
  static final String NEXT_HOP = "8106 69010a 6a01c8";
  /** tests/unit/mgmt/nfd/fib-entry.t.cpp, FibEntryNoNextHopsEncode. */
  static final String FIB_ENTRY_NO_NEXT_HOPS = "8015 0713 080474686973 08026973 080161 080474657374";
  /** tests/unit/mgmt/nfd/fib-entry.t.cpp, FibEntryEncode. */
  static final String FIB_ENTRY = "8038 0713 080474686973 08026973 080161 080474657374"
      + " 8106 69010a 6a01c8 8107 690114 6a02012c 8107 69011e 6a020190 8107 690128 6a0201f4";

  /** tests/unit/mgmt/nfd/rib-entry.t.cpp, RouteEncode. */
  static final String ROUTE = "8110 690101 6f0180 6a0164 6c0102 6d022710";
  /** tests/unit/mgmt/nfd/rib-entry.t.cpp, RouteNoExpirationPeriodEncode. */
  static final String ROUTE_NO_EXPIRATION = "810c 690101 6f0180 6a0164 6c0102";
  /** tests/unit/mgmt/nfd/rib-entry.t.cpp, RibEntryEncode. */
  static final String RIB_ENTRY = "8034 070e 080568656c6c6f 0805776f726c64"
      + " 8110 690101 6f0180 6a0164 6c0102 6d022710 8110 690102 6f0100 6a0120 6c0101 6d021388";

  /** tests/unit/mgmt/nfd/strategy-choice.t.cpp, Encode. */
  static final String STRATEGY_CHOICE = "8039 070e 080568656c6c6f 0805776f726c64"
      + " 6b27 0725 0804736f6d65 08036e6f6e 08086578697374696e67 08087374726174656779 08046e616d65";

  /** tests/unit/mgmt/nfd/forwarder-status.t.cpp, Encode: ndn-cxx's form, the fields inside Content (0x15). */
  static final String FORWARDER_STATUS = "1571 8011 302e352e312d31342d6730356464343434"
      + " 8108 000000575b42a62d 8208 000000ce5036d720 83046e43e478 8404250efee4 85041cbcb74d 8604699a61f2"
      + " 87044b65e3f0 90042486c35f 91046de2bcf2 970204d2 920438c0923d 9304083cbf2a 980210e1 9904000ea9fc"
      + " 9a04000e5be0";

  /** tests/unit/mgmt/nfd/cs-info.t.cpp, Encode. */
  static final String CS_INFO = "8013 83024ed1 6c0102 87021585 81023297 82026e13";

  /** tests/unit/mgmt/nfd/face-event-notification.t.cpp, Created (the other cases differ in kind and flags). */
  static final String FACE_EVENT_CREATED = faceEvent(1, 3);
  /** tests/unit/mgmt/nfd/face-event-notification.t.cpp, Destroyed. */
  static final String FACE_EVENT_DESTROYED = faceEvent(2, 4);
  /** tests/unit/mgmt/nfd/face-event-notification.t.cpp, Up. */
  static final String FACE_EVENT_UP = faceEvent(3, 5);
  /** tests/unit/mgmt/nfd/face-event-notification.t.cpp, Down. */
  static final String FACE_EVENT_DOWN = faceEvent(4, 6);

  private static String faceEvent(int kind, int flags) {
    return "c041 c1010" + kind + " 690114 7216 746370343a2f2f3139322e302e322e313a3535353535"
        + " 8115 746370343a2f2f3139322e302e322e323a36333633 840101 850101 860101 6c010" + flags;
  }

  /** tests/unit/mgmt/nfd/face-query-filter.t.cpp, Encode. */
  static final String FACE_QUERY_FILTER = "9641 690164 830474637034 7215 746370343a2f2f3139322e302e322e313a36333633"
      + " 8116 746370343a2f2f3139322e302e322e323a3535353535 840101 850101 860101";

  /** tests/unit/mgmt/control-response.t.cpp, WIRE: 404 "Nothing not found". */
  static final String CONTROL_RESPONSE = "6517 66020194 6711 4e6f7468696e67206e6f7420666f756e64";

  /**
   * ControlParameters with the field values of tests/unit/mgmt/nfd/control-parameters.t.cpp, Fields. That test
   * checks a round trip but lists no octets; these were worked out by hand from ndn-cxx's
   * {@code ControlParameters::wireEncode} (its field order, shortest NonNegativeIntegers).
   */
  static final String CONTROL_PARAMETERS_FIELDS = "686d 0706 08046e616d65 69020a4a"
      + " 7215 756470343a2f2f3139322e302e322e313a36333633 8115 756470343a2f2f3139322e302e322e323a36333633"
      + " 6f0180 6a02056c 83020a48 84020c1c 6c02afc4 7002f7a1 6b11 070f 080d73747261746567792d6e616d65"
      + " 6d04001b7740 850100";

  /**
   * The faces/create response parameters of tests/unit/mgmt/nfd/control-command.t.cpp, FaceCreateResponse, encoded
   * by hand the same way (that test has no octets either).
   */
  static final String CONTROL_PARAMETERS_FACE_CREATED = "6845 69020c88"
      + " 7215 746370343a2f2f3139322e302e322e313a36333633 8116 746370343a2f2f3139322e302e322e323a3332313134"
      + " 6c0103 850102 870201f4 88023039 89020800";

  /** Hex of a TLV element of {@code type} (below 253) whose value is the concatenation of {@code parts} (hex). */
  static String el(int type, String... parts) {
    String value = norm(String.join("", parts));
    int len = value.length() / 2;
    if (type >= 253 || len >= 253) {
      throw new IllegalArgumentException("el() writes one-octet TLV-TYPE and TLV-LENGTH only");
    }
    return Hex.encode(new byte[] {(byte) type, (byte) len}) + value;
  }

  /** Octets of a hex string; spaces ignored. */
  static byte[] bytes(String hex) {
    byte[] b = Hex.decode(hex);
    if (b == null) {
      throw new IllegalArgumentException("bad hex literal in test: " + hex);
    }
    return b;
  }

  /** A heap buffer holding {@code hex}. */
  static ByteBuffer buf(String hex) {
    return ByteBuffer.wrap(bytes(hex));
  }

  /** Lowercase hex without spaces. */
  static String norm(String hex) {
    return Hex.encode(bytes(hex));
  }

  /** Hex of {@code e}'s encoding through {@link Encodable#prependTo}. */
  static String encode(Encodable e) {
    TlvEncoder enc = new TlvEncoder(16);
    e.prependTo(enc);
    return Hex.encode(enc.toByteArray());
  }

  /** Hex of the remaining octets of {@code b}. */
  static String hex(ByteBuffer b) {
    return Hex.encode(b);
  }

  /** Asserts that {@code e} encodes to exactly {@code expectedHex}, both through prependTo and wire(). */
  static void assertEncodes(String expectedHex, Encodable e) {
    assertEquals(norm(expectedHex), encode(e), "prependTo");
    assertEquals(norm(expectedHex), hex(e.wire()), "wire()");
  }

  /**
   * Asserts that {@code body} throws exactly a TlvException whose message contains each of {@code parts} and whose
   * offset is {@code offset}.
   */
  static TlvException assertTlvError(int offset, Executable body, String... parts) {
    TlvException e = assertThrows(TlvException.class, body);
    assertEquals(TlvException.class, e.getClass());
    String m = e.getMessage();
    for (String p : parts) {
      assertTrue(m.contains(p), () -> "message '" + m + "' should contain '" + p + "'");
    }
    assertEquals(offset, e.offset(), () -> "offset in '" + m + "'");
    return e;
  }
}
