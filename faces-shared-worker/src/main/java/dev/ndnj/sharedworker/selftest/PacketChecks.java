package dev.ndnj.sharedworker.selftest;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.KeyLocator;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.NackReason;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Sha256;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Self-test sections for {@link Interest}, {@link Data} and {@link LpPacket}: decoding the fixed packets and reading
 * every field, re-encoding them (the wire, the builders, {@code withHopLimit}/{@code withNonce}), building packets
 * from scratch, implicit digests, matching, malformed inputs, and every truncation and one-octet corruption of a
 * few packets.
 */
final class PacketChecks {
  private PacketChecks() {}

  static void run(Report r) {
    decodeValid(r);
    builtInterests(r);
    builtData(r);
    builtLp(r);
    modifiers(r);
    matching(r);
    malformed(r);
    mutations(r);
  }

  /** {@code hex} in the middle of a larger array: position, arrayOffset and limit are all non-trivial. */
  static ByteBuffer embedded(String hex) {
    byte[] body = Report.unhex(hex);
    byte[] arr = new byte[body.length + 7];
    for (int i = 0; i < arr.length; i++) {
      arr[i] = (byte) 0xa5;
    }
    System.arraycopy(body, 0, arr, 4, body.length);
    ByteBuffer b = ByteBuffer.wrap(arr, 1, body.length + 5).slice();
    b.position(3);
    b.limit(3 + body.length);
    return b;
  }

  // ---- description of decoded packets -------------------------------------------------------------------

  static String describe(Interest i) {
    StringBuilder sb = new StringBuilder();
    sb.append("str=").append(i).append(" name=").append(i.name()).append(" canBePrefix=").append(i.canBePrefix())
        .append(" mustBeFresh=").append(i.mustBeFresh()).append(" hasNonce=").append(i.hasNonce())
        .append(" nonce=").append(Report.hex32(i.nonce())).append(" lifetime=").append(i.lifetime())
        .append(" hasHopLimit=").append(i.hasHopLimit()).append(" hopLimit=").append(i.hopLimit())
        .append(" hint=");
    List<Name> hint = i.forwardingHint();
    for (int k = 0; k < hint.size(); k++) {
      sb.append(k == 0 ? "" : ",").append(hint.get(k));
    }
    sb.append(" hasParams=").append(i.hasApplicationParameters());
    ByteBuffer ap = i.applicationParameters();
    if (ap != null) {
      sb.append(" params=").append(Report.hex(ap));
    }
    sb.append(" paramsDigestValid=").append(i.isParametersDigestValid());
    SignatureInfo si = i.signatureInfo();
    if (si != null) {
      sb.append(" sigInfo=").append(describe(si));
    }
    ByteBuffer sv = i.signatureValue();
    if (sv != null) {
      sb.append(" sigValue=").append(Report.hex(sv));
    }
    sb.append(" wireLength=").append(i.wireLength());
    return sb.toString();
  }

  static String describe(SignatureInfo si) {
    StringBuilder sb = new StringBuilder();
    sb.append(si).append("{type=").append(si.type());
    KeyLocator kl = si.keyLocator();
    if (kl != null) {
      sb.append(" kl.name=").append(kl.name()).append(" kl.digest=")
          .append(kl.digest() == null ? "null" : Report.hex(kl.digest()));
    }
    sb.append(" notBefore=").append(si.notBefore()).append(" notAfter=").append(si.notAfter()).append(" nonce=")
        .append(si.nonce() == null ? "null" : Report.hex(si.nonce())).append(" time=").append(si.time())
        .append(" hasSeqNum=").append(si.hasSeqNum()).append(" seqNum=").append(si.seqNum()).append('}');
    return sb.toString();
  }

  static String describe(Data d) {
    StringBuilder sb = new StringBuilder();
    Component fb = d.finalBlockId();
    sb.append("str=").append(d).append(" name=").append(d.name()).append(" contentType=").append(d.contentType())
        .append(" freshness=").append(d.freshnessPeriod()).append(" finalBlockId=").append(fb == null ? "null" : fb)
        .append(" hasContent=").append(d.hasContent()).append(" contentLength=").append(d.contentLength())
        .append(" content=").append(Report.hex(d.content())).append(" sigInfo=").append(describe(d.signatureInfo()))
        .append(" sigValue=").append(Report.hex(d.signatureValue()))
        .append(" signedPortion.sha256=").append(Report.hex(Sha256.digest(bytes(d.signedPortion()))))
        .append(" verifyDigestSha256=").append(d.verifyDigestSha256())
        .append(" implicitDigest=").append(Report.hex(d.implicitDigest()))
        .append(" fullName=").append(d.fullName()).append(" wireLength=").append(d.wireLength());
    return sb.toString();
  }

  static String describe(LpPacket p) {
    StringBuilder sb = new StringBuilder();
    sb.append("bare=").append(p.isBare()).append(" hasFragment=").append(p.hasFragment())
        .append(" fragmentType=").append(p.fragmentType());
    ByteBuffer f = p.fragment();
    if (f != null) {
      sb.append(" fragment=").append(Report.hex(f));
    }
    sb.append(" hasSequence=").append(p.hasSequence()).append(" sequence=").append(Long.toUnsignedString(p.sequence()))
        .append(" fragIndex=").append(p.fragIndex()).append(" fragCount=").append(p.fragCount());
    ByteBuffer pt = p.pitToken();
    sb.append(" pitToken=").append(pt == null ? "null" : Report.hex(pt)).append(" isNack=").append(p.isNack())
        .append(" nackReason=").append(p.nackReason());
    if (p.isNack()) {
      sb.append('(').append(NackReason.name(p.nackReason())).append(')');
    }
    sb.append(" nextHopFaceId=").append(p.nextHopFaceId()).append(" incomingFaceId=").append(p.incomingFaceId())
        .append(" cachePolicyType=").append(p.cachePolicyType()).append(" congestionMark=")
        .append(p.congestionMark()).append(" acks=");
    long[] acks = p.acks();
    for (int k = 0; k < acks.length; k++) {
      sb.append(k == 0 ? "" : ",").append(Long.toUnsignedString(acks[k]));
    }
    sb.append(" hasTxSequence=").append(p.hasTxSequence()).append(" txSequence=")
        .append(Long.toUnsignedString(p.txSequence())).append(" nonDiscovery=").append(p.nonDiscovery());
    ByteBuffer pa = p.prefixAnnouncement();
    sb.append(" prefixAnnouncement=").append(pa == null ? "null" : Report.hex(pa));
    return sb.toString();
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.get(b.position() + i);
    }
    return out;
  }

  // ---- valid packets --------------------------------------------------------------------------------------

  private static void decodeValid(Report r) {
    r.section("decode");
    for (String[] p : SelfTestPackets.VALID) {
      String label = p[0];
      String hex = p[1];
      int type = Report.unhex(hex.substring(0, 2))[0];
      if (type == TlvTypes.INTEREST) {
        r.attempt(label, () -> decodeInterest(r, label, hex));
      } else if (type == TlvTypes.DATA) {
        r.attempt(label, () -> decodeData(r, label, hex));
      }
      r.attempt(label + ".lp", () -> decodeLp(r, label + ".lp", hex));
    }
  }

  private static void decodeInterest(Report r, String label, String hex) {
    ByteBuffer in = embedded(hex);
    Interest i = Interest.decode(in);
    r.line(label, describe(i));
    r.line(label + ".wire", Report.hex(i.wire()) + " same=" + Report.hex(i.wire()).equals(hex) + " in.pos="
        + in.position() + " in.limit=" + in.limit());
    if (i.signatureInfo() != null) {
      r.attempt(label + ".signedPortions", () -> {
        ByteBuffer[] parts = i.signedPortions();
        r.line(label + ".signedPortions", Report.hex(parts[0]) + " + " + Report.hex(parts[1]));
      });
    }
    r.attempt(label + ".rebuilt", () -> {
      Interest.Builder b = Interest.builder(i.name()).canBePrefix(i.canBePrefix()).mustBeFresh(i.mustBeFresh())
          .forwardingHint(i.forwardingHint());
      if (i.hasNonce()) {
        b.nonce(i.nonce());
      }
      // the decoder cannot tell an absent InterestLifetime from an explicit 4000; INTEREST_TYPICAL has one
      if (i.lifetime() != Interest.DEFAULT_LIFETIME || hex.contains("0c020fa0")) {
        b.lifetime(i.lifetime());
      }
      if (i.hasHopLimit()) {
        b.hopLimit(i.hopLimit());
      }
      if (i.hasApplicationParameters()) {
        b.applicationParameters(bytes(i.applicationParameters()));
      }
      if (i.signatureInfo() != null) {
        b.signatureInfo(i.signatureInfo()).signatureValue(bytes(i.signatureValue()));
      }
      Interest again = b.build();
      r.line(label + ".rebuilt", Report.hex(again.wire()) + " same=" + Report.hex(again.wire()).equals(hex));
    });
  }

  private static void decodeData(Report r, String label, String hex) {
    ByteBuffer in = embedded(hex);
    Data d = Data.decode(in);
    r.line(label, describe(d));
    r.line(label + ".wire", Report.hex(d.wire()) + " same=" + Report.hex(d.wire()).equals(hex)
        + " sha256(wire)==implicitDigest=" + Report.hex(Sha256.digest(Report.unhex(hex))).equals(
            Report.hex(d.implicitDigest())));
    r.attempt(label + ".rebuilt", () -> {
      Data.Builder b = Data.builder(d.name());
      // likewise an explicit ContentType (TLV 18 01 ..) from an absent one
      if (hex.contains("1801")) {
        b.contentType(d.contentType());
      }
      if (d.freshnessPeriod() > 0) {
        b.freshnessPeriod(d.freshnessPeriod());
      }
      if (d.finalBlockId() != null) {
        b.finalBlockId(d.finalBlockId());
      }
      if (d.hasContent()) {
        b.content(d.content());
      }
      Data again = b.build(d.signatureInfo(), bytes(d.signatureValue()));
      r.line(label + ".rebuilt", Report.hex(again.wire()) + " same=" + Report.hex(again.wire()).equals(hex));
    });
  }

  private static void decodeLp(Report r, String label, String hex) {
    LpPacket p = LpPacket.decode(embedded(hex));
    r.line(label, describe(p));
    r.line(label + ".wire", "same=" + Report.hex(p.wire()).equals(hex));
    if (p.fragmentType() == TlvTypes.INTEREST) {
      r.attempt(label + ".interest", () -> r.line(label + ".interest", p.fragmentAsInterest().toString()));
    } else if (p.fragmentType() == TlvTypes.DATA) {
      r.attempt(label + ".data", () -> r.line(label + ".data", p.fragmentAsData().toString()));
    }
    if (p.isBare()) {
      return;
    }
    r.attempt(label + ".rebuilt", () -> {
      LpPacket.Builder b = LpPacket.builder();
      if (p.hasSequence()) {
        b.sequence(p.sequence());
      }
      if (p.fragCount() > 1) {
        b.fragIndexCount(p.fragIndex(), p.fragCount());
      }
      if (p.pitToken() != null) {
        b.pitToken(p.pitToken());
      }
      if (p.isNack()) {
        b.nack(p.nackReason());
      }
      b.nextHopFaceId(p.nextHopFaceId()).incomingFaceId(p.incomingFaceId()).cachePolicyType(p.cachePolicyType())
          .congestionMark(p.congestionMark()).acks(p.acks()).nonDiscovery(p.nonDiscovery());
      if (p.hasTxSequence()) {
        b.txSequence(p.txSequence());
      }
      if (p.prefixAnnouncement() != null) {
        b.prefixAnnouncement(bytes(p.prefixAnnouncement()));
      }
      if (p.hasFragment()) {
        b.fragment(p.fragment());
      }
      LpPacket again = b.build();
      r.line(label + ".rebuilt", Report.hex(again.wire()) + " same=" + Report.hex(again.wire()).equals(hex));
    });
  }

  // ---- packets built from scratch -----------------------------------------------------------------------

  private static void built(Report r, String label, Interest i, String expectedHex) {
    String hex = Report.hex(i.wire());
    r.line(label, hex + (expectedHex == null ? "" : " same=" + hex.equals(expectedHex)));
    r.line(label + ".decoded", describe(Interest.decode(i.wire())));
  }

  private static void builtInterests(Report r) {
    r.section("build.interest");
    r.attempt("typical", () -> built(r, "typical", Interest.builder(Name.parse("/ndn/edu/ucla/ping/123"))
        .canBePrefix(true).mustBeFresh(true).nonce(0x01020304).lifetime(4000).build(),
        SelfTestPackets.INTEREST_TYPICAL));
    r.attempt("minimal", () -> built(r, "minimal", Interest.builder(Name.parse("/a")).build(),
        SelfTestPackets.INTEREST_MINIMAL));
    r.attempt("hint-hoplimit", () -> built(r, "hint-hoplimit", Interest.builder(Name.parse("/ndn/video/seg"))
        .mustBeFresh(true).forwardingHint(List.of(Name.parse("/ndn/gw1"), Name.parse("/ndn/gw2")))
        .nonce(0xa1b2c3d4).lifetime(100).hopLimit(64).build(), SelfTestPackets.INTEREST_HINT_HOPLIMIT));
    r.attempt("params", () -> built(r, "params", Interest.builder(Name.parse("/app/cmd")).nonce(1).lifetime(70000)
        .applicationParameters(new byte[] {0, 1, 2, 'h', 'e', 'l', 'l', 'o'}).build(),
        SelfTestPackets.INTEREST_PARAMS));
    r.attempt("params-replace", () -> built(r, "params-replace",
        Interest.builder(Name.parse("/app/params-sha256=" + Report.zeros(32) + "/cmd")).nonce(1)
            .applicationParameters(new byte[0]).build(), null));
    r.attempt("signed", () -> {
      SignatureInfo si = SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256)
          .nonce(Report.unhex("0102030405060708")).time(1700000000000L).seqNum(7).build();
      byte[] params = Report.unhex("680507030801" + "78");
      Interest unsigned = Interest.builder(Name.parse("/localhost/nfd/rib/register")).canBePrefix(true)
          .mustBeFresh(true).nonce(0xdeadbeef).lifetime(1000).applicationParameters(params).signatureInfo(si)
          .signatureValue(new byte[32]).build();
      ByteBuffer[] parts = unsigned.signedPortions();
      Sha256 h = new Sha256();
      for (ByteBuffer part : parts) {
        h.update(part, part.position(), part.remaining());
      }
      Interest signed = Interest.builder(Name.parse("/localhost/nfd/rib/register")).canBePrefix(true)
          .mustBeFresh(true).nonce(0xdeadbeef).lifetime(1000).applicationParameters(params).signatureInfo(si)
          .signatureValue(h.digest()).build();
      built(r, "signed", signed, SelfTestPackets.INTEREST_SIGNED);
    });
    r.attempt("typed", () -> built(r, "typed", Interest.builder(Name.of(Component.generic("ndn"),
        Component.of(TlvTypes.KEYWORD_NAME_COMPONENT, new byte[] {'k', 'w'}), Component.version(1700000000L),
        Component.segment(3), Component.byteOffset(4096), Component.timestamp(1600000000000000L),
        Component.sequenceNumber(42))).nonce(-1).lifetime(0).hopLimit(0).build(), null));
    r.attempt("err.emptyName", () -> Interest.builder(Name.ROOT).build());
    r.attempt("err.nullName", () -> Interest.builder(null).build());
    r.attempt("err.hopLimit256", () -> Interest.builder(Name.parse("/a")).hopLimit(256));
    r.attempt("err.lifetime-1", () -> Interest.builder(Name.parse("/a")).lifetime(-1));
    r.attempt("err.valueWithoutInfo", () -> Interest.builder(Name.parse("/a")).signatureValue(new byte[1]).build());
    r.attempt("err.digestWithoutParams", () -> Interest.builder(Name.parse("/a/params-sha256=" + Report.zeros(32)))
        .build());
  }

  private static void builtData(Report r) {
    r.section("build.data");
    r.attempt("digest", () -> {
      Data d = Data.builder(Name.parse("/ndn/edu/ucla/ping/123")).contentType(0).freshnessPeriod(10000)
          .finalBlockId(Component.segment(9)).content(PrimitiveChecks.ascii("hello, world")).signWithDigestSha256();
      builtData(r, "digest", d, SelfTestPackets.DATA_DIGEST);
    });
    r.attempt("minimal", () -> builtData(r, "minimal", Data.builder(Name.parse("/a"))
        .build(SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256).build(), new byte[0]),
        SelfTestPackets.DATA_MINIMAL));
    r.attempt("cert", () -> {
      byte[] content = new byte[44];
      for (int i = 0; i < content.length; i++) {
        content[i] = (byte) i;
      }
      byte[] sig = new byte[64];
      for (int i = 0; i < sig.length; i++) {
        sig[i] = (byte) 0xab;
      }
      SignatureInfo si = SignatureInfo.builder(TlvTypes.SIGNATURE_ED25519)
          .keyLocator(KeyLocator.ofName(Name.parse("/ndn/KEY/k1"))).validity("20240101T000000", "20341231T235959")
          .build();
      Data.Builder b = Data.builder(Name.parse("/ndn/KEY/k1/self/v=1")).contentType(TlvTypes.CONTENT_TYPE_KEY)
          .freshnessPeriod(3600000).content(content);
      r.line("cert.signedPortion", Report.hex(b.signedPortion(si)));
      builtData(r, "cert", b.build(si, sig), SelfTestPackets.DATA_CERT_ED25519);
    });
    r.attempt("keyDigest-emptyContent", () -> builtData(r, "keyDigest-emptyContent",
        Data.builder(Name.parse("/x/seg=0")).content(new byte[0]).finalBlockId(Component.segment(0))
            .build(SignatureInfo.builder(TlvTypes.SIGNATURE_SHA256_WITH_ECDSA)
                .keyLocator(KeyLocator.ofDigest(Report.unhex("0a0b0c"))).build(), new byte[] {1, 2, 3}), null));
    r.attempt("bufferContent", () -> {
      ByteBuffer content = embedded("c0ffee");
      Data d = Data.builder(Name.parse("/b")).content(content).freshnessPeriod(0).signWithDigestSha256();
      builtData(r, "bufferContent", d, null);
      r.line("bufferContent.source", "pos=" + content.position() + " limit=" + content.limit());
    });
    r.attempt("err.nullName", () -> Data.builder(null));
    r.attempt("err.contentType-1", () -> Data.builder(Name.parse("/a")).contentType(-1));
    r.attempt("err.freshness-1", () -> Data.builder(Name.parse("/a")).freshnessPeriod(-1));
    r.attempt("err.validity", () -> SignatureInfo.builder(5).validity("2024-01-01", "20341231T235959"));
    r.attempt("err.sigType-1", () -> SignatureInfo.builder(-1));
    r.attempt("err.sigTime-1", () -> SignatureInfo.builder(0).time(-1));
  }

  private static void builtData(Report r, String label, Data d, String expectedHex) {
    String hex = Report.hex(d.wire());
    r.line(label, hex + (expectedHex == null ? "" : " same=" + hex.equals(expectedHex)));
    r.line(label + ".decoded", describe(Data.decode(d.wire())));
  }

  private static void builtLp(Report r) {
    r.section("build.lp");
    ByteBuffer interest = ByteBuffer.wrap(Report.unhex(SelfTestPackets.INTEREST_TYPICAL));
    ByteBuffer data = ByteBuffer.wrap(Report.unhex(SelfTestPackets.DATA_MINIMAL));
    r.attempt("nack", () -> builtLp(r, "nack", LpPacket.builder().nack(NackReason.NO_ROUTE).fragment(interest)
        .build(), SelfTestPackets.LP_NACK));
    r.attempt("nack-none", () -> builtLp(r, "nack-none", LpPacket.builder().nack(NackReason.NONE)
        .fragment(ByteBuffer.wrap(Report.unhex(SelfTestPackets.INTEREST_MINIMAL))).build(),
        SelfTestPackets.LP_NACK_NOREASON));
    r.attempt("fields", () -> builtLp(r, "fields", LpPacket.builder().pitToken(Report.unhex("0011223344556677"))
        .nextHopFaceId(260).cachePolicyType(1).congestionMark(1).fragment(data).build(),
        SelfTestPackets.LP_DATA_FIELDS));
    r.attempt("fragment", () -> {
      ByteBuffer big = ByteBuffer.wrap(Report.unhex(SelfTestPackets.DATA_BIG_CONTENT));
      big.position(100).limit(200);
      builtLp(r, "fragment", LpPacket.builder().sequence(0x0102030405060708L).fragIndexCount(1, 3).fragment(big)
          .build(), SelfTestPackets.LP_FRAGMENT);
      r.line("fragment.source", "pos=" + big.position() + " limit=" + big.limit());
    });
    r.attempt("idle", () -> builtLp(r, "idle", LpPacket.builder().build(), SelfTestPackets.LP_IDLE));
    r.attempt("everything", () -> builtLp(r, "everything", LpPacket.builder().sequence(-1).fragIndexCount(0, 2)
        .pitToken(embedded("abcd")).nack(NackReason.DUPLICATE).nextHopFaceId(0).incomingFaceId(0x1_0000_0000L)
        .cachePolicyType(1).congestionMark(255).acks(1, -1, 0x8000000000000000L).txSequence(42).nonDiscovery(true)
        .prefixAnnouncement(Report.unhex(SelfTestPackets.DATA_MINIMAL)).fragment(interest).build(), null));
    r.line("source.untouched", "pos=" + interest.position() + " limit=" + interest.limit());
    r.attempt("err.fragIndex3of3", () -> LpPacket.builder().fragIndexCount(3, 3));
    r.attempt("err.fragCount0", () -> LpPacket.builder().fragIndexCount(0, 0));
    r.attempt("err.pitToken33", () -> LpPacket.builder().pitToken(new byte[33]));
    r.attempt("err.pitToken0", () -> LpPacket.builder().pitToken(new byte[0]));
    r.attempt("err.nack-1", () -> LpPacket.builder().nack(-1));
  }

  private static void builtLp(Report r, String label, LpPacket p, String expectedHex) {
    String hex = Report.hex(p.wire());
    r.line(label, hex + (expectedHex == null ? "" : " same=" + hex.equals(expectedHex)));
    r.line(label + ".decoded", describe(LpPacket.decode(p.wire())));
  }

  // ---- withHopLimit / withNonce -------------------------------------------------------------------------

  private static void modifiers(Report r) {
    r.section("modify");
    String[][] subjects = {
      {"typical", SelfTestPackets.INTEREST_TYPICAL},
      {"minimal", SelfTestPackets.INTEREST_MINIMAL},
      {"hopLimit", SelfTestPackets.INTEREST_HINT_HOPLIMIT},
      {"params", SelfTestPackets.INTEREST_PARAMS},
      {"signed", SelfTestPackets.INTEREST_SIGNED},
      {"unknown", SelfTestPackets.INTEREST_UNKNOWN_NONCRITICAL},
    };
    int[] hops = {0, 1, 63, 255};
    for (String[] s : subjects) {
      ByteBuffer in = embedded(s[1]);
      r.attempt(s[0], () -> {
        Interest i = Interest.decode(in);
        for (int h : hops) {
          Interest j = i.withHopLimit(h);
          r.line(s[0] + ".withHopLimit(" + h + ")", Report.hex(j.wire()) + " hopLimit=" + j.hopLimit()
              + " paramsDigestValid=" + j.isParametersDigestValid());
        }
        Interest k = i.withHopLimit(7).withHopLimit(6);
        r.line(s[0] + ".withHopLimit(7,6)", Report.hex(k.wire()));
        Interest n = i.withNonce(0x0badf00d);
        r.line(s[0] + ".withNonce", Report.hex(n.wire()) + " nonce=" + Report.hex32(n.nonce()));
        r.line(s[0] + ".original", "same=" + Report.hex(i.wire()).equals(s[1]) + " in=" + Report.hex(in));
        // a forwarder re-decodes the read-only view it was handed (e.g. a LpPacket fragment), then patches it
        Interest again = Interest.decode(i.wire());
        r.attempt(s[0] + ".fromView.withHopLimit(5)", () -> r.line(s[0] + ".fromView.withHopLimit(5)",
            Report.hex(again.withHopLimit(5).wire())));
        r.attempt(s[0] + ".fromView.withNonce", () -> r.line(s[0] + ".fromView.withNonce",
            Report.hex(again.withNonce(0x12345678).wire())));
        r.attempt(s[0] + ".withHopLimit(256)", () -> i.withHopLimit(256));
        r.attempt(s[0] + ".withHopLimit(-1)", () -> i.withHopLimit(-1));
      });
    }
  }

  // ---- Interest/Data matching ---------------------------------------------------------------------------

  private static void matching(Report r) {
    r.section("match");
    Data digest = Data.decode(ByteBuffer.wrap(Report.unhex(SelfTestPackets.DATA_DIGEST)));
    Data minimal = Data.decode(ByteBuffer.wrap(Report.unhex(SelfTestPackets.DATA_MINIMAL)));
    String full = digest.fullName().toString();
    String[][] cases = {
      {"/ndn/edu/ucla/ping/123", ""},
      {"/ndn/edu/ucla/ping/123", "fresh"},
      {"/ndn/edu/ucla", ""},
      {"/ndn/edu/ucla", "prefix"},
      {"/ndn/edu/ucla/ping/123/more", "prefix"},
      {full, ""},
      {full, "fresh"},
      {"/ndn/edu/ucla/ping/123/sha256digest=" + Report.zeros(32), ""},
      {"/", "prefix"},
      {"/a", ""},
      {"/a", "fresh"},
      {"/a", "prefix"},
    };
    for (String[] c : cases) {
      r.attempt(c[0] + "?" + c[1], () -> {
        Interest.Builder b = Interest.builder(Name.parse(c[0]));
        if (c[1].equals("fresh")) {
          b.mustBeFresh(true);
        }
        if (c[1].equals("prefix")) {
          b.canBePrefix(true);
        }
        Interest i = b.build();
        r.line(c[0] + "?" + c[1], "digestData=" + i.matches(digest) + " minimalData=" + i.matches(minimal));
      });
    }
  }

  // ---- malformed input ----------------------------------------------------------------------------------

  /** Decodes as the element's type says, then as an LpPacket; reports what each decoder says. */
  private static String decodeAny(byte[] wire) {
    StringBuilder sb = new StringBuilder();
    int first = wire.length == 0 ? -1 : wire[0] & 0xff;
    ByteBuffer b = ByteBuffer.wrap(wire);
    try {
      if (first == TlvTypes.INTEREST) {
        sb.append("Interest ").append(Interest.decode(b));
      } else if (first == TlvTypes.DATA) {
        sb.append("Data ").append(Data.decode(b));
      } else {
        LpPacket p = LpPacket.decode(b);
        sb.append("LpPacket ").append(describe(p));
        if (p.fragmentType() == TlvTypes.INTEREST) {
          sb.append(" -> ").append(p.fragmentAsInterest());
        } else if (p.fragmentType() == TlvTypes.DATA) {
          sb.append(" -> ").append(p.fragmentAsData());
        }
      }
    } catch (RuntimeException e) {
      sb.append(wireError(e));
    }
    return sb.toString();
  }

  /** Bad wire input must give a TlvException; anything else is flagged. */
  static String wireError(RuntimeException e) {
    return (e instanceof TlvException ? "" : "NOT-A-TLV-EXCEPTION ") + Report.describe(e);
  }

  private static void malformed(Report r) {
    r.section("malformed");
    for (String[] p : SelfTestPackets.MALFORMED) {
      byte[] wire = Report.unhex(p[1]);
      r.line(p[0], decodeAny(wire));
      r.line(p[0] + ".embedded", decodeAnyEmbedded(p[1]));
    }
    String[][] cross = {
      {"Interest(Data)", SelfTestPackets.DATA_MINIMAL},
      {"Interest(LpPacket)", SelfTestPackets.LP_IDLE},
      {"Interest(empty)", ""},
      {"Interest(05)", "05"},
      {"Interest(0500)", "0500"},
      {"Data(Interest)", SelfTestPackets.INTEREST_MINIMAL},
      {"Data(0600)", "0600"},
      {"Data(empty)", ""},
      {"LpPacket(Name)", "0703080161"},
      {"LpPacket(empty)", ""},
      {"LpPacket(64)", "64"},
      {"LpPacket(trailing)", SelfTestPackets.LP_IDLE + "00"},
      {"LpPacket(fragment-not-last)", "64085003050161620101"},
      {"LpPacket(two-fragments)", "640650010550010a"},
      {"LpPacket(nack-reason-3octets)", "640bfd032007fd032103010203"},
    };
    for (String[] c : cross) {
      byte[] wire = Report.unhex(c[1]);
      String label = c[0];
      String result;
      try {
        if (label.startsWith("Interest")) {
          result = Interest.decode(ByteBuffer.wrap(wire)).toString();
        } else if (label.startsWith("Data")) {
          result = Data.decode(ByteBuffer.wrap(wire)).toString();
        } else {
          result = describe(LpPacket.decode(ByteBuffer.wrap(wire)));
        }
      } catch (RuntimeException e) {
        result = wireError(e);
      }
      r.line(label, result);
    }
  }

  /** Offsets in messages must not depend on where the packet sits in its buffer. */
  private static String decodeAnyEmbedded(String hex) {
    ByteBuffer b = embedded(hex);
    int first = b.remaining() == 0 ? -1 : b.get(b.position()) & 0xff;
    try {
      if (first == TlvTypes.INTEREST) {
        return "Interest " + Interest.decode(b);
      } else if (first == TlvTypes.DATA) {
        return "Data " + Data.decode(b);
      }
      return "LpPacket " + describe(LpPacket.decode(b));
    } catch (RuntimeException e) {
      return wireError(e);
    }
  }

  // ---- every truncation and one-octet corruption --------------------------------------------------------

  private static void mutations(Report r) {
    String[][] subjects = {
      {"typical", SelfTestPackets.INTEREST_TYPICAL},
      {"signed", SelfTestPackets.INTEREST_SIGNED},
      {"data", SelfTestPackets.DATA_DIGEST},
      {"nack", SelfTestPackets.LP_NACK},
    };
    for (String[] s : subjects) {
      byte[] wire = Report.unhex(s[1]);
      r.section("truncate." + s[0]);
      for (int n = 0; n < wire.length; n++) {
        byte[] cut = new byte[n];
        System.arraycopy(wire, 0, cut, 0, n);
        r.line(Integer.toString(n), decodeAny(cut));
      }
      r.section("corrupt." + s[0]);
      List<String> lines = new ArrayList<>();
      for (int k = 0; k < wire.length; k++) {
        byte[] bad = wire.clone();
        bad[k] = (byte) (bad[k] ^ 0x41);
        lines.add(decodeAny(bad));
      }
      for (int k = 0; k < lines.size(); k++) {
        r.line(Integer.toString(k), lines.get(k));
      }
    }
  }
}
