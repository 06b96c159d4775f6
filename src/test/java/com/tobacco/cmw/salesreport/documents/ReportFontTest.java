package com.tobacco.cmw.salesreport.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportFontTest {

  /** Debian's fonts-wqy-zenhei, installed by CI for the browser tests. */
  private static final Path WQY_ZENHEI = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
  /** Debian's fonts-dejavu-core: Latin, Greek, Cyrillic, no Chinese. */
  private static final Path DEJAVU_SANS = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

  @TempDir
  Path dir;

  @Test
  void bundledFontIsNotoSansScAndDrawsChinese() {
    ReportFont font = ReportContents.FONT;

    assertThat(font.source()).isEqualTo("classpath:" + ReportFont.BUNDLED_REGULAR);
    assertThat(font.awt(false, 12f).getFamily()).isEqualTo("Noto Sans SC");
    assertThat(font.awt(true, 12f).getFontName()).contains("Bold");
    assertThat(font.awt(false, 12f).canDisplayUpTo(ReportFont.PROBE + ReportLabels.TITLE)).isEqualTo(-1);
    assertThat(font.pdf(false).getPostscriptFontName()).contains("NotoSansSC-Regular");
    assertThat(font.pdf(false).charExists('客')).isTrue();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      missing.ttf  | no readable font file at
      font.otf     | is not a TrueType file (.ttf or .ttc)
      """)
  void aConfiguredFileThatCannotBeUsedFailsAtStart(String file, String message) throws IOException {
    Path path = dir.resolve(file);
    if (!file.startsWith("missing")) {
      Files.writeString(path, "not a font");
    }
    assertThatThrownBy(() -> new ReportFont(path.toString()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cmw.report.font: ")
        .hasMessageContaining(message);
  }

  @Test
  void aConfiguredFileThatIsNoFontFailsOnFirstUse() throws IOException {
    Path path = Files.writeString(dir.resolve("broken.ttf"), "not a font");
    ReportFont font = new ReportFont(path.toString());

    assertThatThrownBy(() -> font.awt(false, 12f))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cmw.report.font: ").hasMessageContaining("not a usable TrueType font");
  }

  @Test
  void aConfiguredFontWithoutChineseIsRefused() {
    assumeTrue(Files.isReadable(DEJAVU_SANS), "needs Debian's fonts-dejavu-core");
    ReportFont font = new ReportFont(DEJAVU_SANS.toString());

    assertThatThrownBy(() -> font.pdf(false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no Chinese glyphs");
  }

  @Test
  void aConfiguredTrueTypeCollectionServesChartsAndPdf() throws IOException {
    assumeTrue(Files.isReadable(WQY_ZENHEI), "needs Debian's fonts-wqy-zenhei");
    ReportFont font = new ReportFont(WQY_ZENHEI.toString());
    MonthlyReportDocuments documents = new MonthlyReportDocuments(font, new ReportCharts(font));

    assertThat(font.source()).isEqualTo(WQY_ZENHEI.toString());
    assertThat(font.awt(false, 12f).canDisplayUpTo(ReportFont.PROBE)).isEqualTo(-1);
    byte[] pdf = documents.pdf(ReportContents.full());
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      var resources = document.getPage(0).getResources();
      var name = resources.getFontNames().iterator().next();
      assertThat(resources.getFont(name).getName()).contains("WenQuanYi");
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("張偉", "12,345.50");
    }
  }
}
