package com.tobacco.cmw.unlicensed;

import java.text.Normalizer;
import java.util.Locale;

/**
 * When two reports name the same place. The place is free text ("解放路與中山路口流動攤位",
 * "解放路 與 中山路口,流動攤位"), so it is compared by a key: Unicode NFKC (full-width letters and
 * digits become half-width), lower case, and every space,
 * punctuation mark and symbol removed. Two places match when their keys are equal or when one key
 * contains the other and the shorter has at least {@link #MIN_CONTAINED} characters ("中山路口" matches
 * "解放路與中山路口流動攤位", "路口" matches nothing).
 */
public final class PlaceKeys {

  static final int MIN_CONTAINED = 4;
  /**
   * NFKC can make a place longer ("㍿" becomes "株式会社", "ﷺ" eighteen letters): the key keeps at
   * most this many characters, the width of {@code place_key}.
   */
  static final int MAX_KEY = 1000;

  private PlaceKeys() {}

  public static String key(String place) {
    if (place == null) {
      return "";
    }
    String text = Normalizer.normalize(place, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String key = text.replaceAll("[\\p{Z}\\p{P}\\p{S}\\p{C}\\s]+", "");
    if (key.length() > MAX_KEY) {
      int end = Character.isHighSurrogate(key.charAt(MAX_KEY - 1)) ? MAX_KEY - 1 : MAX_KEY;
      key = key.substring(0, end);
    }
    return key;
  }

  public static boolean matches(String keyA, String keyB) {
    if (keyA.isEmpty() || keyB.isEmpty()) {
      return false;
    }
    if (keyA.equals(keyB)) {
      return true;
    }
    String shorter = keyA.length() <= keyB.length() ? keyA : keyB;
    String longer = shorter == keyA ? keyB : keyA;
    return shorter.length() >= MIN_CONTAINED && longer.contains(shorter);
  }
}
