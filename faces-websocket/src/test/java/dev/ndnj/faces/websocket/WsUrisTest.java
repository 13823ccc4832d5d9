package dev.ndnj.faces.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.face.FaceScope;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** WebSocket face URIs as NFD prints them, the URIs client faces take, and the scope rule. */
class WsUrisTest {
  @Test
  void urisHaveNoIpVersionDigitAndIpv6GoesInBrackets() throws Exception {
    assertEquals("ws://127.0.0.1:9696", WsUris.uri("ws", new InetSocketAddress("127.0.0.1", 9696)));
    assertEquals("wsclient://192.0.2.7:50312", WsUris.uri("wsclient", new InetSocketAddress("192.0.2.7", 50312)));
    assertEquals("ws://[::]:9696", WsUris.uri("ws", new InetSocketAddress("::", 9696)));
    assertEquals("wsclient://[2001:db8::1]:50312",
        WsUris.uri("wsclient", new InetSocketAddress("2001:db8:0:0:0:0:0:1", 50312)));
    // a dual-stack socket reports an IPv4 peer as IPv4-mapped: printed as IPv4, as NFD (v6-only sockets) would
    InetAddress mapped = InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1});
    assertEquals("wsclient://127.0.0.1:1", WsUris.uri("wsclient", new InetSocketAddress(mapped, 1)));
  }

  @Test
  void clientUrisParse() {
    WsUris.Target t = WsUris.parse("wss://hub.example.net/ndn?x=1");
    assertTrue(t.secure());
    assertEquals("hub.example.net", t.host());
    assertEquals(443, t.port());
    assertEquals("/ndn?x=1", t.pathAndQuery());
    assertFalse(t.hasAddressLiteral());
    WsUris.Target v6 = WsUris.parse("ws://[::1]:9696");
    assertEquals("::1", v6.host());
    assertEquals(9696, v6.port());
    assertEquals("/", v6.pathAndQuery());
    assertTrue(v6.hasAddressLiteral());
    assertEquals(80, WsUris.parse("WS://127.0.0.1").port());
    assertEquals("ws://127.0.0.1:9696/ndn",
        WsUris.clientFaceRemote(WsUris.parse("ws://localhost:9696/ndn"), new InetSocketAddress("127.0.0.1", 9696)));
    assertThrows(IllegalArgumentException.class, () -> WsUris.parse("tcp4://127.0.0.1:6363"));
    assertThrows(IllegalArgumentException.class, () -> WsUris.parse("ws:///nohost"));
    assertThrows(IllegalArgumentException.class, () -> WsUris.parse("ws://user@host/"));
  }

  @Test
  void localScopeOnlyWhenBothEndsAreLoopback() throws Exception {
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    InetAddress lo6 = InetAddress.getByName("::1");
    InetAddress other = InetAddress.getByName("192.0.2.1");
    assertEquals(FaceScope.LOCAL, WebSocketTransport.scopeOf(lo, lo));
    assertEquals(FaceScope.LOCAL, WebSocketTransport.scopeOf(lo6, lo6));
    assertEquals(FaceScope.NON_LOCAL, WebSocketTransport.scopeOf(other, lo));
    assertEquals(FaceScope.NON_LOCAL, WebSocketTransport.scopeOf(lo, other));
  }
}
