package dev.ndnj.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.TlvException;

/**
 * ndnj's codec against NDNts (yoursunny's JavaScript NDN library), over generated corpora of Interests, Data and
 * NDNLPv2 LpPackets, in both directions. Needs Node.js 20+ and npm on the PATH; NDNts comes from
 * {@code interop/ndnts/package-lock.json} ({@code npm ci} runs when {@code node_modules} is missing or stale).
 * Corpora and logs are left in {@code target/interop/}.
 *
 * <p>Run alone: {@code mvn -pl interop -am verify -Dtest=NdntsCorpusTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NdntsCorpusTest {
  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);
  private static final long NDNJ_SEED = 20251121L;

  private NodeProject ndnts;
  private Path work;

  @BeforeAll
  void installNdnts() throws IOException, InterruptedException {
    Path basedir = NodeProject.basedir();
    work = basedir.resolve("target/interop");
    ndnts = NodeProject.ready(basedir);
  }

  @Test
  void ndnjDecodesEveryPacketNdntsEncodesToTheSameFields() throws IOException, InterruptedException {
    Path file = work.resolve("ndnts-corpus.json");
    NodeProject.Result gen = ndnts.node(SCRIPT_TIMEOUT, "gen-corpus.mjs", file.toString());
    assertTrue(gen.ok(), gen::describe);
    List<Corpus.Entry> corpus = Corpus.read(file);
    assertTrue(corpus.size() >= 300, "NDNts corpus too small: " + corpus.size());

    List<String> report = new ArrayList<>();
    int failed = 0;
    int rebuilt = 0;
    for (int i = 0; i < corpus.size(); i++) {
      Check c = new Check(corpus.get(i));
      c.run();
      rebuilt += c.rebuilt ? 1 : 0;
      if (!c.problems.isEmpty()) {
        failed++;
        report.add("#" + i + " " + c.entry.kind() + (c.entry.note() == null ? "" : " (" + c.entry.note() + ")")
            + " " + c.entry.hexPreview());
        for (String p : c.problems) {
          report.add("  " + p);
        }
      }
    }
    System.out.printf("ndnj read the NDNts corpus (%d packets): %d agree, %d differ; %d re-encoded by ndnj's "
        + "builders and compared byte for byte%n", corpus.size(), corpus.size() - failed, failed, rebuilt);
    int failedPackets = failed;
    assertEquals(0, failedPackets, () -> failedPackets + " of " + corpus.size()
        + " NDNts packets read differently by ndnj (expected = NDNts, ndnj = ndnj; corpus in " + file + "):\n"
        + String.join("\n", report));
  }

  @Test
  void ndntsDecodesEveryPacketNdnjEncodesToTheSameFields() throws IOException, InterruptedException {
    List<Corpus.Entry> corpus = new NdnjCorpusGenerator(NDNJ_SEED).generate(160, 130, 110);
    assertTrue(corpus.size() >= 300, "ndnj corpus too small: " + corpus.size());

    // ndnj must first read its own packets back as built
    List<String> self = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      Corpus.Entry e = corpus.get(i);
      try {
        Map<String, Object> mine = NdnjFields.describe(e.kind(), e.wire());
        for (NdnjFields.Mismatch m : NdnjFields.compare(e.kind(), e.fields(), mine, contentOf(e))) {
          self.add("#" + i + " " + m.field() + " built=" + show(m.expected()) + " decoded=" + show(m.actual()));
        }
      } catch (TlvException ex) {
        self.add("#" + i + " ndnj rejects its own " + e.kind() + ": " + ex.getMessage() + " " + e.hexPreview());
      }
    }

    Path file = work.resolve("ndnj-corpus.json");
    Corpus.write(file, corpus);
    NodeProject.Result check = ndnts.node(SCRIPT_TIMEOUT, "check-corpus.mjs", file.toString());
    String summary = lastLine(check.output());
    System.out.printf("NDNts read the ndnj corpus (%d packets): %s%n", corpus.size(), summary);
    assertTrue(self.isEmpty() && check.ok(), () -> (self.isEmpty() ? ""
        : self.size() + " fields of ndnj's own packets decode differently than built:\n" + String.join("\n", self)
            + "\n\n")
        + "NDNts on the ndnj corpus " + file + " (expected = ndnj, ndnts = NDNts):\n" + check.describe());
  }

  /** All checks of one NDNts-encoded packet against ndnj; problems are collected, never thrown. */
  private static final class Check {
    final Corpus.Entry entry;
    final List<String> problems = new ArrayList<>();
    boolean rebuilt;

    Check(Corpus.Entry entry) {
      this.entry = entry;
    }

    void run() {
      ByteBuffer wire = ByteBuffer.wrap(entry.wire()).asReadOnlyBuffer();
      Map<String, Object> mine;
      ByteBuffer again;
      Name name = null;
      byte[] content = null;
      byte[] rebuiltWire = null;
      try {
        switch (entry.kind()) {
          case "interest": {
            Interest interest = Interest.decode(wire);
            mine = NdnjFields.describe(interest);
            again = interest.wire();
            name = interest.name();
            rebuiltWire = rebuild(interest);
            break;
          }
          case "data": {
            Data data = Data.decode(wire);
            mine = NdnjFields.describe(data, NdnjFields.LARGE_CONTENT);
            again = data.wire();
            name = data.name();
            content = NdnjFields.bytes(data.content());
            // with both, NDNts writes SignatureTime before ValidityPeriod; ndnj decodes either order (as ndn-cxx)
            // and writes the grammar's order, so no byte comparison for those
            boolean bothOrders = data.signatureInfo().notBefore() != null && data.signatureInfo().time() >= 0;
            rebuiltWire = bothOrders ? null : rebuild(data);
            break;
          }
          case "lp": {
            LpPacket lp = LpPacket.decode(wire);
            mine = NdnjFields.describe(lp);
            again = lp.wire();
            // NDNts leaves out FragIndex 0 of a fragmented packet; ndnj (like NFD) writes it, so no byte comparison
            boolean canonical = entry.note() == null && !(lp.fragIndex() == 0 && lp.fragCount() > 1);
            rebuiltWire = canonical ? rebuild(lp) : null;
            break;
          }
          default:
            problems.add("unknown kind " + entry.kind());
            return;
        }
      } catch (TlvException | IllegalArgumentException | IllegalStateException e) {
        problems.add("decode: NDNts accepts it, ndnj throws " + e);
        return;
      }
      for (NdnjFields.Mismatch m : NdnjFields.compare(entry.kind(), entry.fields(), mine, content)) {
        problems.add("MISMATCH " + m.field() + " expected=" + show(m.expected()) + " ndnj=" + show(m.actual()));
      }
      if (!Arrays.equals(NdnjFields.bytes(again), entry.wire())) {
        problems.add("wire(): not the octets decoded");
      }
      if (name != null) {
        checkUriParses(name);
      }
      if (rebuiltWire != null) {
        rebuilt = true;
        int at = firstDifference(rebuiltWire, entry.wire());
        if (at >= 0) {
          problems.add("rebuild: ndnj's builder encodes the decoded fields differently from offset " + at
              + ": " + Hex.encode(rebuiltWire));
        }
      }
    }

    /** ndnj parses the NDNts URI to the name on the wire (unless the URI cannot show the encoding). */
    private void checkUriParses(Name name) {
      Object uri = entry.fields().get("name");
      if (!(uri instanceof String) || !NdnjFields.uriRoundTrips(name)) {
        return;
      }
      try {
        Name parsed = Name.parse((String) uri);
        if (!parsed.equals(name)) {
          problems.add("name(parsed): Name.parse(\"" + uri + "\") gives " + Hex.encode(parsed.wire()) + ", wire has "
              + Hex.encode(name.wire()));
        }
      } catch (IllegalArgumentException e) {
        problems.add("name(parsed): Name.parse(\"" + uri + "\") throws " + e.getMessage());
      }
    }

    private byte[] rebuild(Interest i) {
      try {
        Interest.Builder b = Interest.builder(i.name()).canBePrefix(i.canBePrefix()).mustBeFresh(i.mustBeFresh());
        if (!i.forwardingHint().isEmpty()) {
          b.forwardingHint(i.forwardingHint());
        }
        if (i.hasNonce()) {
          b.nonce(i.nonce());
        }
        if (i.lifetime() != Interest.DEFAULT_LIFETIME) {
          b.lifetime(i.lifetime());
        }
        if (i.hasHopLimit()) {
          b.hopLimit(i.hopLimit());
        }
        if (i.hasApplicationParameters()) {
          b.applicationParameters(NdnjFields.bytes(i.applicationParameters()));
        }
        if (i.signatureInfo() != null) {
          b.signatureInfo(i.signatureInfo()).signatureValue(NdnjFields.bytes(i.signatureValue()));
        }
        return NdnjFields.bytes(b.build().wire());
      } catch (RuntimeException e) {
        problems.add("rebuild: ndnj's Interest builder throws " + e);
        return null;
      }
    }

    private byte[] rebuild(Data d) {
      try {
        Data.Builder b = Data.builder(d.name());
        if (d.contentType() != 0) {
          b.contentType(d.contentType());
        }
        if (d.freshnessPeriod() != 0) {
          b.freshnessPeriod(d.freshnessPeriod());
        }
        if (d.finalBlockId() != null) {
          b.finalBlockId(d.finalBlockId());
        }
        if (d.hasContent()) {
          b.content(d.content());
        }
        return NdnjFields.bytes(b.build(d.signatureInfo(), NdnjFields.bytes(d.signatureValue())).wire());
      } catch (RuntimeException e) {
        problems.add("rebuild: ndnj's Data builder throws " + e);
        return null;
      }
    }

    private byte[] rebuild(LpPacket p) {
      try {
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
        b.congestionMark(p.congestionMark());
        if (p.hasFragment()) {
          b.fragment(p.fragment());
        }
        return NdnjFields.bytes(b.build().wire());
      } catch (RuntimeException e) {
        problems.add("rebuild: ndnj's LpPacket builder throws " + e);
        return null;
      }
    }
  }

  private static byte[] contentOf(Corpus.Entry e) {
    if (!e.kind().equals("data")) {
      return null;
    }
    try {
      return NdnjFields.bytes(Data.decode(ByteBuffer.wrap(e.wire())).content());
    } catch (TlvException ex) {
      return null;
    }
  }

  private static int firstDifference(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      if (a[i] != b[i]) {
        return i;
      }
    }
    return a.length == b.length ? -1 : n;
  }

  private static String show(Object v) {
    if (v == null) {
      return "<absent>";
    }
    String s = v instanceof String ? (String) v : Json.write(v);
    return s.length() > 160 ? s.substring(0, 96) + "...(" + s.length() + " chars)" : s;
  }

  private static String lastLine(String text) {
    String t = text.strip();
    int nl = t.lastIndexOf('\n');
    return nl < 0 ? t : t.substring(nl + 1);
  }
}
