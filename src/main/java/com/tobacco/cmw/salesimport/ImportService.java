package com.tobacco.cmw.salesimport;

import com.tobacco.cmw.customer.LicenceNumbers;
import com.tobacco.cmw.salesimport.ImportReport.Reject;
import com.tobacco.cmw.salesimport.ImportReport.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one file: detects format and encoding, streams the rows, checks each row, writes the
 * valid ones in JDBC batches to the staging table, checks the staged rows together in SQL and
 * merges them, all in one transaction. A file with rejected rows imports nothing unless
 * {@code partial} is set. Every import is logged ({@link ImportLog}), also a refused one.
 * Imports run one at a time.
 */
@Service
public class ImportService {

  private static final Logger log = LoggerFactory.getLogger(ImportService.class);

  static final String EMPTY_UPLOAD = "上傳的文件是空的(0 字節)/ the uploaded file is empty (0 bytes)";
  static final String NO_HEADER = "文件中沒有表頭(第 1 行)/ the file has no header row";
  static final String NO_ROWS = "文件中沒有數據行,只有表頭 / the file has no data rows below the header";
  static final String BUSY = "另一個導入正在進行,請稍後再試 / another import is running, try again later";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ImportLog importLog;
  private final LicenceNumbers licences;
  private final ReentrantLock oneAtATime = new ReentrantLock();
  private final int batchSize;
  private final int maxReportedRejects;
  private final BigDecimal amountTolerance;
  private final ZoneId zone;

  public ImportService(JdbcTemplate jdbc, TransactionTemplate tx, ImportLog importLog, LicenceNumbers licences,
                       @Value("${cmw.import.batch-size:5000}") int batchSize,
                       @Value("${cmw.import.max-reported-rejects:1000}") int maxReportedRejects,
                       @Value("${cmw.import.amount-tolerance:0.20}") BigDecimal amountTolerance,
                       @Value("${cmw.timezone:Asia/Shanghai}") String zone) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.importLog = importLog;
    this.licences = licences;
    this.batchSize = batchSize;
    this.maxReportedRejects = maxReportedRejects;
    this.amountTolerance = amountTolerance;
    this.zone = ZoneId.of(zone);
  }

  /**
   * Imports {@code file}; {@code fileName} is the name the user gave it (it decides CSV or
   * Excel). File-level problems throw {@link ImportRefused}; row problems are in the report.
   */
  public ImportReport importFile(ImportKind kind, Path file, String fileName, boolean partial, String user) {
    if (!oneAtATime.tryLock()) {
      throw new ImportRefused(HttpStatus.CONFLICT, BUSY);
    }
    try {
      long id = importLog.start(kind, fileName, user, partial);
      FileFormat format = null;
      String encoding = null;
      try {
        if (size(file) == 0) {
          throw ImportRefused.badRequest(EMPTY_UPLOAD);
        }
        format = FileFormat.detect(fileName, file);
        TextEncoding text = format == FileFormat.CSV ? TextEncoding.detect(file) : null;
        encoding = text == null ? null : text.label();
        RowReader reader = format == FileFormat.CSV ? new CsvRows(text) : new XlsxRows();
        long started = System.nanoTime();
        ImportReport report = tx.execute(status -> {
          Run run = new Run(target(kind, id), partial, user);
          ImportReport r = run.execute(reader, file);
          if (r.status() == Status.REJECTED) {
            status.setRollbackOnly();
          }
          return r;
        });
        report = new ImportReport(id, kind, fileName, format, encoding, partial, report.status(), report.read(),
            report.imported(), report.replaced(), report.rejected(), report.rejects(), report.rejectsTruncated(),
            report.message());
        importLog.finish(id, format, encoding, report.status().name(), report.read(), report.imported(), report.replaced(),
            report.rejected(), report.message());
        log.info("Import #{} {} '{}' by {}: {} read, {} imported ({} replaced), {} rejected, {} in {} ms", id, kind, fileName,
            user, report.read(), report.imported(), report.replaced(), report.rejected(), report.status(),
            (System.nanoTime() - started) / 1_000_000);
        return report;
      } catch (ImportRefused e) {
        importLog.finish(id, format, encoding, "REFUSED", 0, 0, 0, 0, e.getMessage());
        throw e;
      } catch (RuntimeException e) {
        importLog.finish(id, format, encoding, "FAILED", 0, 0, 0, 0, String.valueOf(e.getMessage()));
        throw e;
      }
    } finally {
      oneAtATime.unlock();
    }
  }

  private ImportTarget target(ImportKind kind, long importId) {
    return switch (kind) {
      case SALES -> new SalesImport(jdbc, importId, amountTolerance, LocalDate.now(zone));
      case CUSTOMERS -> new CustomerImport(jdbc, importId, licences);
      case BRANDS -> new BrandImport(jdbc, importId);
    };
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One run inside the transaction: streamed rows, batches, staged checks, merge. */
  private final class Run {
    private final ImportTarget target;
    private final boolean partial;
    private final String user;
    private final List<Object[]> batch = new ArrayList<>();
    /** The reported rejects, lowest rows first, at most maxReportedRejects. */
    private final TreeMap<Long, String> rejects = new TreeMap<>();
    private Header header;
    private long read;
    private long rejected;
    private boolean truncated;

    Run(ImportTarget target, boolean partial, String user) {
      this.target = target;
      this.partial = partial;
      this.user = user;
    }

    private long phaseStart = System.nanoTime();

    /** Time of each phase at debug level, to see where a large import spends it. */
    private void phase(String name) {
      long now = System.nanoTime();
      log.debug("import phase {}: {} ms", name, (now - phaseStart) / 1_000_000);
      phaseStart = now;
    }

    ImportReport execute(RowReader reader, Path file) {
      reader.read(file, this::row);
      flush();
      phase("read, check and write " + read + " rows");
      if (header == null) {
        throw ImportRefused.badRequest(NO_HEADER);
      }
      if (read == 0) {
        throw ImportRefused.badRequest(NO_ROWS);
      }
      // a row can fail several checks; it is one rejected row
      Set<Long> checkRejects = new LinkedHashSet<>();
      target.checkWritten((row, reason) -> {
        if (checkRejects.add(row)) {
          reject(row, reason);
        } else {
          rejects.computeIfPresent(row, (r, before) -> before + "; " + reason);
        }
      });
      phase("checks");
      if (rejected > 0 && !partial) {
        return report(Status.REJECTED, 0, 0, "文件有 " + rejected + " 行錯誤,未導入任何數據;可改正後重新導入,或選擇部分導入 / "
            + rejected + " rows have errors, nothing was imported; correct them or import with partial=true");
      }
      ImportTarget.Merged merged = target.merge(user, checkRejects);
      phase("merge");
      Status status = rejected > 0 ? Status.PARTIAL : Status.IMPORTED;
      return report(status, merged.imported(), merged.replaced(), status == Status.PARTIAL
          ? "已導入 " + merged.imported() + " 行,拒絕 " + rejected + " 行 / imported " + merged.imported() + " rows, rejected " + rejected
          : "已導入 " + merged.imported() + " 行 / imported " + merged.imported() + " rows");
    }

    private void row(long rowNumber, List<String> cells) {
      if (header == null) {
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
          return;
        }
        header = Header.of(cells, target.columns());
        return;
      }
      if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
        return;
      }
      read++;
      List<String> reasons = new ArrayList<>(2);
      Object[] staged = target.validate(rowNumber, new Values(cells, header, reasons));
      if (staged == null) {
        reject(rowNumber, String.join("; ", reasons));
        return;
      }
      batch.add(staged);
      if (batch.size() >= batchSize) {
        flush();
      }
    }

    private void flush() {
      if (!batch.isEmpty()) {
        target.write(batch, this::reject);
        batch.clear();
      }
    }

    private void reject(long row, String reason) {
      rejected++;
      rejects.merge(row, reason, (a, b) -> a + "; " + b);
      if (rejects.size() > maxReportedRejects) {
        rejects.pollLastEntry();
        truncated = true;
      }
    }

    private ImportReport report(Status status, long imported, long replaced, String message) {
      List<Reject> list = new ArrayList<>(rejects.size());
      for (Map.Entry<Long, String> e : rejects.entrySet()) {
        list.add(new Reject(e.getKey(), e.getValue()));
      }
      return new ImportReport(0, null, null, null, null, partial, status, read, imported, replaced, rejected, list,
          truncated, message);
    }
  }
}
