package com.tobacco.cmw.salesreport.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import com.tobacco.cmw.salesreport.MonthlyReportContent;

class ReportChartsTest {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  static Stream<Arguments> charts() {
    Function<MonthlyReportContent, byte[]> trend = ReportContents.CHARTS::trendPng;
    Function<MonthlyReportContent, byte[]> priceClass = ReportContents.CHARTS::priceClassPng;
    return Stream.of(
        Arguments.of("trend, full", trend, ReportContents.full(), ReportCharts.TREND_WIDTH, ReportCharts.TREND_HEIGHT),
        Arguments.of("trend, empty", trend, ReportContents.empty(), ReportCharts.TREND_WIDTH, ReportCharts.TREND_HEIGHT),
        Arguments.of("price class, full", priceClass, ReportContents.full(),
            ReportCharts.PRICE_CLASS_WIDTH, ReportCharts.PRICE_CLASS_HEIGHT),
        Arguments.of("price class, empty", priceClass, ReportContents.empty(),
            ReportCharts.PRICE_CLASS_WIDTH, ReportCharts.PRICE_CLASS_HEIGHT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charts")
  void isAPngOfTheChartsSizeWithItsTitleDrawn(String name, Function<MonthlyReportContent, byte[]> chart,
      MonthlyReportContent content, int width, int height) throws IOException {
    byte[] png = chart.apply(content);

    assertThat(Arrays.copyOf(png, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
    // the title (Chinese) is drawn in the top band, in the middle third
    assertThat(darkPixels(image, width / 3, 0, width / 3, 50)).as("pixels of the title").isGreaterThan(100);
  }

  @Test
  void theFontDrawsChineseGlyphsNotMissingGlyphBoxes() {
    Font font = ReportContents.FONT.awt(false, 40f);
    assertThat(font.canDisplayUpTo(ReportLabels.TREND_TITLE + ReportLabels.PRICE_CLASS_TITLE)).isEqualTo(-1);
    // a character the font lacks is drawn as its missing-glyph box; 客 and 戶 must look different
    char missing = '\uE000';
    assertThat(font.canDisplay(missing)).isFalse();
    BufferedImage box = draw(font, missing);
    assertThat(draw(font, '客')).satisfies(glyph -> assertThat(sameImage(glyph, box)).isFalse());
    assertThat(sameImage(draw(font, '客'), draw(font, '戶'))).isFalse();
  }

  private static BufferedImage draw(Font font, char c) {
    BufferedImage image = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 60, 60);
    g.setColor(Color.BLACK);
    g.setFont(font);
    g.drawString(String.valueOf(c), 5, 48);
    g.dispose();
    return image;
  }

  private static boolean sameImage(BufferedImage a, BufferedImage b) {
    for (int x = 0; x < a.getWidth(); x++) {
      for (int y = 0; y < a.getHeight(); y++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          return false;
        }
      }
    }
    return true;
  }

  private static int darkPixels(BufferedImage image, int x0, int y0, int w, int h) {
    int dark = 0;
    for (int x = x0; x < x0 + w; x++) {
      for (int y = y0; y < y0 + h; y++) {
        Color c = new Color(image.getRGB(x, y));
        if (c.getRed() + c.getGreen() + c.getBlue() < 300) {
          dark++;
        }
      }
    }
    return dark;
  }
}
