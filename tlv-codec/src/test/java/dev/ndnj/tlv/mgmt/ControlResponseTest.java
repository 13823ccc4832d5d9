package dev.ndnj.tlv.mgmt;

import static dev.ndnj.tlv.mgmt.Vectors.assertEncodes;
import static dev.ndnj.tlv.mgmt.Vectors.assertTlvError;
import static dev.ndnj.tlv.mgmt.Vectors.buf;
import static dev.ndnj.tlv.mgmt.Vectors.el;
import static dev.ndnj.tlv.mgmt.Vectors.hex;
import static dev.ndnj.tlv.mgmt.Vectors.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Name;
import org.junit.jupiter.api.Test;

/** ControlResponse, with the vector of ndn-cxx tests/unit/mgmt/control-response.t.cpp. */
class ControlResponseTest {
  @Test
  void encodesLikeNdnCxx() {
    assertEncodes(Vectors.CONTROL_RESPONSE, ControlResponse.of(404, "Nothing not found"));
  }

  @Test
  void decodesLikeNdnCxx() {
    ControlResponse r = ControlResponse.decode(buf(Vectors.CONTROL_RESPONSE));
    assertEquals(404, r.code());
    assertEquals(StatusCode.NOT_FOUND, r.code());
    assertFalse(r.isSuccess());
    assertEquals("Nothing not found", r.text());
    assertFalse(r.hasBody());
    assertNull(r.body());
    assertEquals(ControlResponse.of(404, "Nothing not found"), r);
    assertEquals("ControlResponse(404 Nothing not found)", r.toString());
    assertThrows(IllegalStateException.class, r::bodyAsControlParameters);
  }

  @Test
  void bodyIsTheResultingControlParameters() {
    ControlParameters params = ControlParameters.builder().name(Name.parse("/a")).faceId(300).origin(0).cost(0)
        .flags(RouteFlags.CHILD_INHERIT).build();
    ControlResponse r = ControlResponse.builder(StatusCode.OK, "OK").body(params).build();
    String expected = el(0x65, "6601c8", "67024f4b", el(0x68, "0703080161", "6902012c", "6f0100", "6a0100",
        "6c0101"));
    assertEncodes(expected, r);
    ControlResponse d = ControlResponse.decode(buf(expected));
    assertTrue(d.isSuccess());
    assertEquals(params, d.bodyAsControlParameters());
    assertEquals(hex(params.wire()), hex(d.body()));
    assertEquals(r, d);
    assertEquals(r, ControlResponse.of(200, "OK", params.wire()));
  }

  @Test
  void bodyMayBeAnyElementAndLaterElementsAreIgnored() {
    ControlResponse d = ControlResponse.decode(buf(el(0x65, "660201f4", "6700", "8003 690101", "fb00")));
    assertEquals(500, d.code());
    assertEquals("", d.text());
    assertEquals(norm("8003 690101"), hex(d.body()));
  }

  @Test
  void statusCodeAndTextAreRequiredInThatOrder() {
    assertTlvError(2, () -> ControlResponse.decode(buf(el(0x65, "67024f4b", "6601c8"))),
        "ControlResponse: missing StatusCode");
    assertTlvError(5, () -> ControlResponse.decode(buf(el(0x65, "6601c8"))), "ControlResponse: missing StatusText");
    assertTlvError(5, () -> ControlResponse.decode(buf(el(0x65, "6601c8", "fc00", "67024f4b"))),
        "missing StatusText");
  }

  @Test
  void statusCodeIsUnsigned32Bits() {
    ControlResponse d = ControlResponse.decode(buf(el(0x65, "6604ffffffff", "6700")));
    assertEquals(0xffffffffL, Integer.toUnsignedLong(d.code()));
    assertEncodes(el(0x65, "6604ffffffff", "6700"), d);
    assertTlvError(2, () -> ControlResponse.decode(buf(el(0x65, "66080000000100000000", "6700"))),
        "StatusCode 4294967296 is above 2^32-1");
    assertTlvError(2, () -> ControlResponse.decode(buf(el(0x65, "6603000001", "6700"))),
        "StatusCode of length 3");
  }
}
