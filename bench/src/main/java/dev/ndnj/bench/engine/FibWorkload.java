package dev.ndnj.bench.engine;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Name;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Routes and lookup names for the FIB benchmarks, shaped like an NDN routing table.
 *
 * <p>Routes are 2 to 5 components (10% 2, 35% 3, 35% 4, 20% 5). Half of them extend an earlier, shorter route by
 * one component (so routes nest: {@code /ndn/edu/ucla}, {@code /ndn/edu/ucla/cs}, {@code /ndn/edu/ucla/cs/irl}) and
 * half start afresh under a root: {@code /ndn/<tld>} (70%; 16 top-level domains) or {@code /<org>} for the other
 * roots ({@code com}, {@code org}, {@code net}, {@code io}). Added components are lowercase tokens of 3 to 10
 * letters and digits ({@code ucla}, {@code k7cam}), so 1 million distinct routes look like 1 million sites and
 * their sub-prefixes.
 *
 * <p>Lookup names are 5 to 8 components. A hit takes a random route and appends components no route uses (an item
 * with a capital letter, a version, segments), so its longest prefix match is exactly that route: hits spread over
 * depths 2 to 5 as the routes do. A miss is {@code /ndn/<tld>/...} under a top-level domain no route covers, so the
 * match probes every route length before giving up (the slowest case). Deterministic for a seed.
 */
public final class FibWorkload {
  private static final String[] TLDS = {
    "edu", "org", "com", "net", "jp", "fr", "cn", "kr", "de", "nl", "pt", "uk", "br", "it", "es", "in",
  };
  private static final String[] UNROUTED_TLDS = {"zz", "xq", "yy", "qx"};
  private static final String[] ROOTS = {"com", "org", "net", "io"};
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

  private FibWorkload() {}

  /** {@code n} distinct routes made from {@code seed}, in creation order. */
  public static List<Name> routes(int n, long seed) {
    Random rnd = new Random(seed);
    List<String> uris = new ArrayList<>(n);
    List<Integer> depths = new ArrayList<>(n);
    Set<String> seen = new HashSet<>(n * 2);
    while (uris.size() < n) {
      int depth = pickDepth(rnd);
      String uri = null;
      if (rnd.nextBoolean() && !uris.isEmpty()) {
        // extend an earlier route that is exactly one component shorter, if the random pick is one
        int j = rnd.nextInt(uris.size());
        if (depths.get(j) == depth - 1) {
          uri = uris.get(j) + "/" + token(rnd);
        }
      }
      if (uri == null) {
        StringBuilder sb = new StringBuilder();
        if (rnd.nextInt(10) < 7) {
          sb.append("/ndn/").append(TLDS[rnd.nextInt(TLDS.length)]);
        } else {
          sb.append('/').append(ROOTS[rnd.nextInt(ROOTS.length)]).append('/').append(token(rnd));
        }
        for (int k = 2; k < depth; k++) {
          sb.append('/').append(token(rnd));
        }
        uri = sb.toString();
      }
      if (seen.add(uri)) {
        uris.add(uri);
        depths.add(depth);
      }
    }
    List<Name> out = new ArrayList<>(n);
    for (String u : uris) {
      out.add(Name.parse(u));
    }
    return out;
  }

  private static int pickDepth(Random rnd) {
    int r = rnd.nextInt(100);
    return r < 10 ? 2 : r < 45 ? 3 : r < 80 ? 4 : 5;
  }

  private static String token(Random rnd) {
    int len = 3 + rnd.nextInt(8);
    StringBuilder sb = new StringBuilder(len);
    sb.append((char) ('a' + rnd.nextInt(26)));
    for (int i = 1; i < len; i++) {
      sb.append(ALNUM.charAt(rnd.nextInt(ALNUM.length())));
    }
    return sb.toString();
  }

  /** A lookup name and the number of components of its longest-prefix-match route, or -1 for a miss. */
  public record Lookup(Name name, int expectedMatchLength) {}

  /**
   * {@code count} lookup names over {@code routes}: a fraction {@code missFraction} of misses, the rest hits on
   * uniformly chosen routes, in random order.
   */
  public static List<Lookup> lookups(List<Name> routes, int count, double missFraction, long seed) {
    Random rnd = new Random(seed);
    List<Lookup> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = 5 + rnd.nextInt(4);
      if (rnd.nextDouble() < missFraction) {
        Name n = Name.parse("/ndn/" + UNROUTED_TLDS[rnd.nextInt(UNROUTED_TLDS.length)] + "/" + token(rnd));
        out.add(new Lookup(extend(n, length, rnd), -1));
      } else {
        Name r = routes.get(rnd.nextInt(routes.size()));
        out.add(new Lookup(extend(r, Math.max(length, r.size() + 1), rnd), r.size()));
      }
    }
    return out;
  }

  /** {@code prefix} extended to {@code length} components that no route uses: an item, a version, segments. */
  private static Name extend(Name prefix, int length, Random rnd) {
    Name n = prefix;
    if (n.size() < length) {
      n = n.append(Component.generic("Item" + Integer.toHexString(rnd.nextInt())));
    }
    if (n.size() < length) {
      n = n.append(Component.version(1_718_000_000_000L + rnd.nextInt(1 << 30)));
    }
    while (n.size() < length) {
      n = n.append(Component.segment(rnd.nextInt(1000)));
    }
    return n;
  }
}
