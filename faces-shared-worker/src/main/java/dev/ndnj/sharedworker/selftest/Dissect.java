package dev.ndnj.sharedworker.selftest;

import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;

/**
 * A structure dump of every self-test packet built only from the {@link Tlv} primitives, e.g.
 * {@code Interest(43)[Name(27)[GenericNameComponent(3)=6e646e ...] CanBePrefix(0) ...]}. It checks the primitives
 * on real packets independently of the packet classes.
 */
final class Dissect {
  private Dissect() {}

  private static final int MAX_LEAF = 32;

  static void run(Report r) {
    r.section("dissect");
    for (String[] p : SelfTestPackets.VALID) {
      r.attempt(p[0], () -> r.line(p[0], dissect(Report.unhex(p[1]))));
    }
    for (String[] p : SelfTestPackets.MALFORMED) {
      r.attempt(p[0], () -> r.line(p[0], dissect(Report.unhex(p[1]))));
    }
  }

  static String dissect(byte[] wire) {
    StringBuilder sb = new StringBuilder();
    ByteBuffer b = ByteBuffer.wrap(wire);
    walk(sb, b, 0, wire.length, 0);
    return sb.toString();
  }

  private static void walk(StringBuilder sb, ByteBuffer b, int from, int to, int parent) {
    int p = from;
    while (p < to) {
      if (p > from) {
        sb.append(' ');
      }
      int type = Tlv.readType(b, p, to, 0, "Dissect");
      int q = p + Tlv.varNumberSize(b.get(p));
      int len = Tlv.readLength(b, q, to, 0, "Dissect");
      int v = q + Tlv.varNumberSize(b.get(q));
      sb.append(name(type, parent)).append('(').append(len).append(')');
      if (isContainer(type, parent)) {
        sb.append('[');
        walk(sb, b, v, v + len, type);
        sb.append(']');
      } else if (mayNest(type)) {
        StringBuilder inner = new StringBuilder();
        try {
          walk(inner, b, v, v + len, type);
          sb.append('[').append(inner).append(']');
        } catch (TlvException e) {
          sb.append("=opaque:");
          leaf(sb, b, v, len);
        }
      } else if (len > 0) {
        sb.append('=');
        leaf(sb, b, v, len);
      }
      p = v + len;
    }
  }

  private static void leaf(StringBuilder sb, ByteBuffer b, int v, int len) {
    int shown = Math.min(len, MAX_LEAF);
    sb.append(Report.hex(Tlv.copy(b, v, shown)));
    if (shown < len) {
      sb.append("..+").append(len - shown);
    }
  }

  private static String name(int type, int parent) {
    if (parent == TlvTypes.LINK_DELEGATION && type == TlvTypes.LINK_PREFERENCE) {
      return "Preference";
    }
    return TlvTypes.name(type & 0xffffffffL);
  }

  private static boolean mayNest(int type) {
    return type == TlvTypes.LP_FRAGMENT || type == TlvTypes.APPLICATION_PARAMETERS;
  }

  private static boolean isContainer(int type, int parent) {
    switch (parent) {
      case 0:
        return type == TlvTypes.INTEREST || type == TlvTypes.DATA || type == TlvTypes.LP_PACKET
            || type == TlvTypes.NAME;
      case TlvTypes.INTEREST:
        return type == TlvTypes.NAME || type == TlvTypes.FORWARDING_HINT || type == TlvTypes.INTEREST_SIGNATURE_INFO;
      case TlvTypes.DATA:
        return type == TlvTypes.NAME || type == TlvTypes.META_INFO || type == TlvTypes.SIGNATURE_INFO;
      case TlvTypes.META_INFO:
        return type == TlvTypes.FINAL_BLOCK_ID;
      case TlvTypes.SIGNATURE_INFO:
      case TlvTypes.INTEREST_SIGNATURE_INFO:
        return type == TlvTypes.KEY_LOCATOR || type == TlvTypes.VALIDITY_PERIOD;
      case TlvTypes.KEY_LOCATOR:
        return type == TlvTypes.NAME;
      case TlvTypes.FORWARDING_HINT:
        return type == TlvTypes.NAME || type == TlvTypes.LINK_DELEGATION;
      case TlvTypes.LINK_DELEGATION:
        return type == TlvTypes.NAME;
      case TlvTypes.LP_PACKET:
        return type == TlvTypes.LP_NACK || type == TlvTypes.LP_CACHE_POLICY;
      case TlvTypes.LP_FRAGMENT:
      case TlvTypes.APPLICATION_PARAMETERS:
        return type == TlvTypes.INTEREST || type == TlvTypes.DATA || type == TlvTypes.NAME
            || type == TlvTypes.CONTROL_PARAMETERS;
      case TlvTypes.CONTROL_PARAMETERS:
        return type == TlvTypes.NAME;
      default:
        return false;
    }
  }
}
