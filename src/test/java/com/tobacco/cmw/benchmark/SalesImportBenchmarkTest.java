package com.tobacco.cmw.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.salesimport.ImportKind;
import com.tobacco.cmw.salesimport.ImportReport;
import com.tobacco.cmw.salesimport.ImportService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark 3: the sales import. Generates a CSV file of 1,000,000 sales lines in GBK (the
 * demo's 300 customers × 20 brands, one line per customer, brand and day) and imports it through
 * {@link ImportService} as the upload does; then imports the same file again (every line
 * replaced), and a workbook of 100,000 lines. Reports time, rows per second and the heap: the
 * peak of the used heap sampled every 10 ms during each import (garbage included, H2's page
 * cache too, since the database runs in the same JVM) and the JVM's maximum heap.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"demo", "benchmark"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SalesImportBenchmarkTest {

  static final Path DATA = Path.of("target", "benchmark-data");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    BenchmarkSupport.freshDatabase("sales-import", registry);
  }

  @Autowired ImportService imports;
  @Autowired JdbcTemplate jdbc;

  record Measured(ImportReport report, double seconds, long peakHeapMb, long peakAfterGcMb) {
    String row(String label) {
      return String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %.1f | %,.0f | %d | %d |", label, report.read(), report.imported(),
          report.replaced(), seconds, report.read() / seconds, peakHeapMb, peakAfterGcMb);
    }
  }

  @Test
  void importsAMillionSalesLines() throws Exception {
    int lines = BenchmarkSupport.intProperty("benchmark.import.lines", 1_000_000);
    int xlsxLines = BenchmarkSupport.intProperty("benchmark.import.xlsx-lines", 100_000);
    List<String> customers = jdbc.queryForList("SELECT customer_code FROM cm_customer ORDER BY customer_code", String.class);
    List<String> brands = jdbc.queryForList("SELECT brand_code FROM cm_brand ORDER BY brand_code", String.class);
    List<BigDecimal> prices = jdbc.queryForList("SELECT wholesale_price_carton FROM cm_brand ORDER BY brand_code", BigDecimal.class);
    Files.createDirectories(DATA);

    long started = System.nanoTime();
    Path csv = DATA.resolve("sales-" + lines + ".csv");
    writeCsv(csv, lines, customers, brands, prices, LocalDate.of(2023, 1, 2));
    double generated = (System.nanoTime() - started) / 1e9;
    long before = count();

    Measured first = measure(() -> imports.importFile(ImportKind.SALES, csv, csv.getFileName().toString(), false, "benchmark"));
    assertThat(first.report().status()).isEqualTo(ImportReport.Status.IMPORTED);
    assertThat(first.report().imported()).isEqualTo(lines);
    assertThat(count()).isEqualTo(before + lines);

    Measured again = measure(() -> imports.importFile(ImportKind.SALES, csv, csv.getFileName().toString(), false, "benchmark"));
    assertThat(again.report().replaced()).isEqualTo(lines);
    assertThat(count()).isEqualTo(before + lines);

    Path xlsx = DATA.resolve("sales-" + xlsxLines + ".xlsx");
    writeXlsx(xlsx, xlsxLines, customers, brands, prices, LocalDate.of(2022, 1, 3));
    Measured workbook = measure(() -> imports.importFile(ImportKind.SALES, xlsx, xlsx.getFileName().toString(), false, "benchmark"));
    assertThat(workbook.report().imported()).isEqualTo(xlsxLines);
    assertThat(count()).isEqualTo(before + lines + xlsxLines);

    String report = "# Sales import benchmark\n\n"
        + "Run " + BenchmarkSupport.now() + " on " + BenchmarkSupport.machine() + ", load average " + BenchmarkSupport.loadAverage()
        + "; H2 file database; " + customers.size() + " customers, " + brands.size() + " brands; file of " + lines
        + " lines generated in " + String.format(Locale.ROOT, "%.1f", generated) + " s (" + Files.size(csv) / (1024 * 1024) + " MB, GBK).\n\n"
        + "| import | rows read | imported | replaced | seconds | rows/s | peak heap used MB | peak heap after GC MB |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
        + first.row("CSV " + lines + " new lines") + "\n"
        + again.row("same CSV again (all replaced)") + "\n"
        + workbook.row("xlsx " + xlsxLines + " new lines") + "\n";
    BenchmarkSupport.write("sales-import.md", report);
  }

  private long count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_sales_line", Long.class);
  }

  private interface Import {
    ImportReport run() throws Exception;
  }

  /**
   * Runs the import while a thread samples the used heap every 10 ms: as it is (garbage
   * included) and as the last garbage collection left it (the memory really held).
   */
  private static Measured measure(Import work) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    AtomicLong afterGc = new AtomicLong(afterGc());
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        afterGc.accumulateAndGet(afterGc(), Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    long t0 = System.nanoTime();
    ImportReport report = work.run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    sampler.interrupt();
    sampler.join();
    return new Measured(report, seconds, peak.get() / (1024 * 1024), afterGc.get() / (1024 * 1024));
  }

  /** Heap used after the most recent collection of each heap pool, summed. */
  private static long afterGc() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        sum += pool.getCollectionUsage().getUsed();
      }
    }
    return sum;
  }

  /** Lines for consecutive days from {@code firstDay}: every customer orders every brand each day. */
  private static void writeCsv(Path file, int lines, List<String> customers, List<String> brands, List<BigDecimal> prices,
                               LocalDate firstDay) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, Charset.forName("GBK"))) {
      w.write("客戶編碼,訂單日期,品牌編碼,數量(條),金額(元)\r\n");
      int perDay = customers.size() * brands.size();
      for (int i = 0; i < lines; i++) {
        int day = i / perDay;
        int c = (i % perDay) / brands.size();
        int b = i % brands.size();
        int cartons = 1 + (i * 7 + c) % 9;
        w.write(customers.get(c) + "," + firstDay.plusDays(day) + "," + brands.get(b) + "," + cartons + ","
            + prices.get(b).multiply(BigDecimal.valueOf(cartons)).toPlainString() + "\r\n");
      }
    }
  }

  private static void writeXlsx(Path file, int lines, List<String> customers, List<String> brands, List<BigDecimal> prices,
                                LocalDate firstDay) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      Sheet sheet = wb.createSheet("銷售明細");
      CellStyle dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      Row h = sheet.createRow(0);
      String[] header = {"客戶編碼", "訂單日期", "品牌編碼", "數量(條)", "金額(元)"};
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      int perDay = customers.size() * brands.size();
      for (int i = 0; i < lines; i++) {
        int c = (i % perDay) / brands.size();
        int b = i % brands.size();
        int cartons = 1 + (i * 7 + c) % 9;
        Row r = sheet.createRow(i + 1);
        r.createCell(0).setCellValue(customers.get(c));
        var date = r.createCell(1);
        date.setCellValue(firstDay.plusDays(i / perDay));
        date.setCellStyle(dateStyle);
        r.createCell(2).setCellValue(brands.get(b));
        r.createCell(3).setCellValue(cartons);
        r.createCell(4).setCellValue(prices.get(b).multiply(BigDecimal.valueOf(cartons)).doubleValue());
      }
      try (var out = Files.newOutputStream(file)) {
        wb.write(out);
      }
      wb.dispose();
    }
  }
}
