package com.tobacco.cmw.promotion;

import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Var;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The promotion forms ask for what the delegates read, with the delegates' limits, and every
 * formRef of the model names one of them.
 */
class PromotionFormTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theStartFormAsksForTheCampaign() throws Exception {
    Map<String, JsonNode> f = fields("promotionSelection-start");
    assertThat(f).containsOnlyKeys(Var.BRAND_CODE, Var.PERIOD_FROM, Var.PERIOD_TO, Var.REGIONS, Var.SLOTS, Var.ITEMS, Var.NOTE);
    assertThat(f.get(Var.SLOTS).at("/validate/min").asInt()).isEqualTo(1);
    assertThat(f.get(Var.SLOTS).at("/validate/max").asInt()).isEqualTo(OpenCampaignDelegate.MAX_SLOTS);
    assertThat(f.get(Var.BRAND_CODE).at("/validate/maxLength").asInt()).isEqualTo(20);
    assertThat(f.get(Var.NOTE).at("/validate/maxLength").asInt()).isEqualTo(1000);
    for (String required : new String[] {Var.BRAND_CODE, Var.PERIOD_FROM, Var.PERIOD_TO, Var.REGIONS, Var.SLOTS, Var.ITEMS}) {
      assertThat(f.get(required).at("/validate/required").asBoolean()).as(required).isTrue();
    }
  }

  @Test
  void theTaskFormsAskForWhatTheirStepsRead() throws Exception {
    assertThat(fields("promotionSelection-recommend")).containsOnlyKeys(Var.RECOMMENDED_CUSTOMERS, Var.RECOMMEND_REASONS);
    assertThat(fields("promotionSelection-review")).containsOnlyKeys(Var.REMOVED_CUSTOMERS, Var.REVIEW_COMMENT);
    assertThat(fields("promotionSelection-review").get(Var.REVIEW_COMMENT).at("/validate/maxLength").asInt()).isEqualTo(1000);
    assertThat(fields("promotionSelection-decide")).containsOnlyKeys(Var.CHOSEN_CUSTOMERS);
    Map<String, JsonNode> handOut = fields("promotionSelection-handout");
    assertThat(handOut).containsOnlyKeys(Var.HANDED_ITEMS, Var.SIGNER_NAME, Var.SIGNED_ON, Var.RECEIPT_CONFIRMED,
        Var.HAND_OUT_OUTCOME, Var.NOT_HANDED_OUT_REASON);
    assertThat(handOut.get(Var.NOT_HANDED_OUT_REASON).at("/validate/maxLength").asInt()).isEqualTo(500);
    assertThat(handOut.get(Var.NOT_HANDED_OUT_REASON).at("/conditional/hide").asText()).contains("NOT_HANDED_OUT");
    assertThat(handOut.get(Var.SIGNER_NAME).at("/validate/maxLength").asInt()).isEqualTo(60);
    assertThat(handOut.values()).allSatisfy(field -> assertThat(field.at("/validate/required").asBoolean()).isTrue());
    assertThat(handOut.get(Var.RECEIPT_CONFIRMED).path("type").asText()).isEqualTo("checkbox");
  }

  @Test
  void everyFormRefOfTheModelNamesAFormOfThisProcess() throws Exception {
    String bpmn = Files.readString(Path.of("processes/promotionSelection.bpmn"));
    Matcher m = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(bpmn);
    int refs = 0;
    while (m.find()) {
      refs++;
      JsonNode form = json.readTree(Path.of("forms", m.group(1) + ".form").toFile());
      assertThat(form.path("id").asText()).isEqualTo(m.group(1));
      assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
    }
    assertThat(refs).isEqualTo(5);
  }

  private Map<String, JsonNode> fields(String form) throws Exception {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (JsonNode c : json.readTree(Path.of("forms", form + ".form").toFile()).path("components")) {
      if (c.has("key")) {
        fields.put(c.path("key").asText(), c);
      }
    }
    return fields;
  }
}
