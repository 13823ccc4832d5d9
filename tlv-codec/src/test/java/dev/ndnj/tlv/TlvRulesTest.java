package dev.ndnj.tlv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The evolvability table: order, repetition, unknown critical versus non-critical children. */
class TlvRulesTest {
  // a made-up container with a critical child (0x0b), a non-critical one (0x22) and a repeatable critical one (0x0d)
  private final TlvRules rules = TlvRules.of("Thing", 0x07, 0x0b, 0x22, 0x0d).repeatable(0x0d);
  private final TlvRules lp = TlvRules.of("Lp", 0x51, 0x0320, 0x0344, 0x50).repeatable(0x0344).lpHeaderRules();

  @Test
  void childrenInOrderGetTheirSlots() {
    assertEquals(1, rules.classify(0x07, 0, 0, 0));
    assertEquals(2, rules.classify(0x0b, 1, 0, 0));
    assertEquals(4, rules.classify(0x0d, 2, 0, 0), "optional children may be absent");
    assertEquals("Thing", rules.element());
  }

  @Test
  void criticalChildOutOfOrderIsAnError() {
    TlvException e = assertThrows(TlvException.class, () -> rules.classify(0x0b, 3, 17, 10));
    assertEquals("Thing: TLV-TYPE 11 out of order, at offset 7", e.getMessage());
    assertEquals(7, e.offset());
  }

  @Test
  void criticalChildRepeatedIsAnError() {
    TlvException e = assertThrows(TlvException.class, () -> rules.classify(0x0b, 2, 5, 0));
    assertEquals("Thing: TLV-TYPE 11 repeated, at offset 5", e.getMessage());
  }

  @Test
  void repeatableChildMayRepeat() {
    assertEquals(4, rules.classify(0x0d, 4, 0, 0));
  }

  @Test
  void nonCriticalChildOutOfOrderOrRepeatedIsSkipped() {
    assertEquals(TlvRules.SKIP, rules.classify(0x22, 4, 0, 0));
    assertEquals(TlvRules.SKIP, rules.classify(0x22, 3, 0, 0));
  }

  @Test
  void unknownCriticalChildIsAnError() {
    TlvException e = assertThrows(TlvException.class, () -> rules.classify(0xfb, 1, 9, 0));
    assertEquals("Thing: unrecognized critical element TLV-TYPE 251, at offset 9", e.getMessage());
    assertThrows(TlvException.class, () -> rules.classify(0x1f, 1, 9, 0), "types up to 31 are always critical");
  }

  @Test
  void unknownNonCriticalChildIsSkippedWithoutMovingTheOrder() {
    assertEquals(TlvRules.SKIP, rules.classify(0xfc, 2, 0, 0));
    assertEquals(TlvRules.SKIP, rules.classify(0x0200, 2, 0, 0));
  }

  @Test
  void lpRulesSkipOnlyIgnorableUnknownFields() {
    assertEquals(TlvRules.SKIP, lp.classify(0x0324, 1, 0, 0));
    // 0x0322 is even, so non-critical for the packet format, but not ignorable for NDNLPv2
    TlvException e = assertThrows(TlvException.class, () -> lp.classify(0x0322, 1, 4, 0));
    assertEquals("Lp: unrecognized critical element TLV-TYPE 802, at offset 4", e.getMessage());
    assertThrows(TlvException.class, () -> lp.classify(0xfc, 1, 4, 0), "252 is outside 800..959");
  }

  @Test
  void lpRulesRejectKnownFieldsOutOfOrderEvenInTheIgnorableRange() {
    // Nack (800) is a recognized field: NDNLPv2 ignorability applies to unknown fields only
    TlvException e = assertThrows(TlvException.class, () -> lp.classify(0x0320, 3, 6, 0));
    assertEquals("Lp: Nack out of order, at offset 6", e.getMessage());
    assertThrows(TlvException.class, () -> lp.classify(0x0320, 2, 6, 0), "Nack repeated");
    assertEquals(3, lp.classify(0x0344, 3, 0, 0), "Ack repeats");
  }
}
