package dev.ndnj.faces.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Face URIs printed and parsed as NFD does. */
class FaceUrisTest {
  @Test
  void ipv4AndIpv6EndpointsPrintAsNfdPrintsThem() throws Exception {
    assertEquals("tcp4://127.0.0.1:6363", FaceUris.ip("tcp", new InetSocketAddress("127.0.0.1", 6363)));
    assertEquals("udp4://0.0.0.0:6363", FaceUris.ip("udp", new InetSocketAddress("0.0.0.0", 6363)));
    assertEquals("tcp6://[::1]:6363", FaceUris.ip("tcp", new InetSocketAddress("::1", 6363)));
    assertEquals("udp6://[::]:6363", FaceUris.ip("udp", new InetSocketAddress("::", 6363)));
    assertEquals("tcp6://[2001:db8::1]:9", FaceUris.ip("tcp", new InetSocketAddress("2001:db8:0:0:0:0:0:1", 9)));
  }

  @Test
  void ipv6TextFollowsRfc5952() throws Exception {
    assertEquals("2001:db8::1:0:0:1", v6("2001:db8:0:0:1:0:0:1"), "the first of two equal runs");
    assertEquals("2001:db8:0:1:1:1:1:1", v6("2001:db8:0:1:1:1:1:1"), "a single zero group stays");
    assertEquals("2001:0:0:1::1", v6("2001:0:0:1:0:0:0:1"), "the longest run");
    assertEquals("fe80::abcd", v6("FE80:0:0:0:0:0:0:ABCD"), "lower case, no leading zeros");
    assertEquals("1::", v6("1:0:0:0:0:0:0:0"));
  }

  @Test
  void ipv4MappedAddressesPrintAsIpv4() throws Exception {
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
    InetAddress a = Inet6Address.getByAddress(null, mapped, -1);
    assertEquals("tcp4://127.0.0.1:80", FaceUris.ip("tcp", new InetSocketAddress(a, 80)));
  }

  @Test
  void urisParseWithDefaultsAndChecks() {
    FaceUris.Parsed p = FaceUris.parse("tcp4://192.0.2.1");
    assertEquals("tcp4", p.scheme());
    assertEquals("192.0.2.1", p.host());
    assertEquals(6363, p.port());
    assertEquals("tcp", p.protocol());
    assertEquals(4, p.ipVersion());
    assertTrue(p.hasAddressLiteral());

    FaceUris.Parsed q = FaceUris.parse("UDP6://[fe80::1]:56363/");
    assertEquals("udp6", q.scheme());
    assertEquals("fe80::1", q.host());
    assertEquals(56363, q.port());

    FaceUris.Parsed n = FaceUris.parse("udp://router.example.net:7000");
    assertEquals(0, n.ipVersion());
    assertFalse(n.hasAddressLiteral());

    FaceUris.Parsed u = FaceUris.parse("unix:///run/nfd/nfd.sock");
    assertEquals("/run/nfd/nfd.sock", u.path());
    assertEquals("unix", u.protocol());
  }

  @Test
  void badUrisAreRefusedWithAReason() {
    for (String bad : new String[] {"tcp4:/1.2.3.4", "ws://1.2.3.4", "tcp4://[::1]:6363", "tcp6://1.2.3.4",
        "tcp4://1.2.3.4:70000", "tcp4://1.2.3.4:x", "tcp4://:6363", "tcp6://::1:6363", "unix://relative",
        "tcp4://1.2.3.4/path", "tcp6://[::1"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaceUris.parse(bad), bad);
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
  }

  @Test
  void resolveChecksTheIpVersion() throws Exception {
    assertEquals(new InetSocketAddress("127.0.0.1", 6363), FaceUris.resolve(FaceUris.parse("tcp4://127.0.0.1")));
    assertEquals(new InetSocketAddress("127.0.0.1", 1), FaceUris.resolve(FaceUris.parse("udp4://localhost:1")));
  }

  private static String v6(String text) throws Exception {
    return FaceUris.ipv6Text((Inet6Address) InetAddress.getByName(text));
  }
}
