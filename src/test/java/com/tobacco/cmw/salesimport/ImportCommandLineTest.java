package com.tobacco.cmw.salesimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.cmw.support.SpringTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command-line option as Spring reads it from {@code --cmw.import.…} arguments: files are
 * imported in the order brands, customers, sales; the exit code tells the outcome.
 */
class ImportCommandLineTest extends SpringTestBase {

  @Autowired ImportService imports;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path dir;

  @AfterEach
  void removeImportedData() {
    ImportCleanup.removeImportedData(jdbc);
  }

  /** The runner with the environment a start with these arguments has; exit codes are collected. */
  ImportCommandLine runner(List<Integer> exits, String... args) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
    GenericApplicationContext context = new GenericApplicationContext();
    context.refresh();
    return new ImportCommandLine(imports, environment, context, exits::add);
  }

  long lines(String day) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cm_sales_line WHERE order_date = ?", Long.class, LocalDate.parse(day));
  }

  @Test
  void brandsAndSalesNamedOnTheCommandLineAreImportedAndTheApplicationExitsWithZero() throws Exception {
    Path brands = Files.writeString(dir.resolve("brands.csv"), "品牌編碼,品牌名稱,價類,批發價(元/條),最低零售價(元/包),最低零售價(元/條)\r\n"
        + "B951,命令行(硬),4,50,6,60\r\n", StandardCharsets.UTF_8);
    Path sales = Files.writeString(dir.resolve("sales.csv"), Uploads.SALES_HEADER + "\r\nC10013,2025-03-03,B951,2,100\r\n",
        StandardCharsets.UTF_8);
    List<Integer> exits = new ArrayList<>();
    String[] args = {"--cmw.import.sales=" + sales, "--cmw.import.brands=" + brands, "--cmw.import.exit=true"};
    runner(exits, args).run(new DefaultApplicationArguments(args));
    assertThat(exits).containsExactly(0);
    assertThat(lines("2025-03-03")).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT imported_by FROM cm_import WHERE file_name = 'sales.csv' ORDER BY id DESC "
        + "FETCH FIRST 1 ROWS ONLY", String.class)).isEqualTo("command-line");
  }

  @Test
  void aFileWithErrorsImportsNothingAndExitsWithOneUnlessPartial() throws Exception {
    Path sales = Files.writeString(dir.resolve("bad.csv"), Uploads.SALES_HEADER + "\r\nC10013,2025-03-04,B001,1,380\r\n"
        + "C10013,2025-03-04,B404,1,380\r\n", StandardCharsets.UTF_8);
    List<Integer> exits = new ArrayList<>();
    String[] args = {"--cmw.import.sales=" + sales, "--cmw.import.exit=true"};
    runner(exits, args).run(new DefaultApplicationArguments(args));
    assertThat(exits).containsExactly(1);
    assertThat(lines("2025-03-04")).isZero();

    assertThat(runner(exits, "--cmw.import.sales=" + sales, "--cmw.import.partial=true").importFiles()).isZero();
    assertThat(lines("2025-03-04")).isEqualTo(1);
  }

  @Test
  void aMissingFileExitsWithOneAndNoOptionDoesNothing() {
    List<Integer> exits = new ArrayList<>();
    assertThat(runner(exits, "--cmw.import.sales=" + dir.resolve("nowhere.csv")).importFiles()).isEqualTo(1);
    String[] none = {"--server.port=0"};
    runner(exits, none).run(new DefaultApplicationArguments(none));
    assertThat(exits).isEmpty();
  }

  @Test
  void aRefusedFileExitsWithOne() throws IOException {
    Path empty = Files.write(dir.resolve("empty.csv"), new byte[0]);
    List<Integer> exits = new ArrayList<>();
    assertThat(runner(exits, "--cmw.import.sales=" + empty).importFiles()).isEqualTo(1);
  }
}
