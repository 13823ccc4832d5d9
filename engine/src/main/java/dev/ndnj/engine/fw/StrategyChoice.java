package dev.ndnj.engine.fw;

import dev.ndnj.engine.table.NameTable;
import dev.ndnj.engine.table.PitEntry;
import dev.ndnj.tlv.Name;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which strategy forwards which namespace, by longest prefix match, with NFD's defaults: {@code /} best-route,
 * {@code /localhost} multicast, {@code /localhost/nfd} best-route, {@code /ndn/broadcast} multicast. Strategies are
 * chosen by versioned name ({@code /localhost/nfd/strategy/best-route/v=5}; without a version, the newest).
 * Forwarding thread only.
 */
public final class StrategyChoice {
  private final Forwarder forwarder;
  private final NameTable<Strategy> table = new NameTable<>();
  private final Map<String, Function<Forwarder, Strategy>> registry = new LinkedHashMap<>();
  private final Map<String, Integer> versions = new LinkedHashMap<>();
  /** Counts changes of the choices: a strategy cached on a PIT entry under an older count is looked up again. */
  private int generation;
  /** Whether every chosen strategy lets a Content Store hit be answered without a PIT entry. */
  private boolean csHitsWithoutEntry = true;

  StrategyChoice(Forwarder forwarder) {
    this.forwarder = forwarder;
    register(BestRouteStrategy.NAME, BestRouteStrategy.VERSION, BestRouteStrategy::new);
    register(MulticastStrategy.NAME, MulticastStrategy.VERSION, MulticastStrategy::new);
    set(Name.ROOT, BestRouteStrategy.NAME);
    set(Name.parse("/localhost"), MulticastStrategy.NAME);
    set(Name.parse("/localhost/nfd"), BestRouteStrategy.NAME);
    set(Name.parse("/ndn/broadcast"), MulticastStrategy.NAME);
  }

  /** Makes a strategy available under {@code name} (no version) at {@code version}. */
  public void register(String name, int version, Function<Forwarder, Strategy> factory) {
    registry.put(name, factory);
    versions.put(name, version);
  }

  /** The registered strategy names with their versions, e.g. {@code /localhost/nfd/strategy/multicast/v=4}. */
  public List<String> available() {
    List<String> out = new java.util.ArrayList<>();
    for (Map.Entry<String, Integer> e : versions.entrySet()) {
      out.add(e.getKey() + "/v=" + e.getValue());
    }
    return out;
  }

  /**
   * Chooses the strategy {@code strategyName} (optionally ending in {@code /v=N}) for {@code prefix}.
   *
   * @throws IllegalArgumentException if the strategy or that version is unknown
   */
  public Strategy set(Name prefix, String strategyName) {
    String base = strategyName;
    int at = strategyName.lastIndexOf("/v=");
    if (at > 0) {
      base = strategyName.substring(0, at);
      String v = strategyName.substring(at + 3);
      Integer have = versions.get(base);
      if (have == null || !v.equals(Integer.toString(have))) {
        throw new IllegalArgumentException("strategy " + strategyName + " is not available");
      }
    }
    Function<Forwarder, Strategy> f = registry.get(base);
    if (f == null) {
      throw new IllegalArgumentException("strategy " + strategyName + " is not available");
    }
    Strategy s = f.apply(forwarder);
    table.put(prefix, s);
    changed();
    return s;
  }

  private void changed() {
    generation++;
    boolean all = true;
    for (Strategy s : table.values()) {
      all &= s.answersContentStoreHitsWithoutEntry();
    }
    csHitsWithoutEntry = all;
  }

  /**
   * Whether a Content Store hit for an Interest without a PIT entry may be answered without making one, whatever
   * strategy is effective for its name ({@link Strategy#answersContentStoreHitsWithoutEntry()} of every choice).
   */
  public boolean contentStoreHitsWithoutEntry() {
    return csHitsWithoutEntry;
  }

  /** Removes the choice for {@code prefix}; the root's cannot be removed. */
  public boolean unset(Name prefix) {
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("the strategy choice of / cannot be unset");
    }
    if (table.remove(prefix) == null) {
      return false;
    }
    changed();
    return true;
  }

  /** The strategy effective for {@code name} (longest prefix match; never null). */
  public Strategy findEffectiveStrategy(Name name) {
    return table.longestPrefixMatch(name);
  }

  /**
   * The strategy effective for {@code entry}'s name, found once per entry and kept on it until the choices change:
   * the Interest, the Data and the finalization of one exchange make one longest-prefix match, not three.
   */
  public Strategy findEffectiveStrategy(PitEntry entry) {
    Object cached = entry.effectiveStrategy(generation);
    if (cached != null) {
      return (Strategy) cached;
    }
    Strategy s = table.longestPrefixMatch(entry.name());
    entry.setEffectiveStrategy(s, generation);
    return s;
  }

  /** The choices: prefix to instance name. */
  public Map<Name, String> entries() {
    Map<Name, String> out = new java.util.TreeMap<>();
    for (Name n : table.keys()) {
      out.put(n, table.get(n).instanceName());
    }
    return out;
  }
}
