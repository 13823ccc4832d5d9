package dev.ndnj.interop;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.KeyLocator;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvTypes;

/**
 * A deterministic corpus of Interests, Data and LpPackets built with ndnj's builders, for NDNts to decode. The
 * "fields" of each entry are what the generator asked the builder for (names as ndnj prints them), not what ndnj
 * decodes back, so that a builder that drops or mangles a field shows up; {@link NdntsCorpusTest} separately checks
 * that ndnj decodes its own packets to the same fields.
 */
final class NdnjCorpusGenerator {
  private static final String[] ODD_GENERIC = {
      "", ".", "..", "...", "....", "a b", "%", "/", "~_-.", "+=&?#", "A-Z_a-z.0~9", "\u65e5\u672c\u8a9e", "..a",
  };
  private static final long[] NUMBERS = {
      0, 1, 127, 128, 255, 256, 0xffff, 0x10000, 0xffffff, 0xffffffffL, 0x100000000L, (1L << 40) + 3,
      (1L << 53) - 1, 1L << 53, Long.MAX_VALUE, -1L,
  };
  private static final int[] OTHER_TYPES = {3, 9, 17, 31, 32, 33, 48, 100, 252, 253, 255, 256, 1000, 0x7fff, 0xffff};
  private static final int[] SIG_TYPES_WITH_KEY = {
      TlvTypes.SIGNATURE_SHA256_WITH_RSA, TlvTypes.SIGNATURE_SHA256_WITH_ECDSA, TlvTypes.SIGNATURE_ED25519,
  };

  private final Random rnd;

  NdnjCorpusGenerator(long seed) {
    rnd = new Random(seed);
  }

  /** The whole corpus: {@code interests} Interests, {@code datas} Data, about {@code lps} LpPackets. */
  List<Corpus.Entry> generate(int interests, int datas, int lps) {
    List<Corpus.Entry> out = new ArrayList<>();
    for (int i = 0; i < interests; i++) {
      out.add(interest().entry());
    }
    for (int i = 0; i < datas; i++) {
      out.add(data(i < 2).entry());
    }
    for (int i = 0; out.size() < interests + datas + lps; i++) {
      if (i % 12 == 11) {
        out.addAll(fragmentedData());
      } else {
        out.add(lp(i));
      }
    }
    return out;
  }

  /** A built packet and the fields it was built with. */
  private record Built(String kind, byte[] wire, Map<String, Object> fields) {
    Corpus.Entry entry() {
      return new Corpus.Entry(kind, wire, fields);
    }
  }

  // ---- names ---------------------------------------------------------------------------------------------------

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  private int range(int lo, int hi) {
    return lo + rnd.nextInt(hi - lo + 1);
  }

  private long someNumber() {
    return rnd.nextBoolean() ? NUMBERS[rnd.nextInt(NUMBERS.length)] : rnd.nextInt(100000);
  }

  private String word() {
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder();
    for (int i = range(1, 10); i > 0; i--) {
      sb.append(letters.charAt(rnd.nextInt(letters.length())));
    }
    return sb.toString();
  }

  private Component component() {
    switch (rnd.nextInt(16)) {
      case 0: case 1: case 2: case 3:
        return Component.generic(word());
      case 4:
        return Component.generic(ODD_GENERIC[rnd.nextInt(ODD_GENERIC.length)]);
      case 5:
        return Component.generic(bytes(range(0, 12)));
      case 6:
        return Component.segment(someNumber());
      case 7:
        return Component.version(rnd.nextBoolean() ? someNumber() : 1_700_000_000_000L + rnd.nextInt(1_000_000_000));
      case 8:
        return Component.timestamp(rnd.nextBoolean() ? 1_741_305_600_000_000L + rnd.nextInt(1_000_000_000)
            : rnd.nextInt(1000));
      case 9:
        return Component.sequenceNumber(someNumber());
      case 10:
        return Component.byteOffset(someNumber());
      case 11:
        return Component.of(TlvTypes.KEYWORD_NAME_COMPONENT,
            new String[] {"KEY", "self", "metadata", "32=x", ""}[rnd.nextInt(5)].getBytes(StandardCharsets.UTF_8));
      case 12: // rev2 convention numbers: plain typed components under rev3 printing
        return Component.number(new int[] {0x21, 0x23, 0x25}[rnd.nextInt(3)], rnd.nextInt(70000));
      case 13: { // a typed-number type whose value is not an NNI (3 or 5 octets)
        int type = new int[] {0x32, 0x34, 0x36, 0x38, 0x3a}[rnd.nextInt(5)];
        return Component.of(type, bytes(rnd.nextBoolean() ? 3 : 5));
      }
      default:
        return Component.of(OTHER_TYPES[rnd.nextInt(OTHER_TYPES.length)], bytes(range(0, 9)));
    }
  }

  private Name name(int min, int max) {
    List<Component> comps = new ArrayList<>();
    for (int n = range(min, max); n > 0; n--) {
      comps.add(component());
    }
    return Name.of(comps);
  }

  // ---- Interest ------------------------------------------------------------------------------------------------

  private Built interest() {
    Name name = name(1, 7);
    boolean digestLast = rnd.nextInt(8) == 0;
    if (digestLast) {
      name = name.append(Component.implicitDigest(bytes(32)));
    }
    Map<String, Object> f = new LinkedHashMap<>();
    boolean withParams = !digestLast && rnd.nextInt(10) < 3;
    boolean signed = withParams && rnd.nextInt(10) < 3;
    if (withParams && !signed && rnd.nextInt(3) == 0) {
      // a ParametersSha256DigestComponent placeholder in the middle: the builder fills it in (a signed Interest
      // must end with it, so only unsigned ones)
      name = name.append(Component.parametersDigest(new byte[32])).append(component());
    }
    Interest.Builder b = Interest.builder(name);
    boolean cbp = rnd.nextInt(10) < 4;
    boolean mbf = rnd.nextInt(10) < 4;
    b.canBePrefix(cbp).mustBeFresh(mbf);
    f.put("canBePrefix", cbp);
    f.put("mustBeFresh", mbf);
    if (rnd.nextInt(4) == 0) {
      List<Name> hints = new ArrayList<>();
      for (int n = range(1, 3); n > 0; n--) {
        hints.add(name(1, 4));
      }
      b.forwardingHint(hints);
      f.put("fwHint", NdnjFields.uris(hints));
    }
    if (rnd.nextInt(10) < 8) {
      int nonce = rnd.nextInt(10) == 0 ? new int[] {0, 1, -1}[rnd.nextInt(3)] : rnd.nextInt();
      b.nonce(nonce);
      f.put("nonce", Integer.toUnsignedLong(nonce));
    }
    long lifetime = Interest.DEFAULT_LIFETIME;
    if (rnd.nextBoolean()) {
      lifetime = new long[] {0, 1, 100, 255, 256, 3999, 4000, 4001, 65535, 65536, 0xffffffffL, 1L << 40}[rnd.nextInt(12)];
      b.lifetime(lifetime);
    }
    f.put("lifetime", lifetime);
    if (rnd.nextInt(10) < 3) {
      int hop = new int[] {0, 1, 2, 64, 254, 255}[rnd.nextInt(6)];
      b.hopLimit(hop);
      f.put("hopLimit", (long) hop);
    }
    if (withParams) {
      byte[] params = bytes(new int[] {0, 1, 2, 16, 100, 252, 253, 300, 1000, 70000}[rnd.nextInt(10)]);
      b.applicationParameters(params);
      f.put("appParameters", Hex.encode(params));
      if (signed) {
        b.signatureInfo(SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256).nonce(bytes(8))
            .time(1_741_305_600_000L + rnd.nextInt(1_000_000)).seqNum(rnd.nextInt(1_000_000)).build());
        b.signatureValue(bytes(32));
      }
    }
    Interest built = b.build();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", built.name().toString()); // the builder adds the ParametersSha256DigestComponent
    fields.putAll(f);
    return new Built("interest", NdnjFields.bytes(built.wire()), fields);
  }

  // ---- Data ----------------------------------------------------------------------------------------------------

  private Built data(boolean emptyName) {
    Name name = emptyName ? Name.ROOT : name(1, 7);
    Data.Builder b = Data.builder(name);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", name.toString());
    long contentType = 0;
    if (rnd.nextBoolean()) {
      contentType = new int[] {0, 1, 2, 3, 4, 5, 6, 9, 255, 256, 1000, 65536}[rnd.nextInt(12)];
      b.contentType((int) contentType);
    }
    f.put("contentType", contentType);
    long freshness = 0;
    if (rnd.nextBoolean()) {
      freshness = new long[] {0, 1, 1000, 4000, 65535, 65536, 3_600_000, (1L << 32) + 1}[rnd.nextInt(8)];
      b.freshnessPeriod(freshness);
    }
    f.put("freshnessPeriod", freshness);
    Component fb = null;
    switch (rnd.nextInt(5)) {
      case 0:
        fb = name.isEmpty() ? null : name.get(-1);
        break;
      case 1:
        fb = Component.segment(rnd.nextInt(1000));
        break;
      case 2:
        fb = component();
        break;
      default:
        break;
    }
    if (fb != null) {
      b.finalBlockId(fb);
      f.put("finalBlockId", fb.toString());
    }
    int size = rnd.nextInt(100) < 8 ? new int[] {4096, 65535, 65536, 70000}[rnd.nextInt(4)]
        : new int[] {0, 0, 1, 2, 7, 32, 100, 252, 253, 254, 255, 256, 600, 1000}[rnd.nextInt(14)];
    byte[] content = bytes(size);
    if (size > 0 || rnd.nextBoolean()) { // an empty Content element, or none at all
      b.content(content);
    }
    if (size > NdnjFields.LARGE_CONTENT) {
      f.put("contentLength", (long) size);
      f.put("contentSha256", Hex.encode(NdnjFields.sha256(content)));
    } else {
      f.put("content", Hex.encode(content));
    }

    Data built;
    int pick = rnd.nextInt(20);
    if (pick < 7) {
      built = b.signWithDigestSha256();
      f.put("sigType", (long) TlvTypes.SIGNATURE_DIGEST_SHA256);
    } else {
      SignatureInfo.Builder si;
      byte[] sigValue;
      if (pick < 13) {
        int type = SIG_TYPES_WITH_KEY[rnd.nextInt(SIG_TYPES_WITH_KEY.length)];
        Name key = name(1, 3).append(Component.of(TlvTypes.KEYWORD_NAME_COMPONENT, "KEY".getBytes(StandardCharsets.UTF_8)))
            .append(Component.generic(bytes(8)));
        si = SignatureInfo.builder(type).keyLocator(KeyLocator.ofName(key));
        if (rnd.nextInt(5) == 0) {
          si.validity("20240101T000000", "20291231T235959");
        }
        sigValue = bytes(new int[] {64, 71, 72, 256}[rnd.nextInt(4)]);
        f.put("sigType", (long) type);
        f.put("keyLocatorName", key.toString());
      } else if (pick < 16) {
        int type = rnd.nextBoolean() ? TlvTypes.SIGNATURE_HMAC_WITH_SHA256 : TlvTypes.SIGNATURE_SHA256_WITH_ECDSA;
        byte[] digest = bytes(rnd.nextInt(10) < 7 ? 32 : range(1, 40));
        si = SignatureInfo.builder(type).keyLocator(KeyLocator.ofDigest(digest));
        sigValue = bytes(32);
        f.put("sigType", (long) type);
        f.put("keyLocatorDigest", Hex.encode(digest));
      } else if (pick < 18) {
        si = SignatureInfo.builder(200); // "Null" signature: no value
        sigValue = new byte[0];
        f.put("sigType", 200L);
      } else {
        int type = new int[] {2, 6, 100, 253, 65536}[rnd.nextInt(5)];
        si = SignatureInfo.builder(type);
        sigValue = bytes(range(1, 300));
        f.put("sigType", (long) type);
      }
      built = b.build(si.build(), sigValue);
      f.put("sigValue", Hex.encode(sigValue));
    }
    byte[] wire = NdnjFields.bytes(built.wire());
    if (!f.containsKey("sigValue")) {
      f.put("sigValue", Hex.encode(built.signatureValue()));
    }
    f.put("implicitDigest", Hex.encode(NdnjFields.sha256(wire)));
    return new Built("data", wire, f);
  }

  // ---- NDNLPv2 -------------------------------------------------------------------------------------------------

  private Built l3(Boolean wantInterest) {
    return (wantInterest == null ? rnd.nextBoolean() : wantInterest) ? interest() : data(false);
  }

  private Corpus.Entry lp(int i) {
    LpPacket.Builder b = LpPacket.builder();
    Map<String, Object> f = new LinkedHashMap<>();
    Built payload;
    switch (i % 11) {
      case 0: // bare fragment
        payload = l3(null);
        break;
      case 1: { // PIT token
        byte[] token = bytes(new int[] {1, 4, 8, 16, 32, range(1, 32)}[rnd.nextInt(6)]);
        b.pitToken(token);
        f.put("pitToken", Hex.encode(token));
        payload = l3(null);
        break;
      }
      case 2: { // Nack of an Interest
        int reason = new int[] {NackReason.NONE, NackReason.CONGESTION, NackReason.DUPLICATE, NackReason.NO_ROUTE,
            1, 200, 65535}[rnd.nextInt(7)];
        b.nack(reason);
        f.put("nackReason", (long) reason);
        if (rnd.nextInt(10) < 3) {
          byte[] token = bytes(8);
          b.pitToken(token);
          f.put("pitToken", Hex.encode(token));
        }
        payload = l3(true);
        break;
      }
      case 3: { // congestion mark
        long mark = new long[] {1, 2, 255, 256, 65536}[rnd.nextInt(5)];
        b.congestionMark(mark);
        f.put("congestionMark", mark);
        payload = l3(null);
        break;
      }
      case 4: { // sequence on a whole packet
        long seq = rnd.nextBoolean() ? new long[] {0, 1, 0xff, 0x100000000L, Long.MAX_VALUE, -1L}[rnd.nextInt(6)]
            : rnd.nextLong();
        b.sequence(seq);
        f.put("sequence", Long.toUnsignedString(seq));
        payload = l3(null);
        break;
      }
      case 5: { // everything in the schema together
        long seq = rnd.nextLong();
        byte[] token = bytes(4);
        b.sequence(seq).pitToken(token).congestionMark(1);
        f.put("sequence", Long.toUnsignedString(seq));
        f.put("pitToken", Hex.encode(token));
        f.put("congestionMark", 1L);
        payload = l3(false);
        break;
      }
      case 6: // NextHopFaceId and CachePolicy: ignorable for NDNts
        b.nextHopFaceId(range(1, 300)).cachePolicyType(1);
        payload = l3(false);
        break;
      case 7: // IncomingFaceId
        b.incomingFaceId(range(1, 300));
        payload = l3(null);
        break;
      case 8: { // Ack, TxSequence: link reliability, no fragment
        long seq = rnd.nextLong();
        b.sequence(seq).acks(rnd.nextLong(), rnd.nextLong()).txSequence(rnd.nextLong());
        f.put("sequence", Long.toUnsignedString(seq));
        payload = null;
        break;
      }
      case 9: // NonDiscovery
        b.nonDiscovery(true);
        payload = l3(true);
        break;
      default: { // Nack without reason plus congestion mark
        b.nack(NackReason.NONE).congestionMark(3);
        f.put("nackReason", 0L);
        f.put("congestionMark", 3L);
        payload = l3(true);
        break;
      }
    }
    if (payload != null) {
      b.fragment(ByteBuffer.wrap(payload.wire()));
      f.put("fragment", Hex.encode(payload.wire()));
      f.put("fragmentKind", payload.kind());
    }
    return new Corpus.Entry("lp", NdnjFields.bytes(b.build().wire()), f);
  }

  /** A Data of at least 300 octets cut into 2..5 LpPackets, the first carrying a PIT token half the time. */
  private List<Corpus.Entry> fragmentedData() {
    Built full;
    do {
      full = data(false);
    } while (full.wire().length < 300);
    int count = range(2, 5);
    int room = (full.wire().length + count - 1) / count;
    long base = rnd.nextInt(5) == 0 ? -2L : rnd.nextLong();
    byte[] token = rnd.nextBoolean() ? bytes(8) : null;
    List<Corpus.Entry> out = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      byte[] piece = Arrays.copyOfRange(full.wire(), index * room, Math.min(full.wire().length, (index + 1) * room));
      LpPacket.Builder b = LpPacket.builder().sequence(base + index).fragIndexCount(index, count)
          .fragment(ByteBuffer.wrap(piece));
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("sequence", Long.toUnsignedString(base + index));
      f.put("fragIndex", (long) index);
      f.put("fragCount", (long) count);
      if (index == 0 && token != null) {
        b.pitToken(token);
        f.put("pitToken", Hex.encode(token));
      }
      f.put("fragment", Hex.encode(piece));
      f.put("fragmentKind", "other");
      out.add(new Corpus.Entry("lp", NdnjFields.bytes(b.build().wire()), f));
    }
    return out;
  }
}
