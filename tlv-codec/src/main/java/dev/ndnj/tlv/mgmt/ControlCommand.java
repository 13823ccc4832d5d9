package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The name of an NFD control command: {@code <prefix>/<module>/<verb>/<ControlParameters>}, where the prefix is
 * {@code /localhost/nfd} (or {@code /localhop/nfd} for rib commands from a neighbour) and the last component is a
 * GenericNameComponent whose value is the whole ControlParameters element. The command Interest adds its signature
 * after that (ParametersSha256DigestComponent of a v0.3 signed Interest, or the four components of the older
 * signed-Interest format); {@link #parse} ignores whatever follows the parameters.
 *
 * <p>Immutable. Modules and verbs NFD serves: {@code faces} create/update/destroy, {@code fib}
 * add-nexthop/remove-nexthop, {@code rib} register/unregister, {@code strategy-choice} set/unset, {@code cs}
 * config/erase.
 */
public final class ControlCommand {
  /** {@code /localhost/nfd}: commands to the local forwarder. */
  public static final Name LOCALHOST_PREFIX = Name.parse("/localhost/nfd");
  /** {@code /localhop/nfd}: rib commands from a directly connected host (prefix propagation). */
  public static final Name LOCALHOP_PREFIX = Name.parse("/localhop/nfd");

  private final String module;
  private final String verb;
  private final ControlParameters parameters;

  private ControlCommand(String module, String verb, ControlParameters parameters) {
    this.module = module;
    this.verb = verb;
    this.parameters = parameters;
  }

  /**
   * The command {@code module}/{@code verb} with {@code parameters}.
   *
   * @throws IllegalArgumentException if module or verb is empty
   */
  public static ControlCommand of(String module, String verb, ControlParameters parameters) {
    if (module == null || module.isEmpty() || verb == null || verb.isEmpty()) {
      throw new IllegalArgumentException("module and verb must be non-empty, got " + module + "/" + verb);
    }
    return new ControlCommand(module, verb, Objects.requireNonNull(parameters, "parameters"));
  }

  /**
   * Reads the command named by {@code name} under {@code prefix}: the two components after the prefix are module
   * and verb, the third is decoded as ControlParameters (a view of the name's bytes). Offsets of a
   * {@link TlvException} count from the start of that component's value.
   *
   * @throws IllegalArgumentException if {@code prefix} is not a prefix of {@code name} (a dispatch error)
   * @throws TlvException if the name has no parameters component or it is not a valid ControlParameters
   */
  public static ControlCommand parse(Name name, Name prefix) {
    if (!prefix.isPrefixOf(name)) {
      throw new IllegalArgumentException(name + " is not under " + prefix);
    }
    int k = prefix.size();
    if (name.size() < k + 3) {
      throw new TlvException("ControlCommand: " + name + " has no ControlParameters component after the verb", -1);
    }
    return new ControlCommand(text(name.get(k)), text(name.get(k + 1)), parametersAt(name, k + 2));
  }

  /**
   * The ControlParameters in component {@code index} of {@code name} (a view of the name's bytes): for a handler
   * that already knows where the verb is.
   *
   * @throws TlvException if the component is not a valid ControlParameters
   */
  public static ControlParameters parametersAt(Name name, int index) {
    return ControlParameters.decode(name.get(index).value());
  }

  private static String text(Component c) {
    ByteBuffer v = c.value();
    byte[] b = new byte[v.remaining()];
    v.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** The module, e.g. {@code rib}. */
  public String module() {
    return module;
  }

  /** The verb, e.g. {@code register}. */
  public String verb() {
    return verb;
  }

  /** The parameters. */
  public ControlParameters parameters() {
    return parameters;
  }

  /** {@code <prefix>/<module>/<verb>/<ControlParameters>}: the name to sign and send. */
  public Name toName(Name prefix) {
    return prefix.append(Component.generic(module), Component.generic(verb),
        Component.generic(parameters.encode()));
  }

  /** {@link #toName(Name)} under {@link #LOCALHOST_PREFIX}. */
  public Name toName() {
    return toName(LOCALHOST_PREFIX);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ControlCommand)) {
      return false;
    }
    ControlCommand c = (ControlCommand) o;
    return module.equals(c.module) && verb.equals(c.verb) && parameters.equals(c.parameters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(module, verb, parameters);
  }

  @Override
  public String toString() {
    return module + "/" + verb + " " + parameters;
  }
}
