package dev.ndnj.tlv.mgmt;

import static dev.ndnj.tlv.mgmt.Vectors.assertEncodes;
import static dev.ndnj.tlv.mgmt.Vectors.assertTlvError;
import static dev.ndnj.tlv.mgmt.Vectors.buf;
import static dev.ndnj.tlv.mgmt.Vectors.el;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ndnj.tlv.Name;
import org.junit.jupiter.api.Test;

/** StrategyChoice, with the vector of ndn-cxx tests/unit/mgmt/nfd/strategy-choice.t.cpp. */
class StrategyChoiceTest {
  @Test
  void roundTripsLikeNdnCxx() {
    StrategyChoice sc = StrategyChoice.builder().name(Name.parse("/hello/world"))
        .strategy(Name.parse("/some/non/existing/strategy/name")).build();
    assertEncodes(Vectors.STRATEGY_CHOICE, sc);
    StrategyChoice d = StrategyChoice.decode(buf(Vectors.STRATEGY_CHOICE));
    assertEquals(sc, d);
    assertEquals(Name.parse("/hello/world"), d.name());
    assertEquals(Name.parse("/some/non/existing/strategy/name"), d.strategy());
    assertEquals("StrategyChoice(Name: /hello/world, Strategy: /some/non/existing/strategy/name)", d.toString());
    assertNotEquals(StrategyChoice.of(Name.parse("/hello/world"), Name.parse("/strategyQ")), d);
  }

  @Test
  void nameAndStrategyAreRequired() {
    assertTlvError(0, () -> StrategyChoice.decode(buf("8005 0703080141")),
        "StrategyChoice: missing required Strategy field");
    assertTlvError(7, () -> StrategyChoice.decode(buf(el(0x80, "0703080141", "6b00"))),
        "StrategyChoice: Strategy must hold a Name");
    assertThrows(IllegalStateException.class, () -> StrategyChoice.builder().name(Name.ROOT).build());
  }
}
