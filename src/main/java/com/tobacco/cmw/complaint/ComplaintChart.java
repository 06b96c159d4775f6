package com.tobacco.cmw.complaint;

import com.tobacco.cmw.complaint.ComplaintStatistics.Line;
import com.tobacco.cmw.complaint.ComplaintStatistics.Table;
import com.tobacco.cmw.salesreport.documents.ReportFont;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.springframework.stereotype.Component;

/**
 * The statistics as a chart (PNG, XChart, the report's Chinese font): complaints reported per
 * month as stacked bars, one colour per cause. Without cases it still draws its title and axes
 * with a single empty month, so a download never fails.
 */
@Component
public class ComplaintChart {

  public static final String TITLE = "客戶投訴案件統計:按月份及原因的投訴件數";
  public static final int WIDTH = 1000;
  public static final int HEIGHT = 480;

  private static final Color[] COLOURS = {
      new Color(0x2E, 0x6F, 0xB5), new Color(0xD9, 0x6B, 0x1E), new Color(0x3C, 0x9D, 0x5D),
      new Color(0xB8, 0x3B, 0x5E), new Color(0x7A, 0x5C, 0xB0), new Color(0x8C, 0x8C, 0x8C)};

  private final ReportFont font;

  public ComplaintChart(ReportFont font) {
    this.font = font;
  }

  public byte[] png(Table table) {
    TreeSet<YearMonth> monthSet = new TreeSet<>();
    Map<String, Map<YearMonth, Integer>> byCause = new LinkedHashMap<>();
    for (ComplaintCause cause : ComplaintCause.values()) {
      byCause.put(cause.chineseName(), new LinkedHashMap<>());
    }
    byCause.put(ComplaintStatistics.UNKNOWN_CAUSE_NAME, new LinkedHashMap<>());
    for (Line line : table.lines()) {
      monthSet.add(line.month());
      byCause.get(line.causeName()).merge(line.month(), line.reported(), Integer::sum);
    }
    List<String> months = new ArrayList<>();
    monthSet.forEach(m -> months.add(m.toString()));
    if (months.isEmpty()) {
      months.add(table.from() != null ? table.from().toString() : "—");
    }
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title(TITLE).xAxisTitle("月份").yAxisTitle("投訴件數").build();
    chart.getStyler().setChartTitleFont(font.awt(true, 22f));
    chart.getStyler().setLegendFont(font.awt(false, 15f));
    chart.getStyler().setAxisTitleFont(font.awt(false, 15f));
    chart.getStyler().setAxisTickLabelsFont(font.awt(false, 13f));
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBorderVisible(false);
    chart.getStyler().setChartTitleBoxVisible(false);
    chart.getStyler().setPlotGridLinesColor(new Color(0xE0, 0xE0, 0xE0));
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setStacked(true);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    boolean any = false;
    int colour = -1;
    for (Map.Entry<String, Map<YearMonth, Integer>> cause : byCause.entrySet()) {
      colour++;
      if (cause.getValue().isEmpty()) {
        continue;
      }
      any = true;
      List<Integer> counts = new ArrayList<>();
      for (YearMonth m : monthSet) {
        counts.add(cause.getValue().getOrDefault(m, 0));
      }
      // one colour per cause, whichever causes the selection has
      chart.addSeries(cause.getKey(), months, counts).setFillColor(COLOURS[colour % COLOURS.length]);
    }
    if (!any) {
      chart.addSeries("無投訴案件", months, months.stream().map(m -> 0).toList());
    }
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode the complaint chart", e);
    }
  }
}
