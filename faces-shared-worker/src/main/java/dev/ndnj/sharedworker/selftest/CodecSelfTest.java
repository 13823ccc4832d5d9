package dev.ndnj.sharedworker.selftest;

/**
 * A deterministic report of what the codec ({@code dev.ndnj.tlv}) does with a fixed set of inputs: TLV primitives
 * on edge cases, the TLV-TYPE table and evolvability rules, the encoder, SHA-256 test vectors, name components and
 * NDN URIs, and Interest, Data and LpPacket packets decoded, read field by field, re-encoded (wire, builders,
 * {@code withHopLimit}) and digested, plus malformed inputs, every truncation and one-octet corruption of a few
 * packets, and the {@code TlvException} message each one gives.
 *
 * <p>Plain Java with no JSO, so it runs unchanged on the JVM and, compiled by TeaVM into
 * {@code target/teavm/codec-selftest.js}, in JavaScript. {@code CodecSelfTestJsTest} requires the two reports to be
 * equal line by line: that proves the codec compiles under TeaVM and gives the same bytes in the browser.
 */
public final class CodecSelfTest {
  private CodecSelfTest() {}

  /**
   * Builds the report: one {@code section.label: value} line per result, each ending with a newline, the last one
   * {@code end.lines: <number of lines before it>}. Never throws: an exception escaping a section is reported as
   * that section's last line.
   */
  public static String run() {
    Report r = new Report();
    section(r, "primitives", () -> PrimitiveChecks.run(r));
    section(r, "names", () -> NameChecks.run(r));
    section(r, "dissect", () -> Dissect.run(r));
    section(r, "packets", () -> PacketChecks.run(r));
    r.section("end");
    r.line("lines", r.lineCount());
    return r.toString();
  }

  private static void section(Report r, String name, Runnable body) {
    try {
      body.run();
    } catch (RuntimeException e) {
      r.section(name);
      r.line("aborted", Report.describe(e));
    }
  }
}
