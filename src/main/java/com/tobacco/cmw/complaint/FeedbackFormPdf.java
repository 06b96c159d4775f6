package com.tobacco.cmw.complaint;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.tobacco.cmw.customer.Brand;
import com.tobacco.cmw.customer.BrandRepository;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.salesreport.documents.ReportFont;
import com.tobacco.cmw.security.StaffDirectory;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * The 《商品及服務質量信息反饋單》 of a case as the paper form (§4.6.2, §4.6.4): one A4 page with
 * the complaint, the inspection, the customer's signature, the regional manager's review, the
 * replacement with the 客戶確認 field and the feedback. What is not yet recorded stays blank so the
 * printed form can be filled and signed by hand. Chinese text in the report font
 * ({@link ReportFont}, shared with the monthly report).
 */
@Component
public class FeedbackFormPdf {

  public static final String TITLE = "商品及服務質量信息反饋單";
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ReportFont font;
  private final CustomerRepository customers;
  private final BrandRepository brands;
  private final StaffDirectory staff;
  private final ResolutionTime time;

  public FeedbackFormPdf(ReportFont font, CustomerRepository customers, BrandRepository brands, StaffDirectory staff,
                         ResolutionTime time) {
    this.font = font;
    this.customers = customers;
    this.brands = brands;
    this.staff = staff;
    this.time = time;
  }

  public byte[] render(ComplaintCaseRepository.ComplaintCase c) {
    Font title = new Font(font.pdf(true), 16f);
    Font label = new Font(font.pdf(true), 10f);
    Font body = new Font(font.pdf(false), 10f);
    Font small = new Font(font.pdf(false), 8.5f);
    Customer customer = customers.find(c.customerCode()).orElse(null);
    String brandName = brands.find(c.brandCode()).map(Brand::name).orElse("");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 42, 42, 42, 42);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle(TITLE + " " + c.caseNo());
      document.open();
      Paragraph heading = new Paragraph(TITLE, title);
      heading.setAlignment(Element.ALIGN_CENTER);
      document.add(heading);
      Paragraph number = new Paragraph("編號:" + c.caseNo() + "    登記日期:" + at(c.reportedAt()), small);
      number.setAlignment(Element.ALIGN_RIGHT);
      number.setSpacingAfter(6f);
      document.add(number);

      PdfPTable t = new PdfPTable(new float[] {21, 29, 19, 31});
      t.setWidthPercentage(100);
      pair(t, label, body, "客戶名稱", customer == null ? c.customerCode() : customer.storeName(), "客戶代碼", c.customerCode());
      pair(t, label, body, "許可證號", customer == null ? "" : customer.licenceNo(), "聯繫電話",
          customer == null ? "" : text(customer.phone()));
      wide(t, label, body, "經營地址", customer == null ? "" : text(customer.address()), 0);
      pair(t, label, body, "卷煙品牌", brandName + "(" + c.brandCode() + ")", "數量",
          c.quantity() + " " + ComplaintParties.unitName(c.quantityUnit()));
      wide(t, label, body, "客戶反映的質量問題", c.defectDescription(), 48);
      wide(t, label, body, "現場查看結果", inspection(c), 48);
      pair(t, label, body, "客戶簽字", text(c.signerName()), "簽字日期", at(c.formSignedAt()));
      pair(t, label, body, "客戶經理", name(c.managerId()), "區域", customers.regionName(c.regionCode()));
      wide(t, label, body, "區域市場經理審核意見", review(c), 48);
      pair(t, label, body, "審核人", name(c.reviewedBy()), "審核日期", at(c.reviewedAt()));
      pair(t, label, body, "調換數量", c.replacedQuantity() == null ? "" : c.replacedQuantity() + " "
          + ComplaintParties.unitName(c.quantityUnit()), "調換日期", at(c.replacedAt()));
      wide(t, label, body, "客戶確認", text(c.customerConfirmation()), 36);
      wide(t, label, body, "處理結果反饋", text(c.feedbackNote()), 36);
      if (c.referredAt() != null) {
        wide(t, label, body, "專賣部門查處結果", text(c.monopolyResult()), 36);
      }
      document.add(t);
      Paragraph note = new Paragraph("說明:客戶經理如實填寫本單並請客戶簽字確認,連同不合格卷煙交區域市場經理審核;調換後請客戶在"
          + "「客戶確認」欄簽收(§4.6.2–§4.6.4)。", small);
      note.setSpacingBefore(8f);
      document.add(note);
    } catch (DocumentException e) {
      throw new IllegalStateException("feedback form of " + c.caseNo() + " cannot be written", e);
    } finally {
      if (document.isOpen()) {
        document.close();
      }
    }
    return out.toByteArray();
  }

  private String inspection(ComplaintCaseRepository.ComplaintCase c) {
    if (c.inspectedAt() == null) {
      return "";
    }
    String cause = c.cause() == null ? "" : ComplaintCause.valueOf(c.cause()).chineseName();
    return (Boolean.TRUE.equals(c.defectConfirmed()) ? "確認不合格" : "未發現質量問題") + ";原因:" + cause
        + (c.inspectionNotes() == null ? "" : ";" + c.inspectionNotes()) + "(" + at(c.inspectedAt()) + ")";
  }

  private String review(ComplaintCaseRepository.ComplaintCase c) {
    if (c.reviewDecision() == null) {
      return "";
    }
    String decision = switch (c.reviewDecision()) {
      case QualityComplaintProcess.APPROVED -> "同意調換 " + c.approvedQuantity() + " " + ComplaintParties.unitName(c.quantityUnit());
      case QualityComplaintProcess.REJECTED -> "不同意調換";
      default -> "需補充資料";
    };
    return decision + (c.reviewComment() == null ? "" : ";" + c.reviewComment());
  }

  private String name(String userId) {
    if (userId == null) {
      return "";
    }
    return staff.find(userId).map(s -> s.name() + "(" + userId + ")").orElse(userId);
  }

  private String at(Instant instant) {
    return instant == null ? "" : DAY_TIME.format(instant.atZone(time.zone()));
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static void pair(PdfPTable t, Font label, Font body, String l1, String v1, String l2, String v2) {
    t.addCell(cell(l1, label, 1, 0));
    t.addCell(cell(v1, body, 1, 0));
    t.addCell(cell(l2, label, 1, 0));
    t.addCell(cell(v2, body, 1, 0));
  }

  private static void wide(PdfPTable t, Font label, Font body, String l, String v, float minHeight) {
    t.addCell(cell(l, label, 1, minHeight));
    t.addCell(cell(v, body, 3, minHeight));
  }

  private static PdfPCell cell(String text, Font font, int colspan, float minHeight) {
    PdfPCell cell = new PdfPCell(new Phrase(text, font));
    cell.setColspan(colspan);
    cell.setPadding(5f);
    cell.setMinimumHeight(Math.max(22f, minHeight));
    cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
    return cell;
  }
}
