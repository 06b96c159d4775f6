package com.tobacco.cmw.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web applications in Chinese: each {@code zh.json} answers every key of the vendor's
 * {@code en.json} of the Camunda version on the classpath — a Camunda upgrade that adds keys fails
 * here, naming each key to translate — keeps the placeholders and markup of the English text, is
 * written in Traditional characters, and is enabled in the application's {@code config.js}.
 */
class ChineseWebappsTest {

  static final String ROOT = "META-INF/resources/webjars/camunda/app/";
  static final ObjectMapper JSON = new ObjectMapper();
  /** AngularJS expressions, {name} / %s placeholders, HTML tags and entities: copied, never translated. */
  static final Pattern TOKENS = Pattern.compile("\\{\\{[^}]*\\}\\}|\\{[A-Za-z0-9_.]+\\}|%[sd]|<[^>]+>|&[a-z]+;");
  static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
  /** Simplified forms that differ from the Traditional ones the staff read (a sample of frequent ones). */
  static final String SIMPLIFIED = "们这说时对会过发动种经现问应关开间进实见长东务从产电还认头条历样网单态设义区运际员达围择键组织项结证阶选读递览";

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyHasAChineseEntryWithItsPlaceholders(String app) throws IOException {
    JsonNode en = read(ROOT + app + "/locales/en.json");
    JsonNode zh = read(ROOT + app + "/locales/zh.json");
    List<String> missing = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    compare("", en, zh, missing, wrong);
    assertThat(missing).as(app + ": keys of en.json without a Chinese entry in zh.json").isEmpty();
    assertThat(wrong).as(app + ": Chinese entries that lost a placeholder or tag, or are not text").isEmpty();
    List<String> extra = new ArrayList<>();
    compare("", zh, en, extra, new ArrayList<>());
    assertThat(extra).as(app + ": zh.json keys the English file no longer has").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theTextIsChineseInTraditionalCharacters(String app) throws IOException {
    JsonNode zh = read(ROOT + app + "/locales/zh.json").path("labels");
    int words = 0;
    int chinese = 0;
    TreeSet<String> simplified = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = zh.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String text = e.getValue().asText();
      if (TOKENS.matcher(text).replaceAll("").matches(".*[A-Za-z]{4,}.*") || CJK.matcher(text).find()) {
        words++;
        if (CJK.matcher(text).find()) {
          chinese++;
        }
      }
      text.codePoints().filter(c -> SIMPLIFIED.indexOf(c) >= 0).forEach(c -> simplified.add(e.getKey() + " " + Character.toString(c)));
    }
    assertThat(simplified).as(app + ": simplified characters").isEmpty();
    // product names (Camunda, Cockpit, JSON…) stay Latin; everything else reads Chinese
    assertThat(chinese).as(app + ": labels in Chinese of " + words).isGreaterThan(words * 9 / 10);
    assertThat(read(ROOT + app + "/locales/zh.json").path("dateLocales").isMissingNode()
        || read(ROOT + app + "/locales/zh.json").path("dateLocales").path("months").get(0).asText().equals("一月")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseIsEnabledInTheApplicationsConfiguration(String app) throws IOException {
    String config = text(ROOT + app + "/scripts/config.js");
    Matcher locales = Pattern.compile("(?s)^\\s*locales:\\s*\\{.*?availableLocales:\\s*\\[([^]]*)]", Pattern.MULTILINE)
        .matcher(config);
    assertThat(locales.find()).as(app + " config.js sets locales outside a comment").isTrue();
    assertThat(locales.group(1)).contains("'zh'", "'en'");
    assertThat(config).contains("fallbackLocale: 'en'");
  }

  private static void compare(String path, JsonNode en, JsonNode zh, List<String> missing, List<String> wrong) {
    if (en.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        JsonNode other = zh == null ? null : zh.get(e.getKey());
        if (other == null) {
          missing.add(key);
        } else {
          compare(key, e.getValue(), other, missing, wrong);
        }
      }
    } else if (en.isArray()) {
      if (!zh.isArray() || zh.size() != en.size()) {
        wrong.add(path + " (a list of " + en.size() + ")");
      }
    } else if (en.isTextual() && !path.startsWith("dateLocales")) {
      if (!zh.isTextual()) {
        wrong.add(path + " (not text)");
      } else if (!tokens(en.asText()).equals(tokens(zh.asText()))) {
        wrong.add(path + " " + tokens(en.asText()) + " → " + tokens(zh.asText()));
      }
    }
  }

  private static List<String> tokens(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = TOKENS.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    found.sort(null);
    return found;
  }

  private static JsonNode read(String resource) throws IOException {
    String text = text(resource);
    return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = ChineseWebappsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
