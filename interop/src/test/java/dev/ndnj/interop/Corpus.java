package dev.ndnj.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ndnj.tlv.Hex;

/**
 * A packet corpus in the schema of {@code interop/ndnts/README.md}: a JSON array of
 * {@code {"kind", "hex", "fields"}} entries, read from and written to files shared with the NDNts scripts.
 */
final class Corpus {
  /**
   * One packet: its kind ({@code interest}, {@code data}, {@code lp}), its whole TLV, its described fields, and
   * an optional note (set by the NDNts generator on packets it built by hand rather than with NDNts' encoder).
   */
  record Entry(String kind, byte[] wire, Map<String, Object> fields, String note) {
    Entry(String kind, byte[] wire, Map<String, Object> fields) {
      this(kind, wire, fields, null);
    }

    String hexPreview() {
      String h = Hex.encode(wire);
      return h.length() <= 200 ? h : h.substring(0, 160) + "...(" + wire.length + " octets)";
    }
  }

  private Corpus() {
  }

  /** Reads a corpus file. */
  @SuppressWarnings("unchecked")
  static List<Entry> read(Path file) throws IOException {
    Object root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    if (!(root instanceof List<?> list)) {
      throw new IllegalArgumentException(file + ": the corpus is not a JSON array");
    }
    List<Entry> out = new ArrayList<>(list.size());
    for (Object o : list) {
      Map<String, Object> m = (Map<String, Object>) o;
      byte[] wire = Hex.decode((String) m.get("hex"));
      if (wire == null) {
        throw new IllegalArgumentException(file + ": entry " + out.size() + " has bad hex");
      }
      out.add(new Entry((String) m.get("kind"), wire, (Map<String, Object>) m.get("fields"), (String) m.get("note")));
    }
    return out;
  }

  /** Writes a corpus file, one entry per line. */
  static void write(Path file, List<Entry> entries) throws IOException {
    StringBuilder sb = new StringBuilder("[\n");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", e.kind());
      m.put("hex", Hex.encode(e.wire()));
      m.put("fields", e.fields());
      if (e.note() != null) {
        m.put("note", e.note());
      }
      Json.write(sb, m);
      sb.append(i + 1 < entries.size() ? ",\n" : "\n");
    }
    sb.append("]\n");
    Files.createDirectories(file.getParent());
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }
}
