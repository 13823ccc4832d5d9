package dev.ndnj.sharedworker.selftest;

import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.Sha256;
import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvRules;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;

/**
 * Self-test sections for the codec's primitives: {@link Tlv}, {@link TlvTypes}, {@link TlvRules}, the encoder, hex and
 * SHA-256.
 */
final class PrimitiveChecks {
  private PrimitiveChecks() {}

  /** Two junk octets put before every input, so absolute offsets differ from offsets relative to the base. */
  private static final int PAD = 2;

  static void run(Report r) {
    varNumbers(r);
    types(r);
    lengths(r);
    elements(r);
    nonNegativeIntegers(r);
    byteHelpers(r);
    typeTable(r);
    rules(r);
    encoder(r);
    hex(r);
    sha256(r);
  }

  /** {@code hex} after {@link #PAD} junk octets, in a buffer whose position is the padding's end. */
  private static ByteBuffer padded(String hex) {
    byte[] body = Report.unhex(hex);
    byte[] all = new byte[body.length + PAD];
    all[0] = (byte) 0xee;
    all[1] = (byte) 0xee;
    System.arraycopy(body, 0, all, PAD, body.length);
    ByteBuffer b = ByteBuffer.wrap(all);
    b.position(PAD);
    return b;
  }

  private static void varNumbers(Report r) {
    r.section("tlv.varNumberSize");
    int[] firsts = {0, 1, 252, 253, 254, 255, -3, -2, -1, 0x1fd};
    for (int f : firsts) {
      r.line(Integer.toString(f), Tlv.varNumberSize(f));
    }
    r.section("tlv.sizeOfVarNumber");
    long[] values = {0, 1, 252, 253, 254, 255, 256, 0xffff, 0x10000, 0xffffffffL, 0x100000000L, Long.MAX_VALUE, -1,
        Long.MIN_VALUE};
    for (long v : values) {
      r.line(Long.toUnsignedString(v), Tlv.sizeOfVarNumber(v));
    }
    r.section("tlv.sizeOfTlv");
    int[][] tl = {{8, 0}, {8, 252}, {8, 253}, {0x0320, 1}, {0xfd, 0xffff}, {0x10000, 0x10000}, {-1, 70000}};
    for (int[] p : tl) {
      r.line(Integer.toUnsignedString(p[0]) + "," + p[1], Tlv.sizeOfTlv(p[0], p[1]));
    }
  }

  private static final String[] TYPE_INPUTS = {
    "08", "01", "fc", "fd00fd", "fd00fc", "fdffff", "fe00010000", "fe0000ffff", "fe7fffffff", "fe80000000",
    "feffffffff", "ff0000000000000001", "ff0000000100000000", "00", "", "fd", "fd01", "fe000100", "fd0320ff",
  };

  private static void types(Report r) {
    r.section("tlv.readType");
    for (String in : TYPE_INPUTS) {
      ByteBuffer b = padded(in);
      r.attempt(label(in), () -> {
        int t = Tlv.readType(b, PAD, b.limit(), PAD, "T");
        r.line(label(in), "type=" + Integer.toUnsignedString(t) + " name=" + TlvTypes.name(t & 0xffffffffL)
            + " pos=" + b.position() + " limit=" + b.limit());
      });
    }
    // base 0: offsets in messages count from the start of the array instead of the element
    ByteBuffer b = padded("fd00fc");
    r.attempt("base0", () -> r.line("base0", Tlv.readType(b, PAD, b.limit(), 0, "T")));
    // end before the buffer's limit: the element must not be read past end
    ByteBuffer c = padded("fd0320ff");
    r.attempt("end-limited", () -> r.line("end-limited", Tlv.readType(c, PAD, PAD + 2, PAD, "T")));
  }

  private static final String[] LENGTH_INPUTS = {
    "00", "0400000000", "05000000", "fc", "fd00fd", "fd00fc", "fd0100", "fe00010000", "fe0000ffff",
    "ff0000000000000001", "ff0000000100000000", "", "fd", "fe0001", "7f",
  };

  private static void lengths(Report r) {
    r.section("tlv.readLength");
    for (String in : LENGTH_INPUTS) {
      // enough value octets follow for the lengths that fit in 300; the others must report what remains
      ByteBuffer b = padded(in + Report.zeros(in.startsWith("fd01") ? 256 : in.startsWith("fd00fd") ? 253 : 0));
      r.attempt(label(in), () -> {
        int len = Tlv.readLength(b, PAD, b.limit(), PAD, "L");
        r.line(label(in), "length=" + len + " pos=" + b.position());
      });
    }
  }

  private static final String[] ELEMENT_INPUTS = {
    "0800", "080161", "0803616263ff", "fd0320020000", "fe0001000000", "0802", "fd00fc00", "", "ff00",
  };

  private static void elements(Report r) {
    r.section("tlv.elementEnd");
    for (String in : ELEMENT_INPUTS) {
      ByteBuffer b = padded(in);
      r.attempt(label(in), () -> {
        int end = Tlv.elementEnd(b, PAD, b.limit(), PAD, "E");
        r.line(label(in), "end=" + end + " valueStart=" + Tlv.valueStart(b, PAD));
      });
    }
  }

  private static final String[] NNI_INPUTS = {
    "00", "ff", "0100", "ffff", "00000000", "7fffffff", "80000000", "ffffffff", "0000000000000000",
    "00000001000000ff", "7fffffffffffffff", "8000000000000000", "ffffffffffffffff", "", "010203", "0102030405",
    "010203040506070809",
  };

  private static void nonNegativeIntegers(Report r) {
    r.section("tlv.readNonNegativeInteger");
    for (String in : NNI_INPUTS) {
      ByteBuffer b = padded(in);
      r.attempt(label(in), () -> {
        long v = Tlv.readNonNegativeInteger(b, PAD, in.length() / 2, PAD, "N");
        r.line(label(in), Long.toString(v) + " unsigned=" + Long.toUnsignedString(v) + " hex=" + Long.toHexString(v));
      });
    }
  }

  private static void byteHelpers(Report r) {
    r.section("tlv.bytes");
    ByteBuffer b = padded("0102fffe80007fff");
    r.line("u16@2", Tlv.u16(b, 2));
    r.line("u16@4", Tlv.u16(b, 4));
    r.line("u32@2", Tlv.u32(b, 2));
    r.line("u32@4", Tlv.u32(b, 4));
    r.line("u32@6", Tlv.u32(b, 6));
    r.line("i32@2", Tlv.i32(b, 2));
    r.line("i32@4", Tlv.i32(b, 4));
    r.line("i32@6", Tlv.i32(b, 6));
    ByteBuffer x = ByteBuffer.wrap(Report.unhex("00010203ff"));
    ByteBuffer y = ByteBuffer.wrap(Report.unhex("aa00010204ff"));
    r.line("equal(0,1,3)", Tlv.equalBytes(x, 0, y, 1, 3));
    r.line("equal(0,1,4)", Tlv.equalBytes(x, 0, y, 1, 4));
    r.line("equal(0,0,0)", Tlv.equalBytes(x, 0, y, 0, 0));
    r.line("compare(x0..4,y1..5)", Integer.signum(Tlv.compareBytes(x, 0, 4, y, 1, 4)));
    r.line("compare(x0..3,y1..5)", Integer.signum(Tlv.compareBytes(x, 0, 3, y, 1, 4)));
    r.line("compare(x4,y0)", Integer.signum(Tlv.compareBytes(x, 4, 1, y, 0, 1)));
    r.line("compare(x0..2,x0..2)", Tlv.compareBytes(x, 0, 2, x, 0, 2));
    byte[] arr = Report.unhex("99999900112233445566");
    ByteBuffer sliced = ByteBuffer.wrap(arr, 3, 7).slice();
    r.line("copy.sliced", Report.hex(Tlv.copy(sliced, 1, 4)) + " arrayOffset=" + sliced.arrayOffset());
    r.line("copy.readOnly", Report.hex(Tlv.copy(sliced.asReadOnlyBuffer(), 2, 5)));
    // Buffers derived from one whose position is not 0: TeaVM 0.15's duplicate() and asReadOnlyBuffer() report
    // an arrayOffset() too large by that position (and hasArray() is true even when read-only), so a copy that
    // trusts array()/arrayOffset() reads the wrong octets in JavaScript only.
    ByteBuffer positioned = ByteBuffer.wrap(Report.unhex("00112233445566778899"));
    positioned.position(3);
    r.attempt("copy.duplicateOfPositioned", () -> r.line("copy.duplicateOfPositioned",
        Report.hex(Tlv.copy(positioned.duplicate(), 4, 3))));
    r.attempt("copy.readOnlyOfPositioned", () -> r.line("copy.readOnlyOfPositioned",
        Report.hex(Tlv.copy(positioned.asReadOnlyBuffer(), 4, 3))));
    ByteBuffer viewOfPositioned = Tlv.view(positioned, 4, 3);
    r.attempt("copy.viewOfPositioned", () -> r.line("copy.viewOfPositioned",
        Report.hex(Tlv.copy(viewOfPositioned, 0, 3))));
    r.attempt("copy.viewOfView", () -> r.line("copy.viewOfView",
        Report.hex(Tlv.copy(Tlv.view(viewOfPositioned, 1, 2), 0, 2))));
    r.attempt("encoder.prependViewOfPositioned", () -> {
      TlvEncoder enc = new TlvEncoder(8);
      enc.prependBytes(viewOfPositioned);
      enc.prependBytes(positioned.duplicate(), 8, 2);
      r.line("encoder.prependViewOfPositioned", Report.hex(enc.toByteArray()));
    });
    ByteBuffer direct = ByteBuffer.allocateDirect(6);
    direct.put(Report.unhex("a0a1a2a3a4a5")).flip();
    r.line("copy.direct", Report.hex(Tlv.copy(direct, 0, 6)));
    r.line("copy.empty", "[" + Report.hex(Tlv.copy(sliced, 7, 0)) + "]");
    ByteBuffer v = Tlv.view(sliced, 2, 3);
    r.line("view", Report.hex(v) + " pos=" + v.position() + " limit=" + v.limit() + " cap=" + v.capacity()
        + " readOnly=" + v.isReadOnly() + " src.pos=" + sliced.position() + " src.limit=" + sliced.limit());
    ByteBuffer vv = Tlv.view(v, 1, 2);
    r.line("view.view", Report.hex(vv) + " readOnly=" + vv.isReadOnly());
    arr[6] = 0x7a; // views share memory
    r.line("view.shared", Report.hex(v) + " " + Report.hex(vv));
  }

  private static void typeTable(Report r) {
    r.section("types.name");
    for (int t = 0; t <= 0x400; t++) {
      String n = TlvTypes.name(t);
      if (!n.startsWith("TLV-TYPE ")) {
        r.line(Integer.toString(t), n);
      }
    }
    r.line("4294967295", TlvTypes.name(0xffffffffL));
    r.line("99999", TlvTypes.name(99999));
    r.section("types.isCritical");
    long[] ts = {0, 1, 5, 31, 32, 33, 0x80, 0x81, 0x0320, 0x0321, 0xfd00, 0xffffffffL, 0xfffffffeL};
    for (long t : ts) {
      r.line(Long.toString(t), TlvTypes.isCritical(t));
    }
    r.section("types.isLpIgnorable");
    long[] lp = {799, 800, 801, 803, 804, 852, 853, 956, 959, 960, 0x0320, 0x0348, 0x034c};
    for (long t : lp) {
      r.line(Long.toString(t), TlvTypes.isLpIgnorable(t));
    }
  }

  private static void rules(Report r) {
    r.section("rules");
    TlvRules interest = TlvRules.of("Interest", TlvTypes.NAME, TlvTypes.CAN_BE_PREFIX, TlvTypes.MUST_BE_FRESH,
        TlvTypes.FORWARDING_HINT, TlvTypes.NONCE, TlvTypes.INTEREST_LIFETIME, TlvTypes.HOP_LIMIT,
        TlvTypes.APPLICATION_PARAMETERS);
    TlvRules lp = TlvRules.of("LpPacket", TlvTypes.LP_PIT_TOKEN, TlvTypes.LP_NACK, TlvTypes.LP_FRAGMENT)
        .lpHeaderRules();
    TlvRules rep = TlvRules.of("KeyLocator", TlvTypes.NAME, TlvTypes.KEY_DIGEST).repeatable(TlvTypes.NAME);
    r.line("element", interest.element() + " " + lp.element() + " " + rep.element());
    // {type, last slot} pairs
    int[][] cases = {{7, 0}, {0x21, 1}, {0x0a, 2}, {0x21, 5}, {0x22, 7}, {0x22, 6}, {0x24, 8}, {7, 1}, {0x80, 3},
        {0x81, 3}, {0x1f, 3}, {0x7e, 8}, {0x0c, 6}};
    for (int[] c : cases) {
      String l = "Interest." + Integer.toHexString(c[0]) + ".after" + c[1];
      r.attempt(l, () -> r.line(l, interest.classify(c[0], c[1], 10 + c[1], 3)));
    }
    int[][] lpCases = {{0x62, 0}, {0x0320, 1}, {0x50, 2}, {0x0354, 1}, {0x0355, 1}, {0x62, 2}, {0x0320, 3}, {0x81, 0},
        {0x80, 0}};
    for (int[] c : lpCases) {
      String l = "LpPacket." + Integer.toHexString(c[0]) + ".after" + c[1];
      r.attempt(l, () -> r.line(l, lp.classify(c[0], c[1], 7, 0)));
    }
    int[][] repCases = {{7, 0}, {7, 1}, {0x1d, 1}, {0x1d, 2}, {7, 2}};
    for (int[] c : repCases) {
      String l = "KeyLocator." + Integer.toHexString(c[0]) + ".after" + c[1];
      r.attempt(l, () -> r.line(l, rep.classify(c[0], c[1], 0, 0)));
    }
  }

  private static void encoder(Report r) {
    r.section("encoder");
    long[] vars = {0, 252, 253, 0xffff, 0x10000, 0xffffffffL, 0x100000000L, -1};
    for (long v : vars) {
      TlvEncoder e = new TlvEncoder(4);
      e.prependVarNumber(v);
      r.line("varNumber." + Long.toUnsignedString(v), Report.hex(e.toByteArray()));
    }
    long[] nnis = {0, 255, 256, 0xffff, 0x10000, 0xffffffffL, 0x100000000L, Long.MAX_VALUE, -1};
    for (long v : nnis) {
      TlvEncoder e = new TlvEncoder();
      int n = e.prependNonNegativeInteger(v);
      r.line("nni." + Long.toUnsignedString(v), n + " " + Report.hex(e.toByteArray()));
    }
    TlvEncoder e = new TlvEncoder(1);
    e.prependEmptyTlv(TlvTypes.CAN_BE_PREFIX);
    e.prependNonNegativeIntegerTlv(TlvTypes.INTEREST_LIFETIME, 4000);
    e.prependBytesTlv(0xffffffff, new byte[] {1, 2});
    byte[] big = new byte[300];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 7);
    }
    e.prependBytesTlv(TlvTypes.CONTENT, big);
    int mark = e.size();
    byte[] arr = Report.unhex("ffff0102030405ffff");
    e.prependBytes(ByteBuffer.wrap(arr, 2, 5).slice());
    e.prependBytes(ByteBuffer.wrap(arr).asReadOnlyBuffer(), 1, 3);
    ByteBuffer direct = ByteBuffer.allocateDirect(3);
    direct.put(new byte[] {9, 8, 7}).flip();
    e.prependBytes(direct, 0, 3);
    e.prependHeader(0x0320, e.size() - mark);
    r.line("mixed.size", e.size());
    byte[] copy = e.toByteArray();
    ByteBuffer out = e.toBuffer();
    r.line("mixed.hex", Report.hex(out));
    r.line("mixed.sameAsArray", Report.hex(copy).equals(Report.hex(out)));
    r.line("mixed.buffer", "pos=" + out.position() + " limit=" + out.limit());
  }

  private static void hex(Report r) {
    r.section("hex");
    r.line("encode", Hex.encode(Report.unhex("00ff10abcdef")));
    ByteBuffer b = ByteBuffer.wrap(Report.unhex("0011223344"));
    b.position(2);
    r.line("encode.buffer", Hex.encode(b) + " pos=" + b.position());
    StringBuilder sb = new StringBuilder("x");
    Hex.append(sb, b, 1, 3);
    r.line("append", sb.toString());
    String[] in = {"00ff", "00 FF\n\tAb", "0", "zz", "", "0g"};
    for (String s : in) {
      byte[] d = Hex.decode(s);
      r.line("decode[" + s.replace('\n', 'N').replace('\t', 'T') + "]", d == null ? "null" : Report.hex(d));
    }
  }

  private static void sha256(Report r) {
    r.section("sha256");
    r.line("empty", Report.hex(Sha256.digest(new byte[0])));
    r.line("abc", Report.hex(Sha256.digest(ascii("abc"))));
    r.line("448bits", Report.hex(Sha256.digest(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))));
    int[] lens = {55, 56, 57, 63, 64, 65, 119, 120, 128, 1000};
    for (int n : lens) {
      byte[] m = new byte[n];
      for (int i = 0; i < n; i++) {
        m[i] = (byte) (i * 31 + 7);
      }
      r.line("len" + n, Report.hex(Sha256.digest(m)));
    }
    Sha256 h = new Sha256();
    byte[] chunk = new byte[1000];
    for (int i = 0; i < chunk.length; i++) {
      chunk[i] = 'a';
    }
    for (int i = 0; i < 1000; i++) {
      h.update(chunk, 0, chunk.length);
    }
    r.line("million-a", Report.hex(h.digest()));
    r.line("after-reset-abc", Report.hex(h.update(ascii("abc"), 0, 3).digest()));
    ByteBuffer bb = padded("616263");
    r.line("buffer-abc", Report.hex(Sha256.digest(bb, PAD, 3)));
    ByteBuffer ro = bb.asReadOnlyBuffer();
    Sha256 split = new Sha256();
    split.update(ro, PAD, 1).update(ascii("xbc"), 1, 2);
    r.line("split-abc", Report.hex(split.digest()));
  }

  static byte[] ascii(String s) {
    byte[] b = new byte[s.length()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) s.charAt(i);
    }
    return b;
  }

  private static String label(String hex) {
    return hex.isEmpty() ? "(empty)" : hex;
  }
}
