package dev.ndnj.interop;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.KeyLocator;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvException;

/**
 * The corpus "fields" of a packet as ndnj decodes it, and the comparison of two field maps. The Java twin of
 * {@code interop/ndnts/corpus-lib.mjs} and {@code check-corpus.mjs}: same schema, same defaults, same content rule.
 */
final class NdnjFields {
  /** Content longer than this is described by contentLength and contentSha256 instead of its hex. */
  static final int LARGE_CONTENT = 2048;

  private static final Map<String, Map<String, Object>> DEFAULTS = Map.of(
      "interest", Map.of("canBePrefix", false, "mustBeFresh", false, "lifetime", 4000L, "hopLimit", 255L),
      "data", Map.of("contentType", 0L, "freshnessPeriod", 0L),
      "lp", Map.of("fragIndex", 0L, "fragCount", 1L));
  private static final Set<String> HEX_FIELDS = Set.of("appParameters", "content", "contentSha256",
      "keyLocatorDigest", "sigValue", "implicitDigest", "pitToken", "fragment");
  private static final List<String> CONTENT_FIELDS = List.of("content", "contentLength", "contentSha256");

  private NdnjFields() {
  }

  /** One field that differs: its name, the reference value, and ndnj's. */
  record Mismatch(String field, Object expected, Object actual) {
  }

  /**
   * Decodes {@code wire} as {@code kind} with ndnj and describes it.
   *
   * @throws TlvException if ndnj rejects the packet
   */
  static Map<String, Object> describe(String kind, byte[] wire) {
    ByteBuffer buf = ByteBuffer.wrap(wire).asReadOnlyBuffer();
    switch (kind) {
      case "interest":
        return describe(Interest.decode(buf));
      case "data":
        return describe(Data.decode(buf), LARGE_CONTENT);
      case "lp":
        return describe(LpPacket.decode(buf));
      default:
        throw new IllegalArgumentException("unknown kind " + kind);
    }
  }

  static Map<String, Object> describe(Interest i) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", i.name().toString());
    f.put("canBePrefix", i.canBePrefix());
    f.put("mustBeFresh", i.mustBeFresh());
    if (!i.forwardingHint().isEmpty()) {
      f.put("fwHint", uris(i.forwardingHint()));
    }
    if (i.hasNonce()) {
      f.put("nonce", Integer.toUnsignedLong(i.nonce()));
    }
    f.put("lifetime", i.lifetime());
    if (i.hasHopLimit()) {
      f.put("hopLimit", (long) i.hopLimit());
    }
    if (i.hasApplicationParameters()) {
      f.put("appParameters", Hex.encode(i.applicationParameters()));
    }
    return f;
  }

  /** Describes a Data; content longer than {@code largeContent} is given by its length and SHA-256. */
  static Map<String, Object> describe(Data d, int largeContent) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", d.name().toString());
    f.put("contentType", (long) d.contentType());
    f.put("freshnessPeriod", d.freshnessPeriod());
    if (d.finalBlockId() != null) {
      f.put("finalBlockId", d.finalBlockId().toString());
    }
    byte[] content = bytes(d.content());
    if (content.length > largeContent) {
      f.put("contentLength", (long) content.length);
      f.put("contentSha256", Hex.encode(sha256(content)));
    } else {
      f.put("content", Hex.encode(content));
    }
    SignatureInfo si = d.signatureInfo();
    f.put("sigType", (long) si.type());
    KeyLocator kl = si.keyLocator();
    if (kl != null && kl.name() != null) {
      f.put("keyLocatorName", kl.name().toString());
    }
    if (kl != null && kl.digest() != null) {
      f.put("keyLocatorDigest", Hex.encode(kl.digest()));
    }
    f.put("sigValue", Hex.encode(d.signatureValue()));
    f.put("implicitDigest", Hex.encode(d.implicitDigest()));
    return f;
  }

  static Map<String, Object> describe(LpPacket p) {
    Map<String, Object> f = new LinkedHashMap<>();
    if (p.hasSequence()) {
      f.put("sequence", Long.toUnsignedString(p.sequence()));
    }
    if (p.fragIndex() != 0 || p.fragCount() != 1) {
      f.put("fragIndex", p.fragIndex());
      f.put("fragCount", p.fragCount());
    }
    if (p.pitToken() != null) {
      f.put("pitToken", Hex.encode(p.pitToken()));
    }
    if (p.isNack()) {
      f.put("nackReason", (long) p.nackReason());
    }
    if (p.congestionMark() != 0) {
      f.put("congestionMark", p.congestionMark());
    }
    if (p.hasFragment()) {
      byte[] frag = bytes(p.fragment());
      f.put("fragment", Hex.encode(frag));
      f.put("fragmentKind", fragmentKind(frag));
    }
    return f;
  }

  /** "interest" or "data" when the octets decode whole as that packet with ndnj, else "other". */
  static String fragmentKind(byte[] frag) {
    try {
      Interest.decode(ByteBuffer.wrap(frag));
      return "interest";
    } catch (TlvException e) {
      // not an Interest
    }
    try {
      Data.decode(ByteBuffer.wrap(frag));
      return "data";
    } catch (TlvException e) {
      return "other";
    }
  }

  /**
   * The fields of {@code actual} that differ from {@code expected}, with the schema's defaults standing in for
   * absent fields. Content is compared in whichever form {@code expected} gives it; {@code fullContent} is the
   * decoded content, used for that.
   */
  static List<Mismatch> compare(String kind, Map<String, Object> expected, Map<String, Object> actual,
      byte[] fullContent) {
    Map<String, Object> defaults = DEFAULTS.getOrDefault(kind, Map.of());
    Set<String> keys = new LinkedHashSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    Map<String, Object> act = new LinkedHashMap<>(actual);
    if (kind.equals("data") && fullContent != null) {
      keys.removeAll(CONTENT_FIELDS);
      act.put("content", Hex.encode(fullContent));
      act.put("contentLength", (long) fullContent.length);
      act.put("contentSha256", Hex.encode(sha256(fullContent)));
      boolean any = false;
      for (String k : CONTENT_FIELDS) {
        if (expected.containsKey(k)) {
          keys.add(k);
          any = true;
        }
      }
      if (!any) {
        keys.add("content");
      }
    }
    List<Mismatch> out = new ArrayList<>();
    for (String k : keys) {
      Object e = expected.containsKey(k) ? expected.get(k) : defaults.get(k);
      Object a = act.containsKey(k) ? act.get(k) : defaults.get(k);
      String ne = normalize(k, e);
      String na = normalize(k, a);
      if (ne == null ? na != null : !ne.equals(na)) {
        out.add(new Mismatch(k, e, a));
      }
    }
    return out;
  }

  private static String normalize(String field, Object v) {
    if (v == null) {
      return null;
    }
    if (HEX_FIELDS.contains(field) && v instanceof String s) {
      return s.toLowerCase();
    }
    if (v instanceof Number || v instanceof Boolean || v instanceof String) {
      return v.toString();
    }
    return Json.write(v);
  }

  /**
   * Whether the URI of {@code name} parses back to the same TLV: false when a typed-number component (segment,
   * byte offset, version, timestamp, sequence number) holds a NonNegativeInteger that is not in its shortest form,
   * since the URI shows the number and not its width.
   */
  static boolean uriRoundTrips(Name name) {
    for (Component c : name.components()) {
      int t = c.type();
      boolean typedNumber = t == 0x32 || t == 0x34 || t == 0x36 || t == 0x38 || t == 0x3a;
      if (typedNumber && c.isNumber()) {
        long v = c.toNumber();
        int shortest = Long.compareUnsigned(v, 0xffL) <= 0 ? 1 : Long.compareUnsigned(v, 0xffffL) <= 0 ? 2
            : Long.compareUnsigned(v, 0xffffffffL) <= 0 ? 4 : 8;
        if (c.valueLength() != shortest) {
          return false;
        }
      }
    }
    return true;
  }

  static List<String> uris(List<Name> names) {
    List<String> out = new ArrayList<>(names.size());
    for (Name n : names) {
      out.add(n.toString());
    }
    return out;
  }

  /** A copy of the remaining octets of a buffer (position unchanged). */
  static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
