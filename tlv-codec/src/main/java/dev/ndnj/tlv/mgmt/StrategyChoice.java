package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvRules;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * StrategyChoice (TLV-TYPE 0x80 in strategy-choice/list): a namespace (Name) and the strategy chosen for it
 * (Strategy, holding the strategy's Name, e.g. {@code /localhost/nfd/strategy/best-route/v=5}). Both required,
 * in that order. Both names of a decoded value are views of the decoded bytes.
 */
public final class StrategyChoice extends MgmtElement {
  private static final String CTX = "StrategyChoice";
  private static final TlvRules RULES = TlvRules.of(CTX, TlvTypes.NAME, MgmtTypes.STRATEGY);
  private static final TlvRules STRATEGY_RULES = TlvRules.of("Strategy", TlvTypes.NAME);

  private final Name name;
  private final Name strategy;

  private StrategyChoice(Name name, Name strategy, ByteBuffer buf, int start, int end) {
    super(buf, start, end);
    this.name = name;
    this.strategy = strategy;
  }

  /** The choice of {@code strategy} for the namespace {@code name}. */
  public static StrategyChoice of(Name name, Name strategy) {
    return new StrategyChoice(Objects.requireNonNull(name, "name"), Objects.requireNonNull(strategy, "strategy"),
        null, 0, 0);
  }

  /**
   * Decodes the buffer's remaining octets, which must be exactly one StrategyChoice element.
   *
   * @throws TlvException if they are not
   */
  public static StrategyChoice decode(ByteBuffer wire) {
    int off = wire.position();
    StrategyChoice s = decode(wire, off, wire.limit(), off);
    Children.checkWhole(wire, s.end, CTX);
    return s;
  }

  /** Decodes the element at absolute offset {@code off} of {@code buf} (ending by {@code end}). */
  public static StrategyChoice decode(ByteBuffer buf, int off, int end, int base) {
    Children c = Children.open(buf, off, end, base, MgmtTypes.STRATEGY_CHOICE, RULES, false);
    Name name = null;
    Name strategy = null;
    while (c.next()) {
      if (c.slot == 1) {
        name = c.name();
      } else {
        strategy = c.nestedName(STRATEGY_RULES, "Strategy");
      }
    }
    c.require(1, "Name");
    c.require(2, "Strategy");
    return new StrategyChoice(name, strategy, buf, off, c.end());
  }

  /** The namespace. */
  public Name name() {
    return name;
  }

  /** The strategy's name. */
  public Name strategy() {
    return strategy;
  }

  @Override
  public void prependTo(TlvEncoder enc) {
    int mark = enc.size();
    strategy.prependTo(enc);
    enc.prependHeader(MgmtTypes.STRATEGY, enc.size() - mark);
    name.prependTo(enc);
    enc.prependHeader(MgmtTypes.STRATEGY_CHOICE, enc.size() - mark);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StrategyChoice && name.equals(((StrategyChoice) o).name)
        && strategy.equals(((StrategyChoice) o).strategy);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + strategy.hashCode();
  }

  @Override
  public String toString() {
    return "StrategyChoice(Name: " + name + ", Strategy: " + strategy + ")";
  }

  /** A builder (both names required before {@link Builder#build()}). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StrategyChoice}. */
  public static final class Builder {
    private Name name;
    private Name strategy;

    private Builder() {}

    /** Sets the namespace. */
    public Builder name(Name n) {
      name = n;
      return this;
    }

    /** Sets the strategy's name. */
    public Builder strategy(Name n) {
      strategy = n;
      return this;
    }

    /**
     * The StrategyChoice.
     *
     * @throws IllegalStateException if a name is missing
     */
    public StrategyChoice build() {
      if (name == null || strategy == null) {
        throw new IllegalStateException("StrategyChoice needs both a name and a strategy");
      }
      return of(name, strategy);
    }
  }
}
