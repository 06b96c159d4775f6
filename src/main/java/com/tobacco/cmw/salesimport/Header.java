package com.tobacco.cmw.salesimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each column is in a file, from its first row; unknown columns are ignored. */
final class Header {

  private final Map<Column, Integer> index = new HashMap<>();

  private Header() {}

  /** The header of a file with these columns; a required column missing refuses the file. */
  static Header of(List<String> cells, List<Column> columns) {
    Header header = new Header();
    List<String> normalised = cells.stream().map(Column::normalise).toList();
    List<String> missing = new ArrayList<>();
    for (Column c : columns) {
      int found = -1;
      for (int i = 0; i < normalised.size() && found < 0; i++) {
        if (c.names().contains(normalised.get(i))) {
          found = i;
        }
      }
      if (found >= 0) {
        header.index.put(c, found);
      } else if (c.required()) {
        missing.add(c.zh());
      }
    }
    if (!missing.isEmpty()) {
      throw ImportRefused.badRequest("第 1 行(表頭)缺少必需的列:" + String.join("、", missing)
          + " / the header (row 1) lacks required columns: " + String.join(", ", missing.stream()
              .map(m -> columns.stream().filter(c -> c.zh().equals(m)).findFirst().orElseThrow().en()).toList()));
    }
    return header;
  }

  boolean has(Column c) {
    return index.containsKey(c);
  }

  /** The stripped value of the column in a row; empty when the column or cell is absent. */
  String value(List<String> cells, Column c) {
    Integer i = index.get(c);
    if (i == null || i >= cells.size() || cells.get(i) == null) {
      return "";
    }
    return cells.get(i).strip();
  }
}
