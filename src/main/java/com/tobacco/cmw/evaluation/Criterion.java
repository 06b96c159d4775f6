package com.tobacco.cmw.evaluation;

import java.util.Arrays;
import java.util.List;

/**
 * The 37 criteria of 篇2 《客戶服務部經理績效測評標準》, word for word, in the seed's order. The one
 * source for the score form's check ({@code EvaluationFormTest}), the server's validation of a
 * score sheet and the archive. The constant name is the criterion's code: the part's letters
 * (YW 業務工作, JD 管理監督, XT 指導協調, BG 審查報告) and the number in the part; the form fields are
 * {@code score_<code>} and {@code comment_<code>}.
 */
public enum Criterion {
  YW1(Part.BUSINESS, 1, "定期對客戶進行調查,了解客戶意見。"),
  YW2(Part.BUSINESS, 2, "緊急處理客戶投訴,做到讓客戶滿意。"),
  YW3(Part.BUSINESS, 3, "編制客戶投訴案件統計表和客戶投訴案件登記追蹤表。"),
  YW4(Part.BUSINESS, 4, "建立客戶投訴案件資料。"),
  YW5(Part.BUSINESS, 5, "合理調配內部人員,形成一個科學的有層次的人員結構。"),
  YW6(Part.BUSINESS, 6, "制定部門員工教育、培訓計劃,培養、訓練管理人員,為企業發展儲備人才。"),
  YW7(Part.BUSINESS, 7, "編制部門年度預算計劃,并督促有效的執行。"),
  JD1(Part.SUPERVISION, 1, "追蹤投訴案件的處理。"),
  JD2(Part.SUPERVISION, 2, "監督客戶意見調查實施。"),
  JD3(Part.SUPERVISION, 3, "用人上發揮個人所長,調動各類人員的積極性,形成集體合力。"),
  JD4(Part.SUPERVISION, 4, "有效地進行團隊管理工作,共同有效地完成各項任務。"),
  JD5(Part.SUPERVISION, 5, "監督管理部門內各項管理制度、細則、計劃等的執行。"),
  JD6(Part.SUPERVISION, 6, "主持制定、完善管理制度,嚴格獎懲措施,并監督執行。"),
  JD7(Part.SUPERVISION, 7, "善于放手讓下屬去工作,鼓勵他們相互協作的精神。"),
  JD8(Part.SUPERVISION, 8, "正確授予下屬與其所承擔的工作任務相應的責任與權力。"),
  JD9(Part.SUPERVISION, 9, "正確教育下屬,使其能在規定時間內高效率的工作。"),
  XT1(Part.COORDINATION, 1, "正確協調企業與客戶的利益關系,做到企業不虧,客戶滿意。"),
  XT2(Part.COORDINATION, 2, "協調流通與配送工作,使客戶能快速滿意得到所需商品。"),
  XT3(Part.COORDINATION, 3, "提高服務速度,建立客戶對服務的信賴。"),
  XT4(Part.COORDINATION, 4, "保證客戶意見和信息渠道流暢,以便更好的為客戶服務和上級了解客戶服務信息。"),
  XT5(Part.COORDINATION, 5, "以組織一員的身份與上級、下屬和同事及其他有關人員建立協調、和諧的工作環境。"),
  XT6(Part.COORDINATION, 6, "正確、及時使用物質刺激和精神鼓勵兩種手段,調動部下的工作積極性。"),
  XT7(Part.COORDINATION, 7, "客觀的考核下屬各方面的工作能力、工作績效。"),
  XT8(Part.COORDINATION, 8, "積極訓練、教育下屬,提高他們的工作技能和素質。"),
  XT9(Part.COORDINATION, 9, "教育下屬了解企業各方面的政策和規章。"),
  XT10(Part.COORDINATION, 10, "及時指出下屬工作中的失誤,并提出正確的改正方案。"),
  XT11(Part.COORDINATION, 11, "致力維持良好的內外部人際關系,使工作順利進行。"),
  BG1(Part.REPORTING, 1, "提出客戶服務計劃性報告。"),
  BG2(Part.REPORTING, 2, "提出客戶需求意見報告。"),
  BG3(Part.REPORTING, 3, "審查客戶服務工作報告。"),
  BG4(Part.REPORTING, 4, "審核客戶服務意外事故報告。"),
  BG5(Part.REPORTING, 5, "審核部門服務經費控制報告。"),
  BG6(Part.REPORTING, 6, "審查客戶服務檔案文件編制報告。"),
  BG7(Part.REPORTING, 7, "工作總結報告及時、準確、真實。"),
  BG8(Part.REPORTING, 8, "細心聽取有關人員關于工作情況的報告,并予以相應的指示。"),
  BG9(Part.REPORTING, 9, "審核工作成績是否達到預期目標或計劃的要求。"),
  BG10(Part.REPORTING, 10, "審查下屬是否正確認識工作的意義,是否努力取得最佳業績。");

  /** The four parts of 篇2; the name is the input of the weights decision. */
  public enum Part {
    BUSINESS("業務工作"),
    SUPERVISION("管理監督"),
    COORDINATION("指導協調"),
    REPORTING("審查報告");

    private final String title;

    Part(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }

    public List<Criterion> criteria() {
      return Arrays.stream(Criterion.values()).filter(c -> c.part == this).toList();
    }
  }

  private final Part part;
  private final int number;
  private final String text;

  Criterion(Part part, int number, String text) {
    this.part = part;
    this.number = number;
    this.text = text;
  }

  public Part part() {
    return part;
  }

  public int number() {
    return number;
  }

  /** The criterion's text exactly as 篇2 has it. */
  public String text() {
    return text;
  }

  public String code() {
    return name();
  }

  /** Process variable (and form field) of the score 1–5. */
  public String scoreVariable() {
    return "score_" + name();
  }

  /** Process variable (and form field) of the comment. */
  public String commentVariable() {
    return "comment_" + name();
  }
}
