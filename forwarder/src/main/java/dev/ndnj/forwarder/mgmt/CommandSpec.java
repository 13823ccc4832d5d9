package dev.ndnj.forwarder.mgmt;

import dev.ndnj.tlv.mgmt.ControlParameters;
import java.util.EnumSet;

/**
 * Which ControlParameters fields a command requires and which it allows (ndn-cxx {@code ControlCommand}'s request
 * validator): a required field missing, or a field that is neither required nor optional present, makes the command
 * invalid (400). Defaults and checks across fields are the handlers'. Immutable.
 */
final class CommandSpec {
  /** The fields of ControlParameters, named as ndn-cxx names them in its messages. */
  enum Field {
    NAME("Name"),
    FACE_ID("FaceId"),
    URI("Uri"),
    LOCAL_URI("LocalUri"),
    ORIGIN("Origin"),
    COST("Cost"),
    CAPACITY("Capacity"),
    COUNT("Count"),
    FLAGS("Flags"),
    MASK("Mask"),
    STRATEGY("Strategy"),
    EXPIRATION_PERIOD("ExpirationPeriod"),
    FACE_PERSISTENCY("FacePersistency"),
    BASE_CONGESTION_MARKING_INTERVAL("BaseCongestionMarkingInterval"),
    DEFAULT_CONGESTION_THRESHOLD("DefaultCongestionThreshold"),
    MTU("Mtu");

    final String label;

    Field(String label) {
      this.label = label;
    }

    boolean isPresent(ControlParameters p) {
      switch (this) {
        case NAME: return p.hasName();
        case FACE_ID: return p.hasFaceId();
        case URI: return p.hasUri();
        case LOCAL_URI: return p.hasLocalUri();
        case ORIGIN: return p.hasOrigin();
        case COST: return p.hasCost();
        case CAPACITY: return p.hasCapacity();
        case COUNT: return p.hasCount();
        case FLAGS: return p.hasFlags();
        case MASK: return p.hasMask();
        case STRATEGY: return p.hasStrategy();
        case EXPIRATION_PERIOD: return p.hasExpirationPeriod();
        case FACE_PERSISTENCY: return p.hasFacePersistency();
        case BASE_CONGESTION_MARKING_INTERVAL: return p.hasBaseCongestionMarkingInterval();
        case DEFAULT_CONGESTION_THRESHOLD: return p.hasDefaultCongestionThreshold();
        case MTU: return p.hasMtu();
        default: throw new IllegalStateException(name());
      }
    }
  }

  private final EnumSet<Field> required;
  private final EnumSet<Field> optional;

  private CommandSpec(EnumSet<Field> required, EnumSet<Field> optional) {
    this.required = required;
    this.optional = optional;
  }

  /** A spec with these required fields and no optional ones yet. */
  static CommandSpec required(Field... fields) {
    EnumSet<Field> r = EnumSet.noneOf(Field.class);
    for (Field f : fields) {
      r.add(f);
    }
    return new CommandSpec(r, EnumSet.noneOf(Field.class));
  }

  /** This spec with {@code fields} also allowed. */
  CommandSpec optional(Field... fields) {
    EnumSet<Field> o = EnumSet.copyOf(optional);
    for (Field f : fields) {
      o.add(f);
    }
    return new CommandSpec(required, o);
  }

  /** Null if {@code p} has every required field and only allowed ones, else the first problem. */
  String validate(ControlParameters p) {
    for (Field f : Field.values()) {
      boolean present = f.isPresent(p);
      if (required.contains(f)) {
        if (!present) {
          return f.label + " is required but missing";
        }
      } else if (present && !optional.contains(f)) {
        return f.label + " is forbidden but present";
      }
    }
    return null;
  }
}
