package dev.ndnj.bench.engine;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.SignatureInfo;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The packets of the exchange benchmarks, as a live stream looks: {@code /ndn/<tld>/<site>/<app>/<item>/v=<V>/seg=<S>}
 * (e.g. {@code /ndn/edu/ucla/video/cam3/v=1718000004052/seg=2}), 7 components, 45 to 70 octets of name. There are
 * {@link #TEMPLATES} base names {@code /ndn/<tld>/<site>/<app>/<item>/…/seg=<S>} under {@link #producerPrefixes()}
 * ({@code /ndn/<tld>/<site>/<app>}, the routes to the producer); the version makes each name unique.
 *
 * <p>Packets are made the way a face makes them from a received frame: the template's octets are copied into a
 * new array, the 8-octet version value is patched, and the copy is decoded (a view over it). So every packet is a
 * fresh object over fresh bytes, with nothing cached (the name's prefix hashes are computed by whoever needs them
 * first, as in the forwarder). Interests carry a Nonce and a 2 s InterestLifetime, no CanBePrefix, MustBeFresh or
 * HopLimit (as ndn-cxx and NDNts send them by default); Data carry a 10 s FreshnessPeriod, 500 to 1499 octets of
 * content (1 KB on average) and a fixed 32-octet DigestSha256 value (never checked by a forwarder).
 *
 * <p>Deterministic for a seed; not thread-safe.
 */
public final class ExchangeWorkload {
  /** Number of base names; a power of two. */
  public static final int TEMPLATES = 1024;
  /** Versions of {@link #interest(long)}/{@link #data(long)} are this plus the sequence number (8-octet values). */
  public static final long VERSION_BASE = 1_718_000_000_000L;
  /** InterestLifetime, in milliseconds. */
  public static final long LIFETIME = 2000;
  /** FreshnessPeriod, in milliseconds. */
  public static final long FRESHNESS = 10_000;

  private static final String[][] SITES = {
    {"edu", "ucla"}, {"edu", "arizona"}, {"edu", "memphis"}, {"edu", "wustl"}, {"edu", "neu"}, {"edu", "uiuc"},
    {"edu", "colostate"}, {"org", "caida"}, {"jp", "waseda"}, {"fr", "lip6"}, {"cn", "bupt"}, {"kr", "anyang"},
    {"de", "unibas"}, {"nl", "surf"}, {"edu", "byu"}, {"pt", "uminho"},
  };
  private static final String[] APPS = {"video", "chat", "sync", "repo", "file", "sensor", "conference", "web"};
  private static final String[] ITEMS = {
    "cam", "alice", "bob", "lecture", "frame", "report", "thermostat", "gateway", "slides", "photo", "lab",
  };
  private static final SignatureInfo DIGEST_SHA256 = SignatureInfo.builder(0).build();
  private static final byte[] FIXED_SIGNATURE = new byte[32];

  private final byte[][] interestWires = new byte[TEMPLATES][];
  private final int[] interestVersionAt = new int[TEMPLATES];
  private final byte[][] dataWires = new byte[TEMPLATES][];
  private final int[] dataVersionAt = new int[TEMPLATES];
  private final List<Name> producerPrefixes;

  /** The workload made from {@code seed}. */
  public ExchangeWorkload(long seed) {
    Random rnd = new Random(seed);
    Set<String> seen = new LinkedHashSet<>();
    Set<String> prefixes = new LinkedHashSet<>();
    for (int t = 0; t < TEMPLATES; t++) {
      String prefix;
      String base;
      do {
        String[] site = SITES[rnd.nextInt(SITES.length)];
        prefix = "/ndn/" + site[0] + "/" + site[1] + "/" + APPS[rnd.nextInt(APPS.length)];
        base = prefix + "/" + ITEMS[rnd.nextInt(ITEMS.length)] + rnd.nextInt(100);
      } while (!seen.add(base));
      prefixes.add(prefix);
      Name name = Name.parse(base).append(Component.version(VERSION_BASE)).append(Component.segment(rnd.nextInt(8)));
      Interest interest = Interest.builder(name).nonce(rnd.nextInt()).lifetime(LIFETIME).build();
      interestWires[t] = bytes(interest.wire());
      interestVersionAt[t] = indexOfVersion(interestWires[t]);
      byte[] content = new byte[500 + rnd.nextInt(1000)];
      rnd.nextBytes(content);
      Data data = Data.builder(name).freshnessPeriod(FRESHNESS).content(content)
          .build(DIGEST_SHA256, FIXED_SIGNATURE);
      dataWires[t] = bytes(data.wire());
      dataVersionAt[t] = indexOfVersion(dataWires[t]);
    }
    List<Name> p = new ArrayList<>();
    for (String s : prefixes) {
      p.add(Name.parse(s));
    }
    producerPrefixes = List.copyOf(p);
  }

  /** The prefixes the producer serves, {@code /ndn/<tld>/<site>/<app>} (a new list of shared names). */
  public List<Name> producerPrefixes() {
    return producerPrefixes;
  }

  /** The Interest number {@code seq}: a new packet over new bytes, named uniquely for each {@code seq}. */
  public Interest interest(long seq) {
    int t = (int) seq & (TEMPLATES - 1);
    return Interest.decode(ByteBuffer.wrap(patch(interestWires[t], interestVersionAt[t], VERSION_BASE + seq)));
  }

  /** The Data answering {@link #interest(long) interest(seq)}: a new packet over new bytes. */
  public Data data(long seq) {
    int t = (int) seq & (TEMPLATES - 1);
    return Data.decodeHead(ByteBuffer.wrap(patch(dataWires[t], dataVersionAt[t], VERSION_BASE + seq)));
  }

  /** The wire octets of {@link #interest(long) interest(seq)}, in a new array. */
  public byte[] interestWire(long seq) {
    int t = (int) seq & (TEMPLATES - 1);
    return patch(interestWires[t], interestVersionAt[t], VERSION_BASE + seq);
  }

  /** The wire octets of {@link #data(long) data(seq)}, in a new array. */
  public byte[] dataWire(long seq) {
    int t = (int) seq & (TEMPLATES - 1);
    return patch(dataWires[t], dataVersionAt[t], VERSION_BASE + seq);
  }

  private static byte[] patch(byte[] template, int at, long version) {
    byte[] b = template.clone();
    for (int i = 7; i >= 0; i--) {
      b[at + i] = (byte) version;
      version >>>= 8;
    }
    return b;
  }

  /** Where the 8 value octets of the version component {@code v=VERSION_BASE} start in {@code wire}. */
  private static int indexOfVersion(byte[] wire) {
    byte[] v = new byte[8];
    long x = VERSION_BASE;
    for (int i = 7; i >= 0; i--) {
      v[i] = (byte) x;
      x >>>= 8;
    }
    outer:
    for (int i = 0; i + 8 <= wire.length; i++) {
      for (int j = 0; j < 8; j++) {
        if (wire[i + j] != v[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("version not found in template");
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
