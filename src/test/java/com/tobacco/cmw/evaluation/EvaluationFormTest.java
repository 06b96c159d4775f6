package com.tobacco.cmw.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The committed forms list every criterion of 篇2 with its exact text (from {@link Criterion}),
 * each a required whole number 1–5 with a comment, grouped per part; the other forms carry the
 * fields the delegates read.
 */
class EvaluationFormTest {

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"performanceEvaluation-score", "performanceEvaluation-second-review"})
  void everyCriterionIsARequiredScoreFrom1To5WithAComment(String formId) throws Exception {
    Map<String, JsonNode> fields = fields(formId);
    for (Criterion c : Criterion.values()) {
      JsonNode score = fields.get(c.scoreVariable());
      assertThat(score).as(c.code()).isNotNull();
      assertThat(score.get("type").asText()).isEqualTo("number");
      assertThat(score.get("label").asText()).isEqualTo(c.number() + ". " + c.text());
      assertThat(score.at("/validate/required").asBoolean()).isTrue();
      assertThat(score.at("/validate/min").asInt()).isEqualTo(1);
      assertThat(score.at("/validate/max").asInt()).isEqualTo(5);
      assertThat(score.get("decimalDigits").asInt()).isZero();
      assertThat(score.get("group").asText()).as(c.code()).contains(c.part().title());
      assertThat(fields.get(c.commentVariable())).as(c.code()).isNotNull();
      assertThat(fields.get(c.commentVariable()).at("/validate/maxLength").asInt()).isEqualTo(ScoreSheet.COMMENT_MAX);
    }
    assertThat(fields.keySet().stream().filter(k -> k.startsWith("score_"))).hasSize(37);
    assertThat(Files.readString(path(formId))).contains("{{evidenceText}}");
  }

  @Test
  void theStartRespondAndReviewFormsCarryTheFieldsTheProcessReads() throws Exception {
    assertThat(fields("performanceEvaluation-start")).containsKeys("evaluateeId", "periodFrom", "periodTo");
    Map<String, JsonNode> respond = fields("performanceEvaluation-respond");
    assertThat(respond).containsKeys("response", "responseReason", "secondEvaluatorId");
    assertThat(respond.get("secondEvaluatorId").get("valuesKey").asText()).isEqualTo("secondEvaluatorOptions");
    assertThat(fields("performanceEvaluation-second-review")).containsKeys("secondDecision", "secondComment");
  }

  @Test
  void theProcessLinksEveryForm() throws Exception {
    String bpmn = Files.readString(Path.of("processes/performanceEvaluation.bpmn"));
    for (String form : new String[] {"start", "score", "respond", "second-review"}) {
      assertThat(bpmn).contains("camunda:formRef=\"performanceEvaluation-" + form + "\"");
      assertThat(path("performanceEvaluation-" + form)).exists();
    }
  }

  private static Path path(String formId) {
    return Path.of("forms", formId + ".form");
  }

  /** Fields by key; "group" holds the label of the enclosing group. */
  private Map<String, JsonNode> fields(String formId) throws Exception {
    JsonNode form = json.readTree(Files.readString(path(formId)));
    assertThat(form.get("id").asText()).isEqualTo(formId);
    assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
    Map<String, JsonNode> fields = new HashMap<>();
    collect(form.get("components"), "", fields);
    return fields;
  }

  private static void collect(JsonNode components, String group, Map<String, JsonNode> fields) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        collect(c.get("components"), c.path("label").asText(), fields);
      } else if (c.has("key")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("group", group);
        fields.put(c.get("key").asText(), c);
      }
    }
  }
}
