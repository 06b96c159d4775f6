package com.tobacco.cmw.salesimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The encoding of a CSV file: a UTF-8 byte order mark means UTF-8; otherwise the whole file is
 * decoded as strict UTF-8 (one streaming pass) and, at the first malformed byte, read as
 * GB18030, the superset of GBK in which Chinese Excel saves CSV. Plain ASCII is UTF-8.
 */
public record TextEncoding(Charset charset, boolean bom, String label) {

  static final Charset GB18030 = Charset.forName("GB18030");
  static final TextEncoding UTF8_BOM = new TextEncoding(StandardCharsets.UTF_8, true, "UTF-8 BOM");
  static final TextEncoding UTF8 = new TextEncoding(StandardCharsets.UTF_8, false, "UTF-8");
  static final TextEncoding GBK = new TextEncoding(GB18030, false, "GBK/GB18030");

  public static TextEncoding detect(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(3);
      if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
        return UTF8_BOM;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader r = new InputStreamReader(Files.newInputStream(file), strict)) {
      char[] buffer = new char[1 << 16];
      while (r.read(buffer) >= 0) {
        // decoding is the check
      }
      return UTF8;
    } catch (CharacterCodingException e) {
      return GBK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A reader of the file's text, after the byte order mark. */
  Reader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (bom) {
      in.skipNBytes(3);
    }
    return new InputStreamReader(in, charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
  }
}
