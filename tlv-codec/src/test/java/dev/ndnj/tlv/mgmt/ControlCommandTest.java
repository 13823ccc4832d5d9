package dev.ndnj.tlv.mgmt;

import static dev.ndnj.tlv.mgmt.Vectors.assertTlvError;
import static dev.ndnj.tlv.mgmt.Vectors.hex;
import static dev.ndnj.tlv.mgmt.Vectors.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Name;
import org.junit.jupiter.api.Test;

/** Command Interest names: {@code /localhost/nfd/<module>/<verb>/<ControlParameters>}. */
class ControlCommandTest {
  private static final ControlParameters REGISTER = ControlParameters.builder().name(Name.parse("/a")).faceId(300)
      .build();

  @Test
  void nameIsPrefixModuleVerbAndParameters() {
    Name n = ControlCommand.of("rib", "register", REGISTER).toName();
    assertEquals(5, n.size());
    assertEquals(Name.parse("/localhost/nfd/rib/register"), n.getPrefix(4));
    assertEquals(TlvTypesForTest.GENERIC, n.get(4).type());
    assertEquals(norm("6809 0703080161 6902012c"), hex(n.get(4).value()));
    assertEquals("/localhost/nfd/rib/register/h%09%07%03%08%01ai%02%01%2C", n.toString());
  }

  @Test
  void parsingReadsTheComponentAfterTheVerb() {
    Name n = ControlCommand.of("rib", "register", REGISTER).toName(ControlCommand.LOCALHOP_PREFIX)
        .append(Component.parametersDigest(new byte[32]));
    ControlCommand c = ControlCommand.parse(n, ControlCommand.LOCALHOP_PREFIX);
    assertEquals("rib", c.module());
    assertEquals("register", c.verb());
    assertEquals(REGISTER, c.parameters());
    assertEquals(ControlCommand.of("rib", "register", REGISTER), c);
    assertEquals(REGISTER, ControlCommand.parametersAt(n, 4));
    assertEquals("rib/register ControlParameters(Name: /a, FaceId: 300, )", c.toString());
  }

  @Test
  void aCommandWithoutParametersIsBadInput() {
    assertTlvError(-1, () -> ControlCommand.parse(Name.parse("/localhost/nfd/rib/register"),
        ControlCommand.LOCALHOST_PREFIX), "has no ControlParameters component");
    assertTlvError(0, () -> ControlCommand.parse(Name.parse("/localhost/nfd/rib/register/x"),
        ControlCommand.LOCALHOST_PREFIX), "ControlParameters: expected TLV-TYPE 104");
  }

  @Test
  void aNameUnderAnotherPrefixIsMisuse() {
    assertThrows(IllegalArgumentException.class, () -> ControlCommand.parse(Name.parse("/localhop/nfd/rib/x/y"),
        ControlCommand.LOCALHOST_PREFIX));
    assertThrows(IllegalArgumentException.class, () -> ControlCommand.of("", "register", REGISTER));
  }

  /** Keeps the test independent of TlvTypes' field names. */
  private static final class TlvTypesForTest {
    static final int GENERIC = 8;
  }
}
