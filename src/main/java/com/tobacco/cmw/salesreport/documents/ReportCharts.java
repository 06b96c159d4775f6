package com.tobacco.cmw.salesreport.documents;

import com.tobacco.cmw.salesreport.MonthlyReportContent;
import com.tobacco.cmw.salesreport.MonthlyReportContent.MonthPoint;
import com.tobacco.cmw.salesreport.MonthlyReportContent.PriceClassLine;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.PieChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.PieStyler;
import org.knowm.xchart.style.Styler;
import org.springframework.stereotype.Component;

/**
 * The report's two charts as PNG images, drawn on the server with XChart in the report font:
 * the 13-month trend (cartons as bars on the left axis, amount in 萬元 as a line on the right
 * axis) and the structure by price class (a pie of cartons). A chart without data is an image
 * with its title and {@value ReportFormat#NOTHING} rather than an error.
 */
@Component
public class ReportCharts {

  public static final int TREND_WIDTH = 1000;
  public static final int TREND_HEIGHT = 440;
  public static final int PRICE_CLASS_WIDTH = 800;
  public static final int PRICE_CLASS_HEIGHT = 440;

  private static final Color BARS = new Color(0x2E, 0x6F, 0xB5);
  private static final Color LINE = new Color(0xD9, 0x6B, 0x1E);
  private static final Color[] SLICES = {
      new Color(0x2E, 0x6F, 0xB5), new Color(0xD9, 0x6B, 0x1E), new Color(0x3C, 0x9D, 0x5D),
      new Color(0xB8, 0x3B, 0x5E), new Color(0x7A, 0x5C, 0xB0), new Color(0x8C, 0x8C, 0x8C)};
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  private final ReportFont font;

  public ReportCharts(ReportFont font) {
    this.font = font;
  }

  /** 近13個月銷量趨勢: one bar per month (cartons) and the amount as a line. */
  public byte[] trendPng(MonthlyReportContent content) {
    List<MonthPoint> points = ReportLabels.list(ReportLabels.required(content).trend()).stream()
        .filter(p -> p.month() != null).toList();
    if (points.isEmpty()) {
      return empty(ReportLabels.TREND_TITLE, TREND_WIDTH, TREND_HEIGHT);
    }
    List<String> months = new ArrayList<>();
    List<Double> cartons = new ArrayList<>();
    List<Double> amounts = new ArrayList<>();
    for (MonthPoint p : points) {
      months.add(p.month().toString());
      cartons.add(number(p.cartons()));
      amounts.add(p.amount() == null ? 0.0
          : p.amount().divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP).doubleValue());
    }
    CategoryChart chart = new CategoryChartBuilder().width(TREND_WIDTH).height(TREND_HEIGHT)
        .title(ReportLabels.TREND_TITLE).xAxisTitle("月份").yAxisTitle(ReportLabels.CARTONS).build();
    style(chart.getStyler());
    AxesChartStyler styler = chart.getStyler();
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    styler.setYAxisDecimalPattern("#,##0");
    styler.putYAxisGroupDecimalPatternMap(1, "#,##0.0");
    styler.setXAxisLabelRotation(45);
    chart.getStyler().setSeriesColors(new Color[] {BARS, LINE});
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setYAxisMin(0.0);
    chart.setYAxisGroupTitle(1, "銷售額(萬元)");

    CategorySeries bars = chart.addSeries(ReportLabels.CARTONS, months, cartons);
    bars.setFillColor(BARS);
    CategorySeries line = chart.addSeries("銷售額(萬元)", months, amounts);
    line.setChartCategorySeriesRenderStyle(
        org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
    line.setYAxisGroup(1);
    line.setLineColor(LINE);
    line.setMarkerColor(LINE);
    return png(chart);
  }

  /** 價類結構: the month's cartons by price class as a pie, labelled with the share. */
  public byte[] priceClassPng(MonthlyReportContent content) {
    List<PriceClassLine> lines = ReportLabels.list(ReportLabels.required(content).byPriceClass()).stream()
        .filter(l -> l.cartons() != null && l.cartons().signum() > 0).toList();
    if (lines.isEmpty()) {
      return empty(ReportLabels.PRICE_CLASS_TITLE, PRICE_CLASS_WIDTH, PRICE_CLASS_HEIGHT);
    }
    PieChart chart = new PieChartBuilder().width(PRICE_CLASS_WIDTH).height(PRICE_CLASS_HEIGHT)
        .title(ReportLabels.PRICE_CLASS_TITLE).build();
    PieStyler styler = chart.getStyler();
    style(styler);
    styler.setLabelType(PieStyler.LabelType.NameAndPercentage);
    styler.setLabelsFont(font.awt(false, 15f));
    styler.setLabelsFontColorAutomaticEnabled(true);
    styler.setLabelsDistance(0.78);
    styler.setForceAllLabelsVisible(true);
    styler.setDecimalPattern("0.0");
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setSeriesColors(SLICES);
    for (PriceClassLine line : lines) {
      chart.addSeries(ReportLabels.priceClass(line.priceClass()), number(line.cartons()));
    }
    return png(chart);
  }

  private void style(Styler styler) {
    styler.setChartTitleFont(font.awt(true, 22f));
    styler.setLegendFont(font.awt(false, 15f));
    styler.setAnnotationTextFont(font.awt(false, 14f));
    styler.setToolTipFont(font.awt(false, 14f));
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setLegendBorderColor(Color.LIGHT_GRAY);
    styler.setChartTitleBoxVisible(false);
    styler.setPlotBorderVisible(false);
    if (styler instanceof AxesChartStyler axes) {
      axes.setAxisTitleFont(font.awt(false, 15f));
      axes.setAxisTickLabelsFont(font.awt(false, 13f));
      axes.setPlotGridLinesColor(new Color(0xE0, 0xE0, 0xE0));
    }
  }

  private static double number(BigDecimal value) {
    return value == null ? 0.0 : value.doubleValue();
  }

  private static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode the chart " + chart.getTitle(), e);
    }
  }

  /** A chart without data: its title and 無 in the middle, same size as the chart. */
  private byte[] empty(String title, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.BLACK);
      centered(g, font.awt(true, 22f), title, width, 40);
      g.setColor(Color.GRAY);
      centered(g, font.awt(false, 20f), ReportFormat.NOTHING, width, height / 2);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void centered(Graphics2D g, Font f, String text, int width, int baseline) {
    g.setFont(f);
    FontMetrics metrics = g.getFontMetrics();
    g.drawString(text, (width - metrics.stringWidth(text)) / 2, baseline);
  }
}
