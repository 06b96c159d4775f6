package com.tobacco.cmw.unlicensed;

import static com.tobacco.cmw.unlicensed.UnlicensedSellerReportProcess.Var;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The unlicensed-seller forms ask for what the delegates read, with the delegates' limits and
 * choices, and every form the BPMN names exists.
 */
class UnlicensedSellerReportFormTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theStartFormAsksForWhatTheReportIsMadeWith() throws Exception {
    Map<String, JsonNode> f = fields("unlicensedSellerReport-start");
    assertThat(f).containsOnlyKeys(UnlicensedReportController.START_FIELDS);
    assertThat(f.get(Var.PLACE).at("/validate/maxLength").asInt()).isEqualTo(OpenReportDelegate.MAX_PLACE);
    assertThat(f.get(Var.DESCRIPTION).at("/validate/maxLength").asInt()).isEqualTo(OpenReportDelegate.MAX_DESCRIPTION);
    assertThat(f.get(Var.EVIDENCE_NOTE).at("/validate/maxLength").asInt()).isEqualTo(OpenReportDelegate.MAX_EVIDENCE_NOTE);
    assertThat(f.get(Var.SEEN_AT).path("subtype").asText()).isEqualTo("datetime");
    for (String required : List.of(Var.PLACE, Var.DESCRIPTION, Var.SEEN_AT)) {
      assertThat(f.get(required).at("/validate/required").asBoolean()).as(required).isTrue();
    }
    assertThat(f.get(Var.NEAR_CUSTOMER_CODE).at("/validate/required").asBoolean()).isFalse();
  }

  @Test
  void theReviewOffersForwardOrDuplicateWithTheMatchingOpenReports() throws Exception {
    Map<String, JsonNode> f = fields("unlicensedSellerReport-review");
    assertThat(values(f.get(Var.REVIEW_DECISION))).containsExactly(UnlicensedSellerReportProcess.FORWARD,
        UnlicensedSellerReportProcess.DUPLICATE);
    JsonNode original = f.get(Var.DUPLICATE_OF);
    assertThat(original.path("valuesKey").asText()).isEqualTo(Var.DUPLICATE_CANDIDATES);
    assertThat(original.at("/conditional/hide").asText()).isEqualTo("=reviewDecision != \"DUPLICATE\"");
    assertThat(f.get(Var.REVIEW_COMMENT).at("/validate/maxLength").asInt()).isEqualTo(1000);
  }

  @Test
  void theDepartmentChoosesOneOfTheThreeResultsWithANoteAndADate() throws Exception {
    Map<String, JsonNode> f = fields("unlicensedSellerReport-investigate");
    assertThat(f).containsOnlyKeys(Var.MONOPOLY_RESULT, Var.RESULT_NOTE, Var.RESULT_DATE);
    assertThat(values(f.get(Var.MONOPOLY_RESULT))).containsExactlyElementsOf(
        Arrays.stream(MonopolyResult.values()).map(Enum::name).toList());
    assertThat(f.get(Var.RESULT_NOTE).at("/validate/maxLength").asInt()).isEqualTo(RecordResultDelegate.MAX_NOTE);
    assertThat(f.get(Var.RESULT_DATE).path("subtype").asText()).isEqualTo("date");
    assertThat(f.values()).allSatisfy(field -> assertThat(field.at("/validate/required").asBoolean()).isTrue());
    assertThat(fields("unlicensedSellerReport-overdue")).containsOnlyKeys(Var.FOLLOW_UP_NOTE);
    assertThat(fields("unlicensedSellerReport-acknowledge")).containsOnlyKeys(Var.ACKNOWLEDGEMENT_NOTE);
  }

  @Test
  void everyFormTheProcessNamesExistsUnderItsId() throws Exception {
    String bpmn = Files.readString(Path.of("processes/unlicensedSellerReport.bpmn"));
    Matcher m = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(bpmn);
    List<String> refs = new ArrayList<>();
    while (m.find()) {
      refs.add(m.group(1));
    }
    assertThat(refs).hasSize(5);
    for (String ref : refs) {
      assertThat(json.readTree(Path.of("forms", ref + ".form").toFile()).path("id").asText()).isEqualTo(ref);
    }
  }

  private Map<String, JsonNode> fields(String form) throws Exception {
    Map<String, JsonNode> fields = new HashMap<>();
    for (JsonNode c : json.readTree(Path.of("forms", form + ".form").toFile()).path("components")) {
      if (c.hasNonNull("key")) {
        fields.put(c.path("key").asText(), c);
      }
    }
    return fields;
  }

  private static List<String> values(JsonNode field) {
    List<String> values = new ArrayList<>();
    field.path("values").forEach(v -> values.add(v.path("value").asText()));
    return values;
  }
}
