package com.tobacco.cmw.complaint;

import static com.tobacco.cmw.complaint.QualityComplaintProcess.Var;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The complaint forms ask for what the delegates read, with the delegates' limits (lengths,
 * quantities, choices), show the review's fields by decision, and show texts prepared for reading
 * instead of raw instants, flags and codes.
 */
class QualityComplaintFormTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theStartFormHasTheLimitsOfOpeningACase() throws Exception {
    Map<String, JsonNode> f = fields("qualityComplaint-start");
    assertThat(f.get(Var.CUSTOMER_CODE).at("/validate/maxLength").asInt()).isEqualTo(20);
    assertThat(f.get(Var.BRAND_CODE).at("/validate/maxLength").asInt()).isEqualTo(20);
    assertQuantity(f.get(Var.QUANTITY), "99999");
    assertThat(values(f.get(Var.QUANTITY_UNIT))).containsExactly("PACK", "CARTON");
    assertThat(f.get(Var.DEFECT_DESCRIPTION).at("/validate/maxLength").asInt()).isEqualTo(1000);
    assertThat(f.values()).allSatisfy(field -> assertThat(field.at("/validate/required").asBoolean()).isTrue());
  }

  @Test
  void theInspectionOffersEveryCause() throws Exception {
    Map<String, JsonNode> f = fields("qualityComplaint-inspect");
    assertThat(f).containsOnlyKeys(Var.DEFECT_CONFIRMED, Var.CAUSE, Var.INSPECTION_NOTES);
    assertThat(values(f.get(Var.CAUSE))).containsExactlyElementsOf(
        Arrays.stream(ComplaintCause.values()).map(Enum::name).toList());
    assertThat(f.get(Var.INSPECTION_NOTES).at("/validate/maxLength").asInt()).isEqualTo(2000);
  }

  @Test
  void theReviewShowsTheQuantityOnlyWhenApprovingAndTheCommentOnlyWhenRejectingOrAsking() throws Exception {
    Map<String, JsonNode> f = fields("qualityComplaint-review");
    assertThat(values(f.get(Var.REVIEW_DECISION))).containsExactly(
        QualityComplaintProcess.APPROVED, QualityComplaintProcess.REJECTED, QualityComplaintProcess.MORE_INFO);
    JsonNode quantity = f.get(Var.APPROVED_QUANTITY);
    assertQuantity(quantity, "=quantity");
    assertThat(quantity.at("/conditional/hide").asText()).isEqualTo("=reviewDecision != \"APPROVED\"");
    JsonNode comment = f.get(Var.REVIEW_COMMENT);
    assertThat(comment.at("/validate/required").asBoolean()).isTrue();
    assertThat(comment.at("/validate/maxLength").asInt()).isEqualTo(2000);
    assertThat(comment.at("/conditional/hide").asText())
        .isEqualTo("=reviewDecision != \"REJECTED\" and reviewDecision != \"MORE_INFO\"");
  }

  @Test
  void theReplacementIsAtMostTheApprovedQuantityAndNeedsTheCustomersSignature() throws Exception {
    Map<String, JsonNode> f = fields("qualityComplaint-replace");
    assertQuantity(f.get(Var.REPLACED_QUANTITY), "=approvedQuantity");
    assertThat(f.get(Var.CUSTOMER_CONFIRMATION).at("/validate/maxLength").asInt()).isEqualTo(100);
    assertThat(f.get(Var.CUSTOMER_CONFIRMED).at("/validate/required").asBoolean()).isTrue();
    Map<String, JsonNode> form = fields("qualityComplaint-feedback-form");
    assertThat(form.get(Var.SIGNER_NAME).at("/validate/maxLength").asInt()).isEqualTo(100);
    assertThat(form.get(Var.CUSTOMER_SIGNED).at("/validate/required").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"more-info:moreInformation", "feed-back:feedbackNote", "counterfeit:monopolyResult",
      "escalation:noticeComment"})
  void aRequiredTextOfAtMost2000Characters(String formAndKey) throws Exception {
    String[] parts = formAndKey.split(":");
    Map<String, JsonNode> f = fields("qualityComplaint-" + parts[0]);
    assertThat(f).containsOnlyKeys(parts[1]);
    assertThat(f.get(parts[1]).at("/validate/required").asBoolean()).isTrue();
    assertThat(f.get(parts[1]).at("/validate/maxLength").asInt()).isEqualTo(2000);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"inspect", "feedback-form", "review", "more-info", "replace", "feed-back", "counterfeit",
      "escalation"})
  void noFormShowsARawInstantFlagOrCode(String form) throws Exception {
    String text = Files.readString(path("qualityComplaint-" + form));
    assertThat(text).doesNotContain("{{inspectionDue}}", "{{reviewDue}}", "{{replacementDue}}", "{{caseDue}}",
        "{{defectConfirmed}}", "{{cause}}", "{{reviewDecision}}", "{{approvedQuantity}}");
    assertThat(text).contains("{{caseNo}}", "{{quantityText}}");
  }

  private static void assertQuantity(JsonNode field, String max) {
    assertThat(field.get("type").asText()).isEqualTo("number");
    assertThat(field.get("decimalDigits").asInt()).isZero();
    assertThat(field.at("/validate/required").asBoolean()).isTrue();
    assertThat(field.at("/validate/min").asInt()).isEqualTo(1);
    assertThat(field.at("/validate/max").asText()).isEqualTo(max);
    assertThat(field.at("/appearance/suffixAdorner").asText()).contains("quantityUnit");
  }

  private static java.util.List<String> values(JsonNode field) {
    return StreamSupport.stream(field.get("values").spliterator(), false).map(v -> v.get("value").asText()).toList();
  }

  private static Path path(String formId) {
    return Path.of("forms", formId + ".form");
  }

  private Map<String, JsonNode> fields(String formId) throws Exception {
    JsonNode form = json.readTree(Files.readString(path(formId)));
    assertThat(form.get("id").asText()).isEqualTo(formId);
    assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
    Map<String, JsonNode> fields = new HashMap<>();
    for (JsonNode c : form.get("components")) {
      if (c.has("key")) {
        fields.put(c.get("key").asText(), c);
      }
    }
    return fields;
  }
}
