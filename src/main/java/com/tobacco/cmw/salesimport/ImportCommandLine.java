package com.tobacco.cmw.salesimport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Imports files named on the command line once the application has started:
 * {@code --cmw.import.brands=…}, {@code --cmw.import.customers=…}, {@code --cmw.import.sales=…}
 * (in this order, stopping at the first that is not imported), {@code --cmw.import.partial=true}
 * for partial import, and {@code --cmw.import.exit=true} to stop the application afterwards with
 * exit code 0 (all imported), 1 (rejected or refused) or 2 (failed). Any property source works
 * as well (environment variables such as {@code CMW_IMPORT_SALES}).
 */
@Component
public class ImportCommandLine implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ImportCommandLine.class);
  static final String USER = "command-line";
  private static final int SHOWN_REJECTS = 50;

  private final ImportService imports;
  private final Environment environment;
  private final ConfigurableApplicationContext context;
  private final IntConsumer exit;

  @Autowired
  public ImportCommandLine(ImportService imports, Environment environment, ConfigurableApplicationContext context) {
    this(imports, environment, context, System::exit);
  }

  ImportCommandLine(ImportService imports, Environment environment, ConfigurableApplicationContext context, IntConsumer exit) {
    this.imports = imports;
    this.environment = environment;
    this.context = context;
    this.exit = exit;
  }

  @Override
  public void run(ApplicationArguments args) {
    boolean any = false;
    for (ImportKind kind : ImportKind.values()) {
      any |= environment.containsProperty(property(kind));
    }
    if (!any) {
      return;
    }
    int code = importFiles();
    if (environment.getProperty("cmw.import.exit", Boolean.class, false)) {
      exit.accept(SpringApplication.exit(context, () -> code));
    }
  }

  static String property(ImportKind kind) {
    return "cmw.import." + kind.path();
  }

  /** Imports the named files in the order brands, customers, sales; returns the exit code. */
  int importFiles() {
    boolean partial = environment.getProperty("cmw.import.partial", Boolean.class, false);
    for (ImportKind kind : ImportKind.values()) {
      String value = environment.getProperty(property(kind));
      if (value == null || value.isBlank()) {
        continue;
      }
      Path file = Path.of(value.strip()).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        log.error("Import {}: 找不到文件 / file not found: {}", kind.path(), file);
        return 1;
      }
      try {
        ImportReport r = imports.importFile(kind, file, file.getFileName().toString(), partial, USER);
        log.info("Import #{} {} {}: {} read, {} imported ({} replaced), {} rejected — {}", r.importId(), kind.path(), file,
            r.read(), r.imported(), r.replaced(), r.rejected(), r.message());
        r.rejects().stream().limit(SHOWN_REJECTS).forEach(x -> log.warn("  第 {} 行 / row {}: {}", x.row(), x.row(), x.reason()));
        if (r.status() == ImportReport.Status.REJECTED) {
          return 1;
        }
      } catch (ImportRefused e) {
        log.error("Import {} {} refused: {}", kind.path(), file, e.getMessage());
        return 1;
      } catch (RuntimeException e) {
        log.error("Import {} {} failed", kind.path(), file, e);
        return 2;
      }
    }
    return 0;
  }
}
