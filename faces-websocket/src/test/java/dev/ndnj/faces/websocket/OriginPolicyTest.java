package dev.ndnj.faces.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Origin check of the WebSocket handshake, without sockets. */
class OriginPolicyTest {
  private final OriginPolicy defaults = new OriginPolicy(List.of());

  @Test
  void aClientWithoutAnOriginIsNotABrowserAndIsAllowed() {
    assertTrue(defaults.allows(null, "hub.example.net:9696"));
    assertTrue(defaults.allows(null, null));
  }

  @Test
  void aPageFromTheHostTheRequestWasAddressedToIsAllowedOnAnyPort() {
    assertTrue(defaults.allows("https://hub.example.net", "hub.example.net:9696"));
    assertTrue(defaults.allows("http://HUB.example.net:8080", "hub.example.net"));
    assertTrue(defaults.allows("http://[2001:db8::1]:8080", "[2001:db8:0:0::1]:9696"));
    assertFalse(defaults.allows("https://other.example.net", "hub.example.net:9696"));
    assertFalse(defaults.allows("https://hub.example.net.evil.example", "hub.example.net:9696"));
  }

  @Test
  void loopbackPagesAreAllowed() {
    assertTrue(defaults.allows("http://localhost:3000", "hub.example.net:9696"));
    assertTrue(defaults.allows("http://127.0.0.1", "hub.example.net:9696"));
    assertTrue(defaults.allows("http://[::1]:8000", "hub.example.net:9696"));
    assertFalse(defaults.allows("http://localhost.evil.example", "hub.example.net:9696"));
  }

  @Test
  void otherPagesAreRefusedUnlessListed() {
    OriginPolicy listed = new OriginPolicy(List.of(OriginPolicy.normalizeEntry("https://app.example"),
        OriginPolicy.normalizeEntry("http://dev.example:8080")));
    assertTrue(listed.allows("https://app.example", "hub.example.net"));
    assertTrue(listed.allows("https://app.example:443", "hub.example.net"), "the default port is the same origin");
    assertTrue(listed.allows("http://dev.example:8080", "hub.example.net"));
    assertFalse(listed.allows("http://dev.example:8081", "hub.example.net"), "another port is another origin");
    assertFalse(listed.allows("http://app.example", "hub.example.net"), "another scheme is another origin");
    assertFalse(defaults.allows("https://app.example", "hub.example.net"));
  }

  @Test
  void theNullOriginIsRefusedUnlessListedAndStarAllowsAll() {
    assertFalse(defaults.allows("null", "hub.example.net"));
    assertTrue(new OriginPolicy(List.of("null")).allows("null", "hub.example.net"));
    OriginPolicy any = new OriginPolicy(List.of("*"));
    assertTrue(any.allows("https://anything.example", "hub.example.net"));
    assertTrue(any.allows("null", "hub.example.net"));
  }

  @Test
  void garbageOriginsAreRefused() {
    assertFalse(defaults.allows("not an origin", "hub.example.net"));
    assertFalse(defaults.allows("https://hub.example.net/path", "hub.example.net"));
    assertFalse(defaults.allows("", "hub.example.net"));
  }

  @Test
  void entriesAreCheckedAndNormalized() {
    assertEquals("https://app.example:443", OriginPolicy.normalizeEntry(" HTTPS://App.Example "));
    assertEquals("http://[::1]:80", OriginPolicy.normalizeEntry("http://[0:0::1]"));
    assertEquals("*", OriginPolicy.normalizeEntry("*"));
    assertThrows(IllegalArgumentException.class, () -> OriginPolicy.normalizeEntry("app.example"));
    assertThrows(IllegalArgumentException.class, () -> OriginPolicy.normalizeEntry("https://app.example/x"));
    assertThrows(IllegalArgumentException.class,
        () -> new WebSocketFacesConfig().allowedOrigins(List.of("nope")));
  }
}
