package dev.ndnj.tlv;

/**
 * The evolvability rules of one container element, as a table: which child TLV-TYPEs it knows, in which order,
 * which may repeat. Every decoder in ndnj asks its table about each child, so the rules live in one place:
 *
 * <ul>
 *   <li>a known child in order is accepted (its 1-based slot in the table is returned);</li>
 *   <li>a known child out of order, or repeated when it may not repeat, is an error if its type is critical and
 *       is ignored otherwise (as ndn-cxx does for HopLimit and ApplicationParameters);</li>
 *   <li>an unknown child is an error if critical ({@link TlvTypes#isCritical}; for NDNLPv2 headers, if not
 *       {@link TlvTypes#isLpIgnorable}) and is skipped otherwise;</li>
 *   <li>with NDNLPv2 rules, a known header field out of order or repeated is always an error: ignorability is for
 *       unknown fields only (ndn-cxx {@code lp::Packet::wireDecode}).</li>
 * </ul>
 */
public final class TlvRules {
  /** Returned by {@link #classify} for a child to skip. */
  public static final int SKIP = 0;

  private final String element;
  private final int[] types;
  private final boolean[] repeatable;
  private final boolean lpRules;

  private TlvRules(String element, int[] types, boolean[] repeatable, boolean lpRules) {
    this.element = element;
    this.types = types;
    this.repeatable = repeatable;
    this.lpRules = lpRules;
  }

  /** Rules for {@code element} whose children, in spec order, are {@code types}; none repeatable. */
  public static TlvRules of(String element, int... types) {
    return new TlvRules(element, types, new boolean[types.length], false);
  }

  /** The same rules with the child of {@code type} allowed to repeat. */
  public TlvRules repeatable(int type) {
    boolean[] r = repeatable.clone();
    r[slotOf(type) - 1] = true;
    return new TlvRules(element, types, r, lpRules);
  }

  /** The same rules with NDNLPv2's rule for unknown header fields. */
  public TlvRules lpHeaderRules() {
    return new TlvRules(element, types, repeatable, true);
  }

  /** Element name used in error messages. */
  public String element() {
    return element;
  }

  private int slotOf(int type) {
    for (int i = 0; i < types.length; i++) {
      if (types[i] == type) {
        return i + 1;
      }
    }
    return 0;
  }

  private boolean critical(int type) {
    return lpRules ? !TlvTypes.isLpIgnorable(type & 0xffffffffL) : TlvTypes.isCritical(type & 0xffffffffL);
  }

  /**
   * Decides what to do with a child of {@code type} met after the child in slot {@code last} (0 before any).
   *
   * @return the child's slot (1-based position in the table) to process it, or {@link #SKIP}
   * @throws TlvException if the child breaks a rule and is critical
   */
  public int classify(int type, int last, int off, int base) {
    int slot = slotOf(type);
    if (slot == 0) {
      if (critical(type)) {
        throw new TlvException(element + ": unrecognized critical element " + TlvTypes.name(type & 0xffffffffL),
            off - base);
      }
      return SKIP;
    }
    if (slot < last || slot == last && !repeatable[slot - 1]) {
      if (lpRules || critical(type)) {
        throw new TlvException(element + ": " + TlvTypes.name(type) + (slot == last ? " repeated" : " out of order"),
            off - base);
      }
      return SKIP;
    }
    return slot;
  }
}
