package com.tobacco.cmw.satisfaction;

import com.tobacco.cmw.process.EngineClock;
import com.tobacco.cmw.salesreport.documents.ReportFont;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.springframework.stereotype.Component;

/**
 * The index history as a chart (PNG, XChart, the report's Chinese font): the index at the end of
 * each survey period as a line, and each committed target at its target date as a marker. Without
 * surveys it still draws its title and axes, so a download never fails.
 */
@Component
public class SatisfactionChart {

  public static final int WIDTH = 1000;
  public static final int HEIGHT = 480;
  private final ReportFont font;
  private final EngineClock clock;

  public SatisfactionChart(ReportFont font, EngineClock clock) {
    this.font = font;
    this.clock = clock;
  }

  public byte[] png(String title, List<SatisfactionRepository.HistoryRow> rows) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("調查期間結束日")
        .yAxisTitle("滿意度指數 (0–100)").build();
    var s = chart.getStyler();
    s.setChartTitleFont(font.awt(true, 20f));
    s.setLegendFont(font.awt(false, 15f));
    s.setAxisTitleFont(font.awt(false, 15f));
    s.setAxisTickLabelsFont(font.awt(false, 13f));
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setChartTitleBoxVisible(false);
    s.setPlotGridLinesColor(new Color(0xE0, 0xE0, 0xE0));
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setDatePattern("yyyy-MM-dd");
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    chart.getStyler().setYAxisDecimalPattern("0");
    List<Date> periods = new ArrayList<>();
    List<Double> index = new ArrayList<>();
    List<Date> targetDates = new ArrayList<>();
    List<Double> targets = new ArrayList<>();
    for (SatisfactionRepository.HistoryRow r : rows) {
      periods.add(date(r.periodTo()));
      index.add(r.index().doubleValue());
      if (r.target() != null && r.targetDate() != null) {
        targetDates.add(date(r.targetDate()));
        targets.add(r.target().doubleValue());
      }
    }
    if (periods.isEmpty()) {
      XYSeries none = chart.addSeries("尚無測評 no evaluation yet", List.of(date(clock.today())), List.of(0.0));
      none.setMarker(SeriesMarkers.NONE);
      none.setLineColor(Color.WHITE);
    } else {
      XYSeries line = chart.addSeries("滿意度指數 index", periods, index);
      line.setLineColor(new Color(0x2E, 0x6F, 0xB5));
      line.setMarker(SeriesMarkers.CIRCLE);
      line.setMarkerColor(new Color(0x2E, 0x6F, 0xB5));
    }
    if (!targets.isEmpty()) {
      XYSeries target = chart.addSeries("目標指數 target (at its date)", targetDates, targets);
      target.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      target.setMarker(SeriesMarkers.DIAMOND);
      target.setMarkerColor(new Color(0xD9, 0x6B, 0x1E));
    }
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode the satisfaction chart", e);
    }
  }

  private Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(clock.zone()).toInstant());
  }
}
