package dev.ndnj.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Name;
import java.security.KeyPair;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CertificateCacheTest {
  private static Certificate cert(String id, long now, long validFor) {
    KeyPair kp = Keys.generate(KeyType.ED25519);
    Name key = Name.parse(id).append(Certificate.KEY, Component.generic("k"));
    return Certificates.selfSigned(key, kp.getPrivate(), kp.getPublic(), now - 1000, now + validFor, now);
  }

  @Test
  void foundByCertificateOrKeyNameUntilTtlOrNotAfterAndBoundedBySize() {
    long t0 = Certificate.toEpochMillis("20260101T000000");
    AtomicLong clock = new AtomicLong(t0);
    CertificateCache cache = new CertificateCache(2, 60_000, clock::get);
    Certificate a = cert("/a", t0, 10_000);
    Certificate b = cert("/b", t0, 3_600_000);
    cache.put(a, Certificates.verifierOf(a));
    cache.put(b, Certificates.verifierOf(b));
    assertNotNull(cache.find(a.name()));
    assertEquals(a.name(), cache.find(a.keyName()).certificate().name());
    clock.set(t0 + 11_000); // past a's NotAfter
    assertNull(cache.find(a.keyName()));
    assertNotNull(cache.find(b.keyName()));
    clock.set(t0 + 61_000); // past the ttl
    assertNull(cache.find(b.name()));
    Certificate c = cert("/c", t0, 3_600_000);
    Certificate d = cert("/d", t0, 3_600_000);
    Certificate e = cert("/e", t0, 3_600_000);
    cache.put(c, Certificates.verifierOf(c));
    cache.put(d, Certificates.verifierOf(d));
    cache.put(e, Certificates.verifierOf(e));
    assertEquals(2, cache.size());
    assertNull(cache.find(c.keyName()), "least recently used dropped");
    assertNotNull(cache.find(e.keyName()));
  }
}
