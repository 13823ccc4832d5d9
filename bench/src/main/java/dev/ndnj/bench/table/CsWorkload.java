package dev.ndnj.bench.table;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.engine.table.LruContentStore;
import dev.ndnj.engine.table.caffeine.CaffeineContentStore;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.SignatureInfo;

/**
 * The catalogue the Content Store benchmarks draw from: item {@code i} is segment {@code i % 32} of object
 * {@code i / 32}, named {@code /ndn/<site>/<app>/v=<version>/seg=<segment>} (e.g.
 * {@code /ndn/colostate/video/v=1718000004052/seg=17}); objects cycle through 16 sites and 8 applications, and
 * the version tells objects apart. Content is 500 to 1499 octets (mean 1 KB, fixed per item), signed with a fixed
 * 32-octet DigestSha256 value so that building the catalogue costs no SHA-256. Deterministic: the same item always
 * gives the same bytes. Every object returned is new and owned by the caller.
 */
public final class CsWorkload {
  /** Segments per object. */
  public static final int SEGMENTS = 32;
  /** FreshnessPeriod of every Data: long enough that nothing goes stale during a run. */
  public static final long FRESHNESS = 3_600_000;
  private static final String[] SITES = {
    "ucla", "arizona", "memphis", "wustl", "neu", "uiuc", "colostate", "caida", "waseda", "lip6", "bupt",
    "anyang", "unibas", "surf", "byu", "uminho",
  };
  private static final String[] APPS = {"video", "file", "repo", "sync", "chat", "sensor", "web", "conference"};
  private static final long VERSION_BASE = 1_718_000_000_000L;
  private static final SignatureInfo DIGEST_SHA256 = SignatureInfo.builder(0).build();
  private static final byte[] FIXED_SIGNATURE = new byte[32];

  private CsWorkload() {}

  /** {@code /ndn/<site>/<app>/v=<version>} of an object. */
  public static Name objectName(int object) {
    return Name.parse("/ndn/" + SITES[object % SITES.length] + "/" + APPS[(object / SITES.length) % APPS.length])
        .append(Component.version(VERSION_BASE + object * 1013L));
  }

  /** The name of catalogue item {@code item}. */
  public static Name name(int item) {
    return objectName(item / SEGMENTS).append(Component.segment(item % SEGMENTS));
  }

  /** Content length of item {@code item}: 500 to 1499 octets. */
  public static int contentLength(int item) {
    int h = item * 0x9e3779b9;
    h ^= h >>> 15;
    return 500 + Math.floorMod(h, 1000);
  }

  /** The Data of catalogue item {@code item}. */
  public static Data data(int item) {
    return data(name(item), contentLength(item));
  }

  /** A Data named {@code name} with {@code contentLength} octets of content. */
  public static Data data(Name name, int contentLength) {
    byte[] content = new byte[contentLength];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31 + contentLength);
    }
    return Data.builder(name).freshnessPeriod(FRESHNESS).content(content).build(DIGEST_SHA256, FIXED_SIGNATURE);
  }

  /** An Interest for {@code name} as a consumer sends it (Nonce, lifetime; CanBePrefix and MustBeFresh as given). */
  public static Interest interest(Name name, boolean canBePrefix, boolean mustBeFresh) {
    return Interest.builder(name).canBePrefix(canBePrefix).mustBeFresh(mustBeFresh).nonce(name.hashCode())
        .lifetime(2000).build();
  }

  /** Mean wire length of items {@code 0..n-1}. */
  public static double meanWireLength(int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += data(i).wireLength();
    }
    return (double) sum / n;
  }

  /** A new store of implementation {@code impl} ({@code lru} or {@code caffeine}). */
  public static ContentStore newStore(String impl, Clock clock, long capacityBytes) {
    switch (impl) {
      case "lru":
        return new LruContentStore(clock, capacityBytes);
      case "caffeine":
        return new CaffeineContentStore(clock, capacityBytes);
      default:
        throw new IllegalArgumentException("unknown Content Store " + impl + " (lru or caffeine)");
    }
  }
}
