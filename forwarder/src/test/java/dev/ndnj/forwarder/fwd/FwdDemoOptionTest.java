package dev.ndnj.forwarder.fwd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --no-demo} and the demo URL the forwarder logs for its WebSocket channel. */
class FwdDemoOptionTest {
  @Test
  void demoIsOnByDefaultAndNoDemoTurnsItOff() throws Exception {
    FwdCommand on = new FwdCommand();
    new CommandLine(on).parseArgs();
    assertTrue(on.config().demo);
    FwdCommand off = new FwdCommand();
    new CommandLine(off).parseArgs("--no-demo");
    assertFalse(off.config().demo);
  }

  @Test
  void demoUrlFromTheWebSocketChannel() {
    assertEquals("http://localhost:9696/", ForwarderProcess.httpUrl("ws://0.0.0.0:9696"));
    assertEquals("http://localhost:9696/", ForwarderProcess.httpUrl("ws://[::]:9696"));
    assertEquals("http://127.0.0.1:40001/", ForwarderProcess.httpUrl("ws://127.0.0.1:40001"));
    assertEquals("https://[::1]:443/", ForwarderProcess.httpUrl("wss://[::1]:443"));
    assertNull(ForwarderProcess.httpUrl("tcp4://127.0.0.1:6363"));
  }
}
