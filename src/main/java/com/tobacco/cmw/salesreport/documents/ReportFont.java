package com.tobacco.cmw.salesreport.documents;

import com.lowagie.text.pdf.BaseFont;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese font of the report's PDF and charts. By default Noto Sans SC (SIL Open Font
 * License), whose TrueType files come with the application from a Maven artifact, so the
 * documents look the same on every machine without system fonts. {@code cmw.report.font} may
 * name another TrueType file ({@code .ttf}) or collection ({@code .ttc}, its first face), for
 * example {@code /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc}.
 *
 * <p>The font is loaded on first use (two files of about 10 MB) and kept. A configured file that
 * is missing, unreadable or without Chinese glyphs fails with a message naming the property.
 */
@Component
public class ReportFont {

  static final String BUNDLED_REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
  static final String BUNDLED_BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";
  /** Characters every report shows; a font that cannot draw them is refused. */
  static final String PROBE = "客戶月度銷售情況分析報告單箱均價額張偉";

  private static final Logger LOG = LoggerFactory.getLogger(ReportFont.class);

  private final String configuredPath;
  private volatile Faces faces;

  /** A configured file that is missing or not TrueType fails here, at start, not at the first download. */
  public ReportFont(@Value("${cmw.report.font:}") String configuredPath) {
    this.configuredPath = configuredPath == null ? "" : configuredPath.trim();
    if (!this.configuredPath.isEmpty()) {
      checkFile(Path.of(this.configuredPath));
    }
  }

  /** Where the font comes from: the bundled resource or the configured file. */
  public String source() {
    return configuredPath.isEmpty() ? "classpath:" + BUNDLED_REGULAR : configuredPath;
  }

  /** The AWT font (charts) at the given size; {@code bold} for titles. */
  public Font awt(boolean bold, float size) {
    Faces f = faces();
    return (bold ? f.awtBold : f.awtRegular).deriveFont(size);
  }

  /** The PDF font, embedded as a subset with a ToUnicode map so the text can be searched and copied. */
  public BaseFont pdf(boolean bold) {
    Faces f = faces();
    return bold ? f.pdfBold : f.pdfRegular;
  }

  private Faces faces() {
    Faces f = faces;
    if (f == null) {
      synchronized (this) {
        f = faces;
        if (f == null) {
          f = configuredPath.isEmpty() ? bundled() : configured(Path.of(configuredPath));
          faces = f;
          LOG.info("Report font {} loaded from {}", f.awtRegular().getFontName(), source());
        }
      }
    }
    return f;
  }

  private record Faces(Font awtRegular, Font awtBold, BaseFont pdfRegular, BaseFont pdfBold) {}

  private static Faces bundled() {
    byte[] regular = resource(BUNDLED_REGULAR);
    byte[] bold = resource(BUNDLED_BOLD);
    Font awtRegular = checked(awtFont(regular, BUNDLED_REGULAR), BUNDLED_REGULAR);
    Font awtBold = checked(awtFont(bold, BUNDLED_BOLD), BUNDLED_BOLD);
    return new Faces(awtRegular, awtBold, pdfFont("NotoSansSC-Regular.ttf", regular),
        pdfFont("NotoSansSC-Bold.ttf", bold));
  }

  private static void checkFile(Path path) {
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalStateException("cmw.report.font: no readable font file at " + path);
    }
    String name = path.getFileName().toString().toLowerCase();
    if (!name.endsWith(".ttf") && !name.endsWith(".ttc")) {
      throw new IllegalStateException("cmw.report.font: " + path + " is not a TrueType file (.ttf or .ttc)");
    }
  }

  private static Faces configured(Path path) {
    checkFile(path);
    String name = path.getFileName().toString().toLowerCase();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new IllegalStateException("cmw.report.font: cannot read " + path, e);
    }
    Font awt = checked(awtFont(bytes, path.toString()), path.toString());
    // OpenPDF names the face of a collection by index after a comma
    String pdfName = name.endsWith(".ttc") ? path.getFileName() + ",0" : path.getFileName().toString();
    BaseFont pdf = pdfFont(pdfName, bytes);
    return new Faces(awt, awt.deriveFont(Font.BOLD), pdf, pdf);
  }

  private static byte[] resource(String name) {
    try (InputStream in = ReportFont.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The report font " + name + " is not on the classpath "
            + "(artifact com.helger.font:ph-fonts-noto-sans-sc); set cmw.report.font to a TrueType file");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the report font " + name, e);
    }
  }

  private static Font awtFont(byte[] bytes, String name) {
    try {
      // createFonts reads single fonts and collections alike; the first face is used
      return Font.createFonts(new ByteArrayInputStream(bytes))[0];
    } catch (FontFormatException | IOException e) {
      throw new IllegalStateException("cmw.report.font: " + name + " is not a usable TrueType font", e);
    }
  }

  private static Font checked(Font font, String name) {
    if (font.canDisplayUpTo(PROBE) != -1) {
      throw new IllegalStateException("cmw.report.font: " + name + " (" + font.getFontName()
          + ") has no Chinese glyphs");
    }
    return font;
  }

  private static BaseFont pdfFont(String name, byte[] bytes) {
    try {
      return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
    } catch (Exception e) {
      throw new IllegalStateException("cmw.report.font: " + name + " cannot be embedded in a PDF", e);
    }
  }
}
