package dev.ndnj.tlv.fuzz;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.KeyLocator;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvTypes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the seed corpus of the fuzz tests: valid packets built with the codec's builders, a few hand-encoded ones
 * the builders cannot make (legacy ForwardingHint, unknown elements, long lengths) and a few malformed ones. The
 * files are committed under {@code src/test/resources/dev/ndnj/tlv/fuzz/<Test>Inputs/<method>/}; rerun this after
 * changing it (existing files of the same name are overwritten, others, such as crash regressions, are kept).
 * Seed names say what a decoder must do with them: {@code bad-*} is rejected, {@code edge-*} may go either way,
 * any other decodes ({@link SeedCorpusTest} checks it):
 *
 * <pre>
 * cd tlv-codec &amp;&amp; mvn -q -o test-compile &amp;&amp; \
 *   java -cp target/classes:target/test-classes dev.ndnj.tlv.fuzz.SeedCorpus src/test/resources
 * </pre>
 *
 * <p>Everything is deterministic (fixed nonces, times and contents) so that rerunning changes no file.
 */
public final class SeedCorpus {
  private SeedCorpus() {}

  /** Writes every seed under the resources root {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path root = Paths.get(args.length > 0 ? args[0] : "src/test/resources").resolve("dev/ndnj/tlv/fuzz");
    List<Map<String, byte[]>> all = List.of(interests(), data(), signatureInfos(), lpPackets(), names(), uris());
    List<String> dirs = List.of("InterestFuzzTestInputs/decode", "DataFuzzTestInputs/decode",
        "SignatureInfoFuzzTestInputs/decode", "LpPacketFuzzTestInputs/decode", "NameFuzzTestInputs/decode",
        "NameUriFuzzTestInputs/parse");
    List<String> prefixes = List.of("interest-", "data-", "siginfo-", "lp-", "name-", "uri-");
    Map<String, byte[]> dispatched = new LinkedHashMap<>();
    for (int t = 0; t < all.size(); t++) {
      write(root.resolve(dirs.get(t)), all.get(t));
      byte[] selector = {(byte) t}; // AllDecodersFuzzTest.TARGETS order
      for (Map.Entry<String, byte[]> e : all.get(t).entrySet()) {
        dispatched.put(prefixes.get(t) + e.getKey(), concat(selector, e.getValue()));
      }
    }
    write(root.resolve("AllDecodersFuzzTestInputs/decode"), dispatched);
  }

  private static void write(Path dir, Map<String, byte[]> seeds) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
      Files.write(dir.resolve(e.getKey()), e.getValue());
    }
    System.out.println(seeds.size() + " seeds in " + dir);
  }

  // ------------------------------------------------------------------------------------------------ values

  static final byte[] DIGEST = sequence(32, 0xa0);

  static Name fullName() {
    return Name.parse("/ndn/edu/ucla/seg=3/v=7/t=1700000000000000/seq=9/off=1024/32=keyword/%00%FF%20");
  }

  static SignatureInfo rich(int type) {
    return SignatureInfo.builder(type)
        .keyLocator(KeyLocator.ofName(Name.parse("/ndn/edu/ucla/KEY/%01%02/self/v=1")))
        .validity("20240101T000000", "20341231T235959")
        .build();
  }

  static SignatureInfo interestSigned() {
    return SignatureInfo.builder(TlvTypes.SIGNATURE_ED25519)
        .keyLocator(KeyLocator.ofDigest(DIGEST))
        .nonce(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
        .time(1_700_000_000_000L)
        .seqNum(42)
        .build();
  }

  static byte[] sequence(int n, int start) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (start + i);
    }
    return b;
  }

  static byte[] wire(ByteBuffer b) {
    return PacketProperties.bytes(b);
  }

  static byte[] hex(String s) {
    return Hex.decode(s);
  }

  static byte[] truncate(byte[] b, int drop) {
    return Arrays.copyOf(b, b.length - drop);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** An element of {@code type} around {@code value} (shortest-form header). */
  static byte[] tlv(int type, byte[]... value) {
    TlvEncoder enc = new TlvEncoder();
    for (int i = value.length - 1; i >= 0; i--) {
      enc.prependBytes(value[i], 0, value[i].length);
    }
    enc.prependHeader(type, enc.size());
    return enc.toByteArray();
  }

  // --------------------------------------------------------------------------------------------- Interests

  static Map<String, byte[]> interests() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    Interest minimal = Interest.builder(Name.parse("/a")).nonce(0x01020304).build();
    m.put("minimal", wire(minimal.wire()));
    Interest full = Interest.builder(fullName())
        .canBePrefix(true)
        .mustBeFresh(true)
        .forwardingHint(List.of(Name.parse("/fh/one"), Name.parse("/fh/two/seg=1")))
        .nonce(0xcafef00d)
        .lifetime(10_000)
        .hopLimit(64)
        .build();
    m.put("all-fields", wire(full.wire()));
    m.put("parameters", wire(Interest.builder(Name.parse("/a/b")).applicationParameters(
        "hello".getBytes(StandardCharsets.UTF_8)).nonce(7).build().wire()));
    m.put("parameters-digest-in-middle", wire(Interest.builder(Name.parse("/a/params-sha256="
        + Hex.encode(DIGEST) + "/z")).applicationParameters(new byte[0]).build().wire()));
    Interest signed = Interest.builder(Name.parse("/signed/cmd"))
        .nonce(99)
        .hopLimit(1)
        .applicationParameters(sequence(20, 0))
        .signatureInfo(interestSigned())
        .signatureValue(sequence(64, 0x40))
        .build();
    m.put("signed", wire(signed.wire()));
    m.put("implicit-digest", wire(Interest.builder(Name.parse("/d/sha256digest=" + Hex.encode(DIGEST)))
        .build().wire()));
    m.put("long-name", wire(Interest.builder(Name.of(Component.generic(sequence(300, 0)))).nonce(1).build()
        .wire()));
    m.put("no-nonce", wire(Interest.builder(Name.parse("/no/nonce")).lifetime(0).build().wire()));

    // hand-encoded: what the builder does not write
    byte[] name = wire(Name.parse("/a").wire());
    byte[] nonce = hex("0a0401020304");
    byte[] delegation = tlv(TlvTypes.LINK_DELEGATION, hex("1e0100"), wire(Name.parse("/legacy/hint").wire()));
    m.put("legacy-forwarding-hint", tlv(TlvTypes.INTEREST, name, tlv(TlvTypes.FORWARDING_HINT, delegation), nonce));
    m.put("unknown-non-critical", tlv(TlvTypes.INTEREST, name, hex("300100"), nonce, hex("fd02000100"),
        hex("220105")));
    m.put("lifetime-8-octets", tlv(TlvTypes.INTEREST, name, nonce, hex("0c080000000000002710")));
    // whether the digest covers an ignored HopLimit is read differently by the spec and ndn-cxx
    m.put("edge-hop-limit-after-parameters", concatInterestAfterParameters(hex("220109")));

    // malformed
    m.put("bad-truncated", truncate(wire(full.wire()), 1));
    m.put("bad-nonce-3-octets", tlv(TlvTypes.INTEREST, name, hex("0a03010203")));
    m.put("bad-non-minimal-length", hex("05fd0005070308016100"));
    m.put("bad-unknown-critical", tlv(TlvTypes.INTEREST, name, hex("310100")));
    m.put("bad-empty-name", tlv(TlvTypes.INTEREST, hex("0700"), nonce));
    m.put("bad-trailing", concat(wire(minimal.wire()), hex("00")));
    byte[] wrongDigest = wire(signed.wire());
    wrongDigest[wrongDigest.length - 1] ^= 1;
    m.put("bad-parameters-digest", wrongDigest);
    m.put("bad-out-of-order", tlv(TlvTypes.INTEREST, name, nonce, hex("2100")));
    return m;
  }

  /** An Interest /a with ApplicationParameters, then {@code extra} (covered by the parameters digest). */
  private static byte[] concatInterestAfterParameters(byte[] extra) {
    byte[] params = concat(tlv(TlvTypes.APPLICATION_PARAMETERS, hex("00")), extra);
    byte[] digest = PacketProperties.sha256(ByteBuffer.wrap(params));
    byte[] name = wire(Name.parse("/a").append(Component.parametersDigest(digest)).wire());
    return tlv(TlvTypes.INTEREST, name, params);
  }

  // -------------------------------------------------------------------------------------------------- Data

  static Map<String, byte[]> data() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    Data minimal = Data.builder(Name.parse("/a")).signWithDigestSha256();
    m.put("minimal", wire(minimal.wire()));
    Data full = Data.builder(fullName())
        .contentType(TlvTypes.CONTENT_TYPE_BLOB)
        .freshnessPeriod(4000)
        .finalBlockId(Component.segment(9))
        .content(sequence(100, 0x20))
        .signWithDigestSha256();
    m.put("all-fields", wire(full.wire()));
    m.put("key-name-validity", wire(Data.builder(Name.parse("/ndn/edu/ucla/KEY/%01%02/self/v=1"))
        .contentType(TlvTypes.CONTENT_TYPE_KEY)
        .content(sequence(91, 0x30))
        .build(rich(TlvTypes.SIGNATURE_SHA256_WITH_ECDSA), sequence(70, 0x50)).wire()));
    m.put("key-digest", wire(Data.builder(Name.parse("/x/y"))
        .content(new byte[0])
        .build(SignatureInfo.builder(TlvTypes.SIGNATURE_HMAC_WITH_SHA256)
            .keyLocator(KeyLocator.ofDigest(DIGEST)).build(), DIGEST).wire()));
    m.put("large-content", wire(Data.builder(Name.parse("/big")).content(sequence(1000, 0))
        .freshnessPeriod(0).signWithDigestSha256().wire()));
    m.put("nack-content-type", wire(Data.builder(Name.parse("/n")).contentType(TlvTypes.CONTENT_TYPE_NACK)
        .signWithDigestSha256().wire()));

    byte[] name = wire(Name.parse("/a").wire());
    byte[] sigInfo = hex("16031b0100");
    byte[] sigValue = hex("1700");
    m.put("unknown-non-critical", tlv(TlvTypes.DATA, name, hex("fd02000100"), tlv(TlvTypes.META_INFO,
        hex("18020001"), hex("fd020200")), hex("1500"), sigInfo, sigValue, hex("200100")));

    // malformed
    m.put("bad-truncated", truncate(wire(full.wire()), 3));
    m.put("bad-no-signature-value", tlv(TlvTypes.DATA, name, sigInfo));
    m.put("bad-signature-type-missing", tlv(TlvTypes.DATA, name, hex("1600"), sigValue));
    m.put("bad-content-type-3-octets", tlv(TlvTypes.DATA, name, tlv(TlvTypes.META_INFO, hex("1803000001")),
        sigInfo, sigValue));
    m.put("bad-final-block-two-components", tlv(TlvTypes.DATA, name, tlv(TlvTypes.META_INFO,
        hex("1a06080161080162")), sigInfo, sigValue));
    m.put("bad-content-twice", tlv(TlvTypes.DATA, name, hex("1500"), hex("1500"), sigInfo, sigValue));
    return m;
  }

  // --------------------------------------------------------------------------------------- SignatureInfo

  static Map<String, byte[]> signatureInfos() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("digest-sha256", encode(SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256).build(), false));
    m.put("key-name-validity", encode(rich(TlvTypes.SIGNATURE_SHA256_WITH_RSA), false));
    m.put("interest-nonce-time-seq", encode(interestSigned(), true));
    m.put("interest-flavour-in-data", encode(interestSigned(), false));
    m.put("unknown-non-critical", hex("160a1b0105fd0200002a0101"));
    m.put("bad-validity-time", tlv(TlvTypes.SIGNATURE_INFO, hex("1b0101"), tlv(TlvTypes.VALIDITY_PERIOD,
        tlv(TlvTypes.NOT_BEFORE, "20240101X000000".getBytes(StandardCharsets.US_ASCII)),
        tlv(TlvTypes.NOT_AFTER, "20340101T000000".getBytes(StandardCharsets.US_ASCII)))));
    m.put("bad-key-locator-empty", hex("16051b01031c00"));
    m.put("bad-type-not-first", hex("16071c05070308016b"));
    m.put("bad-type-5-octets", hex("16071b050000000001"));
    return m;
  }

  private static byte[] encode(SignatureInfo si, boolean interest) {
    TlvEncoder enc = new TlvEncoder();
    si.prependTo(enc, interest);
    return enc.toByteArray();
  }

  // --------------------------------------------------------------------------------------------- LpPackets

  static Map<String, byte[]> lpPackets() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    Interest interest = Interest.builder(Name.parse("/lp/interest")).nonce(5).hopLimit(9).build();
    Data data = Data.builder(Name.parse("/lp/data")).content(sequence(16, 0)).signWithDigestSha256();
    m.put("bare-interest", wire(interest.wire()));
    m.put("bare-data", wire(data.wire()));
    m.put("interest-with-pit-token", wire(LpPacket.builder().sequence(1).pitToken(new byte[] {1, 2, 3, 4})
        .fragment(interest.wire()).build().wire()));
    m.put("nack", wire(LpPacket.builder().nack(NackReason.NO_ROUTE).fragment(interest.wire()).build().wire()));
    m.put("nack-without-reason", wire(LpPacket.builder().nack(NackReason.NONE).fragment(interest.wire()).build()
        .wire()));
    ByteBuffer dw = data.wire();
    ByteBuffer middle = dw.duplicate().position(10).limit(30);
    m.put("fragment-1-of-3", wire(LpPacket.builder().sequence(77).fragIndexCount(1, 3).fragment(middle).build()
        .wire()));
    m.put("acks-only", wire(LpPacket.builder().acks(1, 2, 0xffffffffffL).txSequence(3).build().wire()));
    m.put("all-headers", wire(LpPacket.builder()
        .sequence(0x0102030405060708L)
        .pitToken(sequence(32, 0))
        .nextHopFaceId(300)
        .incomingFaceId(70000)
        .cachePolicyType(1)
        .congestionMark(1)
        .acks(9)
        .txSequence(10)
        .nonDiscovery(true)
        .prefixAnnouncement(wire(data.wire()))
        .fragment(data.wire())
        .build().wire()));
    m.put("unknown-ignorable-header", tlv(TlvTypes.LP_PACKET, hex("fd03840100"), tlv(TlvTypes.LP_FRAGMENT,
        wire(interest.wire()))));
    m.put("nack-unknown-ignorable", tlv(TlvTypes.LP_PACKET, hex("fd032006fd038402aaaa"),
        tlv(TlvTypes.LP_FRAGMENT, wire(interest.wire()))));

    // malformed
    m.put("bad-frag-index-not-below-count", tlv(TlvTypes.LP_PACKET, hex("520103530103"),
        tlv(TlvTypes.LP_FRAGMENT, hex("00"))));
    m.put("bad-pit-token-33", tlv(TlvTypes.LP_PACKET, tlv(TlvTypes.LP_PIT_TOKEN, sequence(33, 0))));
    m.put("bad-header-after-fragment", tlv(TlvTypes.LP_PACKET, tlv(TlvTypes.LP_FRAGMENT, hex("00")),
        hex("51080000000000000001")));
    m.put("bad-unknown-critical-header", tlv(TlvTypes.LP_PACKET, hex("fd03850100")));
    m.put("bad-fragment-garbage", tlv(TlvTypes.LP_PACKET, tlv(TlvTypes.LP_FRAGMENT, hex("0503070161"))));
    m.put("bad-truncated", truncate(wire(data.wire()), 1));
    return m;
  }

  // ------------------------------------------------------------------------------------------------- Names

  static Map<String, byte[]> names() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("root", wire(Name.ROOT.wire()));
    m.put("generic", wire(Name.parse("/ndn/edu/ucla").wire()));
    m.put("typed", wire(fullName().wire()));
    m.put("digests", wire(Name.parse("/a/sha256digest=" + Hex.encode(DIGEST) + "/params-sha256="
        + Hex.encode(DIGEST)).wire()));
    m.put("empty-and-periods", wire(Name.of(Component.generic(new byte[0]), Component.generic("."),
        Component.generic("..."), Component.generic("a.b")).wire()));
    m.put("type-65535-and-256", wire(Name.of(Component.of(0xffff, new byte[] {1}), Component.of(256, new byte[0]))
        .wire()));
    m.put("long-component", wire(Name.of(Component.generic(sequence(300, 0))).wire()));
    m.put("non-shortest-number", wire(Name.of(Component.of(TlvTypes.SEGMENT_NAME_COMPONENT, new byte[] {0, 5}),
        Component.of(TlvTypes.VERSION_NAME_COMPONENT, new byte[] {1, 2, 3})).wire()));

    // malformed
    m.put("bad-component-type-0", hex("0703000161"));
    m.put("bad-component-type-above-65535", hex("0707fe0001000001ff"));
    m.put("bad-digest-31-octets", tlv(TlvTypes.NAME, tlv(TlvTypes.IMPLICIT_SHA256_DIGEST_COMPONENT,
        sequence(31, 0))));
    m.put("bad-trailing", hex("07030801610801"));
    m.put("bad-length-beyond-end", hex("0705080561"));
    m.put("bad-not-a-name", hex("0803080161"));
    return m;
  }

  static Map<String, byte[]> uris() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("root", "/");
    m.put("generic", "/ndn/edu/ucla/ping");
    m.put("scheme", "ndn:/a//b/");
    m.put("typed", "/seg=3/off=1024/v=1700000000000/t=1700000000000000/seq=18446744073709551615");
    m.put("digests", "/sha256digest=" + Hex.encode(DIGEST) + "/params-sha256=" + Hex.encode(DIGEST).toUpperCase());
    m.put("numbered-types", "/8=generic/32=keyword/65535=max/1000=%00%01");
    m.put("periods", "/.../..../...../a.b");
    m.put("escapes", "/a%20b/%2F%3F%23/%C3%A9/~_-.");
    m.put("spaces", "  /trimmed/name  ");
    m.put("component-only", "seg=42");
    m.put("bad-escape", "/a%2");
    m.put("bad-number", "/seg=x");
    m.put("bad-type-0", "/0=a");
    m.put("bad-type-65536", "/65536=a");
    m.put("bad-short-digest", "/sha256digest=1234");
    m.put("bad-two-periods", "/..");
    Map<String, byte[]> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return out;
  }
}
