package com.tobacco.cmw.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and chromedriver, headless, with a fresh profile that is deleted on close.
 * Both paths are set explicitly, so Selenium Manager is never run and nothing is downloaded.
 * Page dumps and screenshots go to {@code target/browser}.
 */
final class HeadlessChromium implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Path ARTEFACTS = Path.of("target", "browser");
  static final int WIDTH = 1400;
  static final int HEIGHT = 1000;

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final Path profile;

  HeadlessChromium(Duration timeout) {
    try {
      profile = Files.createTempDirectory("cmw-chromium-");
      Files.createDirectories(ARTEFACTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=" + WIDTH + "," + HEIGHT, "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
    // a Chinese browser as the staff use: on Linux --lang alone leaves navigator.language at the
    // system's, which the web applications read to pick their language
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, timeout);
    wait.ignoring(StaleElementReferenceException.class); // AngularJS and form-js re-render freely
  }

  /** Writes the current DOM to target/browser/NAME.html (the first thing to read when a locator stops matching). */
  Path dumpPage(String name) {
    Path file = ARTEFACTS.resolve(name + ".html");
    try {
      Files.writeString(file, driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** A screenshot of the window to target/browser/NAME.png. */
  Path screenshot(String name) {
    Path file = ARTEFACTS.resolve(name + ".png");
    try {
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * A screenshot as if the window were {@code height} pixels tall, so that a long form inside a
   * scrolling pane (Tasklist's task pane) fits in one image; the window is restored afterwards.
   */
  Path tallScreenshot(String name, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", WIDTH, "height", height, "deviceScaleFactor", 1, "mobile", false));
    try {
      return screenshot(name);
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException ignored) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
