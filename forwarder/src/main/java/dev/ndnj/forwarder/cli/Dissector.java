package dev.ndnj.forwarder.cli;

import static dev.ndnj.tlv.TlvTypes.*;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvTypes;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Prints the TLV tree of NDN packets like ndn-tools' ndn-dissect: one line per element, two spaces per level,
 * {@code TYPE-NAME (type) length N[: value]}. It knows which elements are containers and how to show each value
 * (NDN URI component, decimal NonNegativeInteger, text or hex), by context: inside a Name every element is a
 * component; NFD management numbers only count inside ControlParameters and ControlResponse.
 *
 * <p>Parsing uses {@link Tlv#readType} and {@link Tlv#readLength}, so its rules match the codec's. The buffer is
 * borrowed for {@link #dissect()}; offsets in errors are from its index 0. One instance per input, not thread-safe.
 */
final class Dissector {
  /** Opaque values longer than this many octets are cut to it, followed by {@code ... (N bytes)}. */
  static final int MAX_HEX_BYTES = 32;

  private enum Kind { CONTAINER, NAME, COMPONENT, FRAGMENT, NNI, TEXT, HEX }

  private enum Context { PACKET, NAME, LINK_DELEGATION, MANAGEMENT }

  private record Field(String name, Kind kind, Context inner) {
    Field(String name, Kind kind) {
      this(name, kind, Context.PACKET);
    }
  }

  private final ByteBuffer buf;
  private final PrintWriter out;
  /** Whether the current LpPacket's Fragment is one piece of a larger packet (FragCount > 1). */
  private boolean partialFragment;

  Dissector(ByteBuffer buf, PrintWriter out) {
    this.buf = buf;
    this.out = out;
  }

  /**
   * Prints every TLV element between index 0 and the buffer's limit.
   *
   * @throws TlvException at the first malformed element, after the lines of everything before it
   */
  void dissect() {
    elements(0, buf.limit(), 0, Context.PACKET, "input");
  }

  private void elements(int off, int end, int depth, Context ctx, String parent) {
    while (off < end) {
      int type = Tlv.readType(buf, off, end, 0, parent);
      int lengthOff = off + Tlv.varNumberSize(buf.get(off));
      Field f = field(ctx, type);
      String known = TlvTypes.name(type & 0xffffffffL); // "TLV-TYPE n" for unknown types, clearer in errors
      int len = Tlv.readLength(buf, lengthOff, end, 0, f.name().equals("Unknown") ? known : f.name());
      int value = lengthOff + Tlv.varNumberSize(buf.get(lengthOff));
      element(f, type, value, len, depth);
      off = value + len;
    }
  }

  private void element(Field f, int type, int off, int len, int depth) {
    if (type == LP_PACKET) {
      partialFragment = false;
    }
    String value = switch (f.kind()) {
      case CONTAINER -> "";
      case NAME -> nameUri(off, len);
      case COMPONENT -> component(type, off, len);
      case FRAGMENT -> partialFragment ? hex(off, len) : "";
      case NNI -> nni(type, off, len, f.name());
      case TEXT -> text(off, len);
      case HEX -> hex(off, len);
    };
    out.println("  ".repeat(depth) + f.name() + " (" + Integer.toUnsignedString(type) + ") length " + len
        + (value.isEmpty() ? "" : ": " + value));
    boolean recurse = f.kind() == Kind.CONTAINER || f.kind() == Kind.NAME
        || f.kind() == Kind.FRAGMENT && !partialFragment;
    if (recurse) {
      elements(off, off + len, depth + 1, f.inner(), f.name());
    }
  }

  private static Field field(Context ctx, int type) {
    if (ctx == Context.NAME) {
      String n = TlvTypes.name(type & 0xffffffffL);
      return new Field(n.endsWith("Component") ? n : "NameComponent", Kind.COMPONENT);
    }
    if (ctx == Context.LINK_DELEGATION && type == LINK_PREFERENCE) {
      return new Field("Preference", Kind.NNI);
    }
    if (ctx == Context.MANAGEMENT) {
      Field m = managementField(type);
      if (m != null) {
        return m;
      }
    }
    String name = TlvTypes.name(type & 0xffffffffL);
    switch (type) {
      case INTEREST: case DATA: case LP_PACKET: case META_INFO: case SIGNATURE_INFO: case INTEREST_SIGNATURE_INFO:
      case KEY_LOCATOR: case VALIDITY_PERIOD: case FORWARDING_HINT: case ADDITIONAL_DESCRIPTION:
      case DESCRIPTION_ENTRY: case LP_NACK: case LP_CACHE_POLICY: case LP_PREFIX_ANNOUNCEMENT:
        return new Field(name, Kind.CONTAINER);
      case NAME:
        return new Field(name, Kind.NAME, Context.NAME);
      case FINAL_BLOCK_ID:
        return new Field(name, Kind.CONTAINER, Context.NAME);
      case LINK_DELEGATION:
        return new Field(name, Kind.CONTAINER, Context.LINK_DELEGATION);
      case CONTROL_PARAMETERS: case CONTROL_RESPONSE:
        return new Field(name, Kind.CONTAINER, Context.MANAGEMENT);
      case LP_FRAGMENT:
        return new Field(name, Kind.FRAGMENT);
      case INTEREST_LIFETIME: case FRESHNESS_PERIOD: case CONTENT_TYPE: case SIGNATURE_TYPE: case HOP_LIMIT:
      case SIGNATURE_TIME: case SIGNATURE_SEQ_NUM: case LP_NACK_REASON: case LP_SEQUENCE: case LP_FRAG_INDEX:
      case LP_FRAG_COUNT: case LP_INCOMING_FACE_ID: case LP_NEXT_HOP_FACE_ID: case LP_CONGESTION_MARK:
      case LP_TX_SEQUENCE: case LP_ACK: case LP_CACHE_POLICY_TYPE:
        return new Field(name, Kind.NNI);
      case NOT_BEFORE: case NOT_AFTER: case DESCRIPTION_KEY: case DESCRIPTION_VALUE:
        return new Field(name, Kind.TEXT);
      default:
        return new Field(name.startsWith("TLV-TYPE") ? "Unknown" : name, Kind.HEX);
    }
  }

  /** NFD management fields (ControlParameters, ControlResponse), known only in that context. */
  private static Field managementField(int type) {
    return switch (type) {
      case STATUS_CODE -> new Field("StatusCode", Kind.NNI);
      case STATUS_TEXT -> new Field("StatusText", Kind.TEXT);
      case 0x69 -> new Field("FaceId", Kind.NNI);
      case 0x6a -> new Field("Cost", Kind.NNI);
      case 0x6b -> new Field("Strategy", Kind.CONTAINER);
      case 0x6c -> new Field("Flags", Kind.NNI);
      case 0x6d -> new Field("ExpirationPeriod", Kind.NNI);
      case 0x6f -> new Field("Origin", Kind.NNI);
      case 0x70 -> new Field("Mask", Kind.NNI);
      case 0x72 -> new Field("Uri", Kind.TEXT);
      case 0x81 -> new Field("LocalUri", Kind.TEXT);
      case 0x83 -> new Field("Capacity", Kind.NNI);
      case 0x84 -> new Field("Count", Kind.NNI);
      case 0x85 -> new Field("FacePersistency", Kind.NNI);
      case 0x87 -> new Field("BaseCongestionMarkingInterval", Kind.NNI);
      case 0x88 -> new Field("DefaultCongestionThreshold", Kind.NNI);
      case 0x89 -> new Field("Mtu", Kind.NNI);
      default -> null;
    };
  }

  private String nni(int type, int off, int len, String name) {
    long v = Tlv.readNonNegativeInteger(buf, off, len, 0, name);
    if (type == LP_FRAG_COUNT && v > 1) {
      partialFragment = true;
    }
    String s = Long.toUnsignedString(v);
    String meaning = switch (type) {
      case CONTENT_TYPE -> v == 0 ? "Blob" : v == 1 ? "Link" : v == 2 ? "Key" : v == 3 ? "Nack"
          : v == 5 ? "PrefixAnn" : null;
      case SIGNATURE_TYPE -> v == 0 ? "DigestSha256" : v == 1 ? "SignatureSha256WithRsa"
          : v == 3 ? "SignatureSha256WithEcdsa" : v == 4 ? "SignatureHmacWithSha256"
          : v == 5 ? "SignatureEd25519" : null;
      case LP_NACK_REASON -> v == 0 ? "None" : v == 50 ? "Congestion" : v == 100 ? "Duplicate"
          : v == 150 ? "NoRoute" : null;
      default -> null;
    };
    return meaning == null ? s : s + " (" + meaning + ")";
  }

  /** The NDN URI of the Name whose value is at {@code off}, or "" if malformed (the child lines say where). */
  private String nameUri(int off, int len) {
    StringBuilder sb = new StringBuilder();
    try {
      int end = off + len;
      while (off < end) {
        int type = Tlv.readType(buf, off, end, 0, "Name");
        int lengthOff = off + Tlv.varNumberSize(buf.get(off));
        int clen = Tlv.readLength(buf, lengthOff, end, 0, "Name");
        int value = lengthOff + Tlv.varNumberSize(buf.get(lengthOff));
        sb.append('/').append(component(type, value, clen));
        off = value + clen;
      }
    } catch (TlvException e) {
      return "";
    }
    return sb.length() == 0 ? "/" : sb.toString();
  }

  /** One name component in NDN URI form, printed by the codec's {@link Component#toString()}. */
  private String component(int type, int off, int len) {
    if (type < 1 || type > 0xffff) {
      return Long.toString(type & 0xffffffffL) + "=" + hex(off, len);
    }
    return Component.of(type, Tlv.copy(buf, off, len)).toString();
  }

  /** Printable ASCII as it is, in quotes; anything else as hex. */
  private String text(int off, int len) {
    byte[] b = Tlv.copy(buf, off, len);
    for (byte c : b) {
      if (c < 0x20 || c >= 0x7f) {
        return hex(off, len);
      }
    }
    return "\"" + new String(b, StandardCharsets.US_ASCII) + "\"";
  }

  private String hex(int off, int len) {
    if (len <= MAX_HEX_BYTES) {
      return dev.ndnj.tlv.Hex.encode(Tlv.copy(buf, off, len));
    }
    return dev.ndnj.tlv.Hex.encode(Tlv.copy(buf, off, MAX_HEX_BYTES)) + "... (" + len + " bytes)";
  }
}
