package com.tobacco.cmw.salesimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A column of an import file: its Chinese header (traditional; the simplified form and English
 * names are accepted as aliases), the English name used in messages, whether it must be filled
 * and its longest value.
 */
public record Column(String zh, String en, boolean required, int maxLength, List<String> aliases) {

  public static Column required(String zh, String en, int maxLength, String... aliases) {
    return new Column(zh, en, true, maxLength, List.of(aliases));
  }

  public static Column optional(String zh, String en, int maxLength, String... aliases) {
    return new Column(zh, en, false, maxLength, List.of(aliases));
  }

  /** Every header text that names this column, normalised. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    names.add(normalise(zh));
    names.add(normalise(en));
    aliases.forEach(a -> names.add(normalise(a)));
    return names;
  }

  /** Case, spaces, underscores, full-width brackets and a byte order mark do not matter in a header. */
  static String normalise(String header) {
    if (header == null) {
      return "";
    }
    return header.replace("\uFEFF", "").replace('(', '(').replace(')', ')')
        .replaceAll("[\\s_]+", "").toLowerCase(Locale.ROOT);
  }
}
