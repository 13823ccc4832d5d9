package dev.ndnj.sharedworker.selftest;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Self-test sections for {@link Component} and {@link Name}: factories, URIs both ways, order, hashes, views. */
final class NameChecks {
  private NameChecks() {}

  private static final String DIGEST = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

  /** Component URIs: valid ones print back canonically; invalid ones give IllegalArgumentException messages. */
  private static final String[] COMPONENT_URIS = {
    "a", "hello", "%00%FF%2f", "a%20b", "...", "....", ".....", ".", "..", "%2E%2E%2E", "seg=0", "seg=3", "seg=256",
    "v=18446744073709551615", "v=18446744073709551616", "off=4096", "t=1600000000000000", "seq=42", "seg=", "seg=-1",
    "seg=1x", "sha256digest=" + DIGEST, "sha256digest=" + DIGEST.toUpperCase(), "sha256digest=abc",
    "sha256digest=" + DIGEST.substring(2) + "zz", "params-sha256=" + DIGEST, "128=x", "1=x", "0=x", "65535=y",
    "65536=z", "99999999999999999999=x", "32=kw", "8=plain", "=a", "foo=bar", "%4", "%zz", "h\u00e9llo", "\u65e5\u672c",
    "a b", "~-._",
  };

  private static final String[] NAME_URIS = {
    "/", "", "ndn:/a/b", "ndn:", "/ndn/edu/ucla/ping/123", "/a//b/", "a/b", "  /trim/me  ",
    "/seg=3/v=7/off=4096/t=1600000000000000/seq=42", "/v=18446744073709551615", "/sha256digest=" + DIGEST,
    "/app/params-sha256=" + DIGEST, "/.../..../.....", "/%00%ff%2F%2f%41", "/8=a/32=b/65535=c/128=d",
    "/h\u00e9llo/\u65e5\u672c", "/a?b#c", "/foo=bar/=x", "/.", "/%zz", "/v=abc", "/0=x", "/65536=x",
  };

  static void run(Report r) {
    factories(r);
    componentUris(r);
    componentOrder(r);
    nameUris(r);
    nameOps(r);
    nameDecode(r);
  }

  private static void describe(Report r, String label, Component c) {
    StringBuilder sb = new StringBuilder();
    sb.append("uri=").append(c).append(" type=").append(c.type()).append(" vlen=").append(c.valueLength())
        .append(" wire=").append(Report.hex(c.wire())).append(" value=").append(Report.hex(c.value()))
        .append(" bytes=").append(Report.hex(c.valueBytes())).append(" wireLength=").append(c.wireLength())
        .append(" isNumber=").append(c.isNumber());
    if (c.isNumber()) {
      sb.append(" number=").append(Long.toUnsignedString(c.toNumber()));
    }
    sb.append(" seg=").append(c.isSegment()).append(" ver=").append(c.isVersion())
        .append(" implicit=").append(c.isImplicitDigest()).append(" params=").append(c.isParametersDigest())
        .append(" hash=").append(Report.hex32(c.hashCode()));
    r.line(label, sb.toString());
  }

  private static void factories(Report r) {
    r.section("component.factory");
    byte[] digest = Report.unhex(DIGEST);
    describe(r, "generic-text", Component.generic("h\u00e9llo w\u00f6rld/%"));
    describe(r, "generic-bytes", Component.generic(new byte[] {0, (byte) 0xff, '.'}));
    describe(r, "generic-empty", Component.generic(""));
    describe(r, "of-253", Component.of(0xfd, new byte[] {1}));
    describe(r, "of-65535", Component.of(0xffff, new byte[0]));
    describe(r, "implicit", Component.implicitDigest(digest));
    describe(r, "params", Component.parametersDigest(digest));
    long[] numbers = {0, 1, 255, 256, 0xffff, 0x10000, 0xffffffffL, 0x100000000L, Long.MAX_VALUE, -1};
    for (long n : numbers) {
      describe(r, "segment." + Long.toUnsignedString(n), Component.segment(n));
    }
    describe(r, "version", Component.version(1700000000000L));
    describe(r, "timestamp", Component.timestamp(1600000000000000L));
    describe(r, "sequence", Component.sequenceNumber(42));
    describe(r, "byteOffset", Component.byteOffset(4096));
    describe(r, "number-generic", Component.number(TlvTypes.GENERIC_NAME_COMPONENT, 65));
    describe(r, "segment-3-octets", Component.of(TlvTypes.SEGMENT_NAME_COMPONENT, new byte[] {0, 1, 2}));
    describe(r, "segment-non-shortest", Component.of(TlvTypes.SEGMENT_NAME_COMPONENT, new byte[] {0, 5}));
    r.attempt("of-0", () -> describe(r, "of-0", Component.of(0, new byte[0])));
    r.attempt("of-65536", () -> describe(r, "of-65536", Component.of(65536, new byte[0])));
    r.attempt("implicit-31", () -> describe(r, "implicit-31", Component.implicitDigest(new byte[31])));
    r.attempt("params-33", () -> describe(r, "params-33", Component.parametersDigest(new byte[33])));
    r.attempt("number-0", () -> describe(r, "number-0", Component.number(0, 1)));
    r.attempt("toNumber-3", () -> r.line("toNumber-3",
        Component.of(TlvTypes.SEGMENT_NAME_COMPONENT, new byte[] {0, 1, 2}).toNumber()));
  }

  private static void componentUris(Report r) {
    r.section("component.parse");
    for (String uri : COMPONENT_URIS) {
      r.attempt(uri, () -> {
        Component c = Component.parse(uri);
        Component again = Component.parse(c.toString());
        r.line(uri, c + " wire=" + Report.hex(c.wire()) + " roundTrip=" + c.equals(again));
      });
    }
  }

  private static void componentOrder(Report r) {
    r.section("component.order");
    List<Component> cs = new ArrayList<>();
    String[] uris = {"b", "a", "aa", "", "seg=1", "seg=0", "v=1", "sha256digest=" + DIGEST, "128=a", "%FF", "%00",
        "ab", "Z", "seg=256"};
    for (String u : uris) {
      cs.add(Component.parse(u.isEmpty() ? "..." : u));
    }
    List<Component> sorted = new ArrayList<>(cs);
    Collections.sort(sorted);
    StringBuilder sb = new StringBuilder();
    for (Component c : sorted) {
      sb.append(' ').append(c);
    }
    r.line("sorted", sb.toString().trim());
    r.line("a.compareTo(b)", cs.get(1).compareTo(cs.get(0)));
    r.line("b.compareTo(a)", cs.get(0).compareTo(cs.get(1)));
    r.line("a.equals(parse(a))", cs.get(1).equals(Component.parse("a")));
    r.line("a.equals(8=a)", cs.get(1).equals(Component.parse("8=a")));
    r.line("a.equals(128=a)", cs.get(1).equals(Component.parse("128=a")));
    r.line("a.equals(string)", cs.get(1).equals((Object) "a"));
    r.line("hash(a)==hash(8=a)", cs.get(1).hashCode() == Component.parse("8=a").hashCode());
  }

  private static void describe(Report r, String label, Name n) {
    StringBuilder sb = new StringBuilder();
    sb.append("uri=").append(n).append(" size=").append(n.size()).append(" empty=").append(n.isEmpty())
        .append(" wire=").append(Report.hex(n.wire())).append(" wireLength=").append(n.wireLength())
        .append(" valueLength=").append(n.valueLength()).append(" types=");
    for (int i = 0; i < n.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(n.componentType(i));
    }
    sb.append(" hash=").append(Report.hex32(n.hashCode())).append(" prefixHashes=");
    for (int k = 0; k <= n.size(); k++) {
      sb.append(k == 0 ? "" : ",").append(Report.hex32(n.prefixHash(k)));
    }
    r.line(label, sb.toString());
  }

  private static void nameUris(Report r) {
    r.section("name.parse");
    for (String uri : NAME_URIS) {
      r.attempt("[" + uri + "]", () -> {
        Name n = Name.parse(uri);
        describe(r, "[" + uri + "]", n);
        Name again = Name.parse(n.toString());
        r.line("[" + uri + "].roundTrip", again.equals(n) && again.toString().equals(n.toString())
            && Report.hex(again.wire()).equals(Report.hex(n.wire())));
      });
    }
  }

  private static void nameOps(Report r) {
    r.section("name.ops");
    Name n = Name.parse("/ndn/edu/ucla/ping/seg=3");
    describe(r, "base", n);
    describe(r, "ROOT", Name.ROOT);
    for (int k = -5; k <= 5; k++) {
      int kk = k;
      r.attempt("getPrefix(" + k + ")", () -> describe(r, "getPrefix(" + kk + ")", n.getPrefix(kk)));
    }
    r.attempt("getPrefix(6)", () -> describe(r, "getPrefix(6)", n.getPrefix(6)));
    r.attempt("getPrefix(-6)", () -> describe(r, "getPrefix(-6)", n.getPrefix(-6)));
    r.line("get(0)", n.get(0).toString());
    r.line("get(-1)", n.get(-1).toString());
    r.attempt("get(5)", () -> r.line("get(5)", n.get(5).toString()));
    r.attempt("get(-6)", () -> r.line("get(-6)", n.get(-6).toString()));
    StringBuilder sb = new StringBuilder();
    for (Component c : n.components()) {
      sb.append('|').append(c);
    }
    r.line("components", sb.toString() + " size=" + n.components().size());
    Name p = n.getPrefix(2);
    describe(r, "prefix.append(comps)", p.append(Component.version(7), Component.segment(0)));
    describe(r, "prefix.append(name)", p.append(Name.parse("/x/y")));
    describe(r, "prefix.append(text)", p.append("a/b c"));
    describe(r, "ROOT.append(ROOT)", Name.ROOT.append(Name.ROOT));
    describe(r, "of()", Name.of());
    describe(r, "of(a,seg)", Name.of(Component.generic("a"), Component.segment(1)));
    describe(r, "of(list)", Name.of(List.of(Component.generic("x"), Component.implicitDigest(Report.unhex(DIGEST)))));
    r.line("isPrefixOf(self)", n.isPrefixOf(n));
    r.line("prefix.isPrefixOf(n)", p.isPrefixOf(n));
    r.line("n.isPrefixOf(prefix)", n.isPrefixOf(p));
    r.line("ROOT.isPrefixOf(n)", Name.ROOT.isPrefixOf(n));
    r.line("/ndn/ed.isPrefixOf(n)", Name.parse("/ndn/ed").isPrefixOf(n));
    r.line("prefix.equals(parse)", p.equals(Name.parse("/ndn/edu")));
    r.line("prefix.hash==parse.hash", p.hashCode() == Name.parse("/ndn/edu").hashCode());
    r.line("prefixHash(2)==prefix.hash", n.prefixHash(2) == p.hashCode());
    List<Name> names = new ArrayList<>();
    String[] uris = {"/b", "/a/b", "/a", "/", "/a/seg=1", "/a/seg=0", "/a/b/c", "/aa", "/A", "/a/%00", "/a/v=1",
        "/a/8=b", "/a/sha256digest=" + DIGEST};
    for (String u : uris) {
      names.add(Name.parse(u));
    }
    Collections.sort(names);
    StringBuilder order = new StringBuilder();
    for (Name x : names) {
      order.append(' ').append(x);
    }
    r.line("sorted", order.toString().trim());
  }

  private static void nameDecode(Report r) {
    r.section("name.decode");
    String[][] cases = {
      {"ok", "0709080161080162320103"},
      {"empty", "0700"},
      {"type253", "0705fd00fd0101"},
      {"digest", "072201" + "20" + DIGEST},
      {"notName", "0803616263"},
      {"type0", "0703000178"},
      {"type65536", "0708fe000100000178ff"},
      {"digest31", "072101" + "1f" + DIGEST.substring(2)},
      {"params33", "072302" + "21" + DIGEST + "00"},
      {"overrun", "0705080561"},
      {"componentOverrun", "0703080561"},
      {"trailing", "070308016100"},
      {"truncatedType", "0701fd"},
      {"bigLength", "07fd0101" + "08fd00fd" + Report.zeros(253)},
    };
    for (String[] c : cases) {
      String label = c[0];
      r.attempt(label, () -> {
        // in the middle of a larger array: position, arrayOffset and base all non-zero
        byte[] body = Report.unhex(c[1]);
        byte[] arr = new byte[body.length + 5];
        System.arraycopy(body, 0, arr, 3, body.length);
        ByteBuffer b = ByteBuffer.wrap(arr, 1, body.length + 2).slice();
        b.position(2);
        b.limit(2 + body.length);
        Name n = Name.decode(b);
        describe(r, label, n);
        r.line(label + ".buffer", "pos=" + b.position() + " limit=" + b.limit());
        Name m = Name.decode(b, 2, b.limit(), 0);
        r.line(label + ".absolute", m.toString() + " equal=" + m.equals(n));
      });
    }
  }
}
