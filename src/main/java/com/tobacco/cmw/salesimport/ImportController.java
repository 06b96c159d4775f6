package com.tobacco.cmw.salesimport;

import com.tobacco.cmw.security.AccessDeniedException;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/imports/{brands|customers|sales}} (multipart field {@code file}, optional
 * {@code partial=true}) for 卷煙經營部 and administrators; {@code GET /api/imports}, the log, also
 * for auditors. 200 with the report when imported, 422 with the report when rows were rejected
 * and nothing imported; file-level problems 400/415 with a message ({@link ImportErrors}).
 */
@RestController
@RequestMapping("/api/imports")
public class ImportController {

  static final List<String> IMPORTERS = List.of(Roles.SALES_OPERATIONS, Roles.ADMIN);
  static final int MAX_LOG_PAGE = 500;

  private final ImportService imports;
  private final ImportLog importLog;
  private final CurrentUser currentUser;

  public ImportController(ImportService imports, ImportLog importLog, CurrentUser currentUser) {
    this.imports = imports;
    this.importLog = importLog;
    this.currentUser = currentUser;
  }

  @PostMapping("/{kind}")
  public ResponseEntity<ImportReport> upload(@PathVariable String kind,
                                             @RequestParam(name = "file", required = false) MultipartFile file,
                                             @RequestParam(name = "partial", defaultValue = "false") boolean partial) {
    String user = currentUser.requireUserId();
    if (currentUser.groups().stream().noneMatch(IMPORTERS::contains)) {
      throw new AccessDeniedException("用戶 " + user + " 無權導入數據:只有卷煙經營部和系統管理員可以導入 / "
          + "only sales-operations and administrators may import data");
    }
    ImportKind importKind = ImportKind.ofPath(kind).orElseThrow(() -> new NoSuchElementException(
        "沒有「" + kind + "」這種導入,可用:brands、customers、sales / no import '" + kind + "', use brands, customers or sales"));
    if (file == null) {
      throw ImportRefused.badRequest(ImportErrors.NO_FILE);
    }
    String name = baseName(file.getOriginalFilename());
    Path temp = null;
    try {
      temp = Files.createTempFile("cmw-import-", ".upload");
      file.transferTo(temp);
      ImportReport report = imports.importFile(importKind, temp, name, partial, user);
      HttpStatus status = report.status() == ImportReport.Status.REJECTED ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK;
      return ResponseEntity.status(status).body(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary folder is cleaned by the system
        }
      }
    }
  }

  @GetMapping
  public List<ImportLog.Entry> log(@RequestParam(defaultValue = "50") int limit) {
    String user = currentUser.requireUserId();
    if (currentUser.groups().stream().noneMatch(g -> IMPORTERS.contains(g) || g.equals(Roles.AUDITORS))) {
      throw new AccessDeniedException("用戶 " + user + " 無權查看導入記錄 / not allowed to read the import log");
    }
    if (limit < 1 || limit > MAX_LOG_PAGE) {
      throw new IllegalArgumentException("limit 應為 1–" + MAX_LOG_PAGE + " / limit 1–" + MAX_LOG_PAGE + " expected");
    }
    return importLog.recent(limit);
  }

  /** The file's own name, without any folder a browser may send with it. */
  static String baseName(String original) {
    if (original == null || original.isBlank()) {
      return "";
    }
    String s = original.replace('\\', '/');
    return s.substring(s.lastIndexOf('/') + 1).strip();
  }
}
