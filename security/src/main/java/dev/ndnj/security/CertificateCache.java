package dev.ndnj.security;

import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Name;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Certificates a {@link Validator} has verified, with their verifiers, so that later packets signed by the same key
 * are checked with one signature verification. An entry lives until the earlier of the certificate's NotAfter and
 * {@code ttl} after it was added; at most {@code capacity} entries are kept, least recently used dropped first.
 * Looked up by certificate name or by key name. Thread-safe (synchronized).
 */
public final class CertificateCache {
  /** A cached certificate and the verifier of its key. */
  record Entry(Certificate certificate, Verifier verifier, long expiresAt) {}

  private final int capacity;
  private final long ttlMillis;
  private final LongSupplier clock;
  private final LinkedHashMap<Name, Entry> byCert = new LinkedHashMap<>(16, 0.75f, true);
  /** Key name to the name of its most recently added certificate. */
  private final Map<Name, Name> byKey = new java.util.HashMap<>();

  /** A cache of {@code capacity} certificates kept at most {@code ttlMillis}, timed by {@code clock} (epoch ms). */
  public CertificateCache(int capacity, long ttlMillis, LongSupplier clock) {
    if (capacity < 1 || ttlMillis < 0) {
      throw new IllegalArgumentException("capacity must be >= 1 and ttl >= 0");
    }
    this.capacity = capacity;
    this.ttlMillis = ttlMillis;
    this.clock = clock;
  }

  /** 1000 certificates for at most one hour, system clock. */
  public CertificateCache() {
    this(1000, 3_600_000L, System::currentTimeMillis);
  }

  synchronized void put(Certificate cert, Verifier verifier) {
    long now = clock.getAsLong();
    long until = Math.min(now + ttlMillis, Certificate.toEpochMillis(cert.notAfter()) + 999);
    byCert.put(cert.name(), new Entry(cert, verifier, until));
    byKey.put(cert.keyName(), cert.name());
    while (byCert.size() > capacity) {
      Iterator<Name> it = byCert.keySet().iterator();
      Name eldest = it.next();
      it.remove();
      byKey.remove(Certificate.toKeyName(eldest), eldest);
    }
  }

  /** The live entry for a certificate name or key name, or null. */
  synchronized Entry find(Name keyLocatorName) {
    long now = clock.getAsLong();
    Entry e = byCert.get(keyLocatorName);
    if (e == null && Certificate.isKeyName(keyLocatorName)) {
      Name certName = byKey.get(keyLocatorName);
      e = certName == null ? null : byCert.get(certName);
    }
    if (e != null && e.expiresAt() < now) {
      byCert.remove(e.certificate().name());
      byKey.remove(e.certificate().keyName(), e.certificate().name());
      return null;
    }
    return e;
  }

  /** Number of entries (expired ones included until looked up). */
  public synchronized int size() {
    return byCert.size();
  }

  /** Forgets everything. */
  public synchronized void clear() {
    byCert.clear();
    byKey.clear();
  }
}
