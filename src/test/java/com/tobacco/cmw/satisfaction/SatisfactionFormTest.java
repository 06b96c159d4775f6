package com.tobacco.cmw.satisfaction;

import static com.tobacco.cmw.satisfaction.SatisfactionImprovementProcess.Var;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The satisfaction forms ask for exactly what the delegates read, with the delegates' limits and
 * choices, and show the prepared texts (index with its comparison, the plan under review).
 */
class SatisfactionFormTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theStartFormAsksForScopePeriodAndTheSurveyText() throws Exception {
    Map<String, JsonNode> f = fields("satisfactionImprovement-start");
    assertThat(f).containsOnlyKeys(Var.SCOPE_TYPE, Var.SCOPE_ID, Var.PERIOD_FROM, Var.PERIOD_TO, Var.SURVEY_CSV);
    assertThat(values(f.get(Var.SCOPE_TYPE))).containsExactly(SatisfactionImprovementProcess.SCOPE_MANAGER,
        SatisfactionImprovementProcess.SCOPE_REGION);
    assertThat(f.get(Var.SCOPE_ID).at("/validate/maxLength").asInt()).isEqualTo(64);
    assertThat(f.get(Var.SURVEY_CSV).get("type").asText()).isEqualTo("textarea");
    // pasted text is a stored variable; larger surveys are uploaded as a file
    assertThat(f.get(Var.SURVEY_CSV).at("/validate/maxLength").asInt()).isEqualTo(LoadSurveyDelegate.MAX_STORED_TEXT);
    assertThat(f.get(Var.PERIOD_FROM).get("subtype").asText()).isEqualTo("date");
    assertThat(f.values()).allSatisfy(field -> assertThat(field.at("/validate/required").asBoolean()).isTrue());
  }

  @Test
  void theAnalysisHasTheLimitsOfRecordingMeasures() throws Exception {
    Map<String, JsonNode> f = fields("satisfactionImprovement-analyse");
    assertThat(f).containsOnlyKeys(Var.ANALYSIS, Var.MEASURES, Var.TARGET_INDEX, Var.TARGET_DATE);
    assertThat(f.get(Var.ANALYSIS).at("/validate/maxLength").asInt()).isEqualTo(RecordMeasuresDelegate.MAX_ANALYSIS);
    // a process variable: the engine's tables hold 4,000 characters
    assertThat(f.get(Var.MEASURES).at("/validate/maxLength").asInt()).isEqualTo(RecordMeasuresDelegate.MAX_MEASURES_TEXT)
        .isLessThanOrEqualTo(LoadSurveyDelegate.MAX_STORED_TEXT);
    assertThat(f.get(Var.TARGET_INDEX).get("decimalDigits").asInt()).isEqualTo(2);
    assertThat(f.get(Var.TARGET_INDEX).at("/validate/max").asInt()).isEqualTo(100);
    assertThat(f.values()).allSatisfy(field -> assertThat(field.at("/validate/required").asBoolean()).isTrue());
    assertThat(Files.readString(path("satisfactionImprovement-analyse")))
        .contains("{{" + Var.MANAGER_INDEX_TEXT + "}}", "{{" + Var.LAST_REVIEW_TEXT + "}}", "{{" + Var.INDEX_TEXT + "}}");
  }

  @Test
  void theReviewAcceptsOrReturnsWithAComment() throws Exception {
    Map<String, JsonNode> f = fields("satisfactionImprovement-review");
    assertThat(f).containsOnlyKeys(Var.REVIEW_DECISION, Var.REVIEW_COMMENT);
    assertThat(values(f.get(Var.REVIEW_DECISION))).containsExactly(SatisfactionImprovementProcess.ACCEPT,
        SatisfactionImprovementProcess.RETURN);
    assertThat(f.get(Var.REVIEW_COMMENT).at("/validate/maxLength").asInt()).isEqualTo(2000);
    assertThat(Files.readString(path("satisfactionImprovement-review"))).contains("{{" + Var.PLAN_TEXT + "}}");
  }

  @Test
  void theFollowUpAsksForTheNextPeriodAndItsSurvey() throws Exception {
    Map<String, JsonNode> f = fields("satisfactionImprovement-follow-up");
    assertThat(f).containsOnlyKeys(Var.FOLLOW_UP_PERIOD_FROM, Var.FOLLOW_UP_PERIOD_TO, Var.FOLLOW_UP_CSV);
    assertThat(f.get(Var.FOLLOW_UP_CSV).at("/validate/maxLength").asInt()).isEqualTo(LoadSurveyDelegate.MAX_STORED_TEXT);
    assertThat(f.get(Var.FOLLOW_UP_CSV).get("description").asText()).contains("/follow-up");
    assertThat(f.values()).allSatisfy(field -> assertThat(field.at("/validate/required").asBoolean()).isTrue());
  }

  @Test
  void everyFormOfTheProcessIsLinkedFromTheModel() throws Exception {
    String model = Files.readString(Path.of("processes", "satisfactionImprovement.bpmn"));
    for (String form : List.of("start", "analyse", "review", "follow-up")) {
      assertThat(model).contains("camunda:formRef=\"satisfactionImprovement-" + form + "\"");
    }
  }

  private static List<String> values(JsonNode field) {
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
