package dev.ndnj.engine.fw;

import dev.ndnj.tlv.Name;

/** The two scope-control prefixes of NFD: {@code /localhost} and {@code /localhop}. */
public final class ScopePrefix {
  private ScopePrefix() {}

  /** The {@code /localhost} prefix. */
  public static final Name LOCALHOST = Name.parse("/localhost");
  /** The {@code /localhop} prefix. */
  public static final Name LOCALHOP = Name.parse("/localhop");

  /** Whether {@code name} is under {@code /localhost}. */
  public static boolean isLocalhost(Name name) {
    // prefixEquals compares the whole first component TLV (its TLV-TYPE included) and is false for an empty name
    return name.prefixEquals(1, LOCALHOST);
  }

  /** Whether {@code name} is under {@code /localhop}. */
  public static boolean isLocalhop(Name name) {
    return name.prefixEquals(1, LOCALHOP);
  }
}
