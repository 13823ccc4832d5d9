package dev.ndnj.forwarder.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A text table for the tools' human output: a header row, columns padded to their widest cell. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  /** A table with these column headers. */
  Table(String... headers) {
    columns = headers.length;
    rows.add(headers);
  }

  /** Adds a row; cells beyond the headers are dropped, missing ones are empty. */
  Table row(Object... cells) {
    String[] r = new String[columns];
    for (int i = 0; i < columns; i++) {
      r[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
    }
    rows.add(r);
    return this;
  }

  /** Number of rows without the header. */
  int size() {
    return rows.size() - 1;
  }

  /** Prints the table, each line indented by {@code indent}; trailing spaces are trimmed. */
  void print(PrintWriter out, String indent) {
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        sb.append(r[i]);
        if (i + 1 < columns) {
          sb.append(" ".repeat(width[i] - r[i].length() + 2));
        }
      }
      int end = sb.length();
      while (end > 0 && sb.charAt(end - 1) == ' ') {
        end--;
      }
      out.println(sb.substring(0, end));
    }
  }
}
