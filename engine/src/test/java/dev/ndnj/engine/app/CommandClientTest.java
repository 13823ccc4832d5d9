package dev.ndnj.engine.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Sha256;
import dev.ndnj.tlv.TlvTypes;
import dev.ndnj.tlv.mgmt.ControlCommand;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandClientTest {
  private final ManualEngine m = new ManualEngine();
  private final List<Interest> received = new ArrayList<>();

  /** A fake management module: answers every command with {@code code} and the parameters it got. */
  private void management(Name prefix, int code) {
    m.engine.producer().produce(prefix, (i, r) -> {
      received.add(i);
      ControlParameters p = ControlCommand.parse(i.name(), prefix).parameters();
      r.data(Data.builder(i.name()).content(ControlResponse.of(code, code == 200 ? "OK" : "Denied", p).wire())
          .signWithDigestSha256());
    });
  }

  private static byte[] digest(Interest i) {
    Sha256 h = new Sha256();
    for (ByteBuffer p : i.signedPortions()) {
      h.update(p, p.position(), p.remaining());
    }
    return h.digest();
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }

  @Test
  void registerSendsASignedCommandAndReturnsTheResponseParameters() {
    management(ControlCommand.LOCALHOP_PREFIX, 200);
    CommandClient c = new CommandClient(m.engine.consumer(), m.engine.clock(), m.engine.random(),
        ControlCommand.LOCALHOP_PREFIX);
    Promise<ControlParameters> p = c.register(Name.parse("/tab/chat"), CommandClient.ORIGIN_CLIENT, 7);
    m.settle();
    assertTrue(p.isDone());
    assertEquals(Name.parse("/tab/chat"), p.value().name());
    assertEquals(65, p.value().origin());
    assertEquals(7, p.value().cost());
    Interest i = received.get(0);
    ControlCommand cmd = ControlCommand.parse(i.name(), ControlCommand.LOCALHOP_PREFIX);
    assertEquals("rib", cmd.module());
    assertEquals("register", cmd.verb());
    assertEquals(TlvTypes.SIGNATURE_DIGEST_SHA256, i.signatureInfo().type());
    assertArrayEquals(digest(i), bytes(i.signatureValue()), "DigestSha256 over the signed portions");
    assertEquals(8, i.signatureInfo().nonce().length);
  }

  @Test
  void signatureTimesStrictlyIncreaseEvenWithAStoppedClock() {
    CommandClient c = CommandClient.localhost(m.engine);
    long t1 = c.sign(Name.parse("/localhost/nfd/rib/register")).signatureInfo().time();
    long t2 = c.sign(Name.parse("/localhost/nfd/rib/register")).signatureInfo().time();
    assertTrue(t2 > t1);
    byte[] n1 = c.sign(Name.parse("/x")).signatureInfo().nonce();
    byte[] n2 = c.sign(Name.parse("/x")).signatureInfo().nonce();
    assertNotEquals(java.util.Arrays.toString(n1), java.util.Arrays.toString(n2));
  }

  @Test
  void aRefusedCommandFailsWithItsStatusCode() {
    management(ControlCommand.LOCALHOST_PREFIX, 403);
    Promise<ControlParameters> p = CommandClient.localhost(m.engine).unregister(Name.parse("/x"), 0);
    m.settle();
    CommandFailedException e = assertInstanceOf(CommandFailedException.class, p.error());
    assertEquals(403, e.code());
    assertTrue(e.getMessage().contains("rib/unregister failed: 403 Denied"), e.getMessage());
  }

  @Test
  void noManagementGivesTheConsumersNack() {
    Promise<ControlResponse> p = CommandClient.localhost(m.engine).send("rib", "register",
        ControlParameters.builder().name(Name.parse("/x")).build());
    m.settle();
    assertInstanceOf(NackException.class, p.error());
  }
}
