package dev.ndnj.engine.fw;

import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;

/** The two scope-control prefixes of NFD: {@code /localhost} and {@code /localhop}. */
public final class ScopePrefix {
  private ScopePrefix() {}

  /** The {@code /localhost} prefix. */
  public static final Name LOCALHOST = Name.parse("/localhost");
  /** The {@code /localhop} prefix. */
  public static final Name LOCALHOP = Name.parse("/localhop");

  /** Whether {@code name} is under {@code /localhost}. */
  public static boolean isLocalhost(Name name) {
    return name.size() > 0 && name.componentType(0) == TlvTypes.GENERIC_NAME_COMPONENT && name.prefixEquals(1, LOCALHOST);
  }

  /** Whether {@code name} is under {@code /localhop}. */
  public static boolean isLocalhop(Name name) {
    return name.size() > 0 && name.componentType(0) == TlvTypes.GENERIC_NAME_COMPONENT && name.prefixEquals(1, LOCALHOP);
  }
}
