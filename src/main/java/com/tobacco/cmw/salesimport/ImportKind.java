package com.tobacco.cmw.salesimport;

import java.util.Locale;
import java.util.Optional;

/** What a file holds; the path segment of {@code POST /api/imports/{kind}}. */
public enum ImportKind {
  BRANDS("brands", "品牌目錄"),
  CUSTOMERS("customers", "零售客戶"),
  SALES("sales", "銷售明細");

  private final String path;
  private final String chinese;

  ImportKind(String path, String chinese) {
    this.path = path;
    this.chinese = chinese;
  }

  public String path() {
    return path;
  }

  public String chinese() {
    return chinese;
  }

  public static Optional<ImportKind> ofPath(String path) {
    String p = path == null ? "" : path.strip().toLowerCase(Locale.ROOT);
    for (ImportKind k : values()) {
      if (k.path.equals(p)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
