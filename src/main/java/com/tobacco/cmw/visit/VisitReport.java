package com.tobacco.cmw.visit;

import java.util.List;

/** What the customer manager reports when the visit is done (§4.1.3 a–f, §4.1.4). */
public record VisitReport(
    String infoPassedOn,
    String infoCollected,
    List<BrandCheck> brandChecks,
    String displayWork,
    String lawfulObservation,
    String specialHandling,
    UnlicensedSighting unlicensedSighting,
    String customerSignerName) {

  /** An unlicensed seller seen near the customer (§4.7). */
  public record UnlicensedSighting(String place, String description) {}

  /** The work done, as written into the sign-in book (營銷人員市場走訪簽到記錄簿). */
  public String workSummary() {
    StringBuilder s = new StringBuilder();
    s.append("a) 傳遞信息: ").append(infoPassedOn).append('\n');
    s.append("b) 收集信息: ").append(infoCollected).append('\n');
    s.append("c) 核對庫存: ").append(brandChecks.size()).append(" 個品牌\n");
    s.append("d) 擺放出樣/標價簽: ").append(displayWork).append('\n');
    s.append("e) 守法經營: ").append(lawfulObservation).append('\n');
    long below = brandChecks.stream().filter(BrandCheck::belowMinimumPrice).count();
    s.append("f) 價格檢查: ").append(below == 0 ? "未發現低於最低零售指導價" : below + " 個品牌低於最低零售指導價");
    if (specialHandling != null) {
      s.append("\n特殊情況處理: ").append(specialHandling);
    }
    String text = s.toString();
    return text.length() > 4000 ? text.substring(0, 4000) : text;
  }
}
