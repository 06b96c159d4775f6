package com.tobacco.cmw.infochange;

import static com.tobacco.cmw.infochange.CustomerInfoChangeProcess.Var;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.customer.LicenceNumbers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The information-change forms ask for what the delegates read, with the server's limits and
 * patterns; the visit form shows the customer's latest changes.
 */
class CustomerInfoChangeFormTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theStartFormAsksForEveryChangeableFieldWithTheServersLimits() throws Exception {
    Map<String, JsonNode> f = fields("customerInfoChange-start");
    List<String> keys = new ArrayList<>(Arrays.stream(ChangeField.values()).map(ChangeField::variable).toList());
    keys.add(Var.CUSTOMER_CODE);
    keys.add(Var.CHANGE_REASON);
    assertThat(f).containsOnlyKeys(keys.toArray(String[]::new));
    assertThat(f.get(Var.CUSTOMER_CODE).at("/validate/required").asBoolean()).isTrue();
    assertThat(f.get(Var.CHANGE_REASON).at("/validate/required").asBoolean()).isTrue();
    assertThat(f.get(Var.CHANGE_REASON).at("/validate/maxLength").asInt()).isEqualTo(OpenChangeRequestDelegate.MAX_REASON);
    // new values are optional: empty means unchanged
    Arrays.stream(ChangeField.values()).forEach(field ->
        assertThat(f.get(field.variable()).at("/validate/required").asBoolean()).as(field.name()).isFalse());
    assertThat(f.get(Var.NEW_CONTACT_NAME).at("/validate/maxLength").asInt()).isEqualTo(ChangeRules.MAX_CONTACT_NAME);
    assertThat(f.get(Var.NEW_ADDRESS).at("/validate/maxLength").asInt()).isEqualTo(ChangeRules.MAX_ADDRESS);
    assertThat(f.get(Var.NEW_PHONE).at("/validate/maxLength").asInt()).isEqualTo(ChangeRules.MAX_PHONE);
    assertThat(f.get(Var.NEW_LICENCE_NO).at("/validate/pattern").asText()).isEqualTo(LicenceNumbers.DEFAULT_PATTERN);
    assertThat(f.get(Var.NEW_LICENCE_EXPIRY).get("subtype").asText()).isEqualTo("date");
    assertThat(values(f.get(Var.NEW_GRADE))).containsExactly("1", "2", "3", "4", "5");
  }

  @Test
  void theFormsPhonePatternIsTheServersDefault() throws Exception {
    String form = fields("customerInfoChange-start").get(Var.NEW_PHONE).at("/validate/pattern").asText();
    String yaml = Files.readString(Path.of("src/main/resources/application.yaml"));
    assertThat(yaml).contains("phone-pattern: \"" + form.replace("\\", "\\\\") + "\"");
    Pattern p = Pattern.compile(form);
    assertThat(List.of("13912345678", "0571-87654321", "02112345678")).allMatch(s -> p.matcher(s).matches());
    assertThat(List.of("12345", "1391234567", "23912345678", "0571-123")).noneMatch(s -> p.matcher(s).matches());
  }

  @Test
  void theApprovalOffersApproveOrRejectAndTheNoticeShowsTheOutcome() throws Exception {
    Map<String, JsonNode> approve = fields("customerInfoChange-approve");
    assertThat(approve).containsOnlyKeys(Var.APPROVAL_DECISION, Var.DECISION_COMMENT);
    assertThat(values(approve.get(Var.APPROVAL_DECISION)))
        .containsExactly(CustomerInfoChangeProcess.APPROVE, CustomerInfoChangeProcess.REJECT);
    assertThat(approve.get(Var.DECISION_COMMENT).at("/validate/maxLength").asInt())
        .isEqualTo(RecordChangeDecisionDelegate.MAX_COMMENT);
    assertThat(texts("customerInfoChange-approve")).contains("{{changeSummary}}");
    assertThat(texts("customerInfoChange-notice")).contains("{{noticeText}}").contains("{{changeSummary}}");
  }

  @Test
  void theVisitFormShowsTheCustomersRecentChanges() throws Exception {
    assertThat(texts("customerVisit-visit")).contains("{{" + CustomerChangePanel.VARIABLE + "}}");
  }

  private static List<String> values(JsonNode field) {
    return StreamSupport.stream(field.get("values").spliterator(), false).map(v -> v.get("value").asText()).toList();
  }

  private String texts(String formId) throws Exception {
    StringBuilder all = new StringBuilder();
    for (JsonNode c : json.readTree(Files.readString(Path.of("forms", formId + ".form"))).get("components")) {
      if ("text".equals(c.path("type").asText())) {
        all.append(c.get("text").asText()).append('\n');
      }
    }
    return all.toString();
  }

  private Map<String, JsonNode> fields(String formId) throws Exception {
    JsonNode form = json.readTree(Files.readString(Path.of("forms", formId + ".form")));
    assertThat(form.get("id").asText()).isEqualTo(formId);
    assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
    Map<String, JsonNode> fields = new HashMap<>();
    for (JsonNode c : form.get("components")) {
      if (c.has("key")) {
        assertThat(fields).as("duplicate key " + c.get("key").asText()).doesNotContainKey(c.get("key").asText());
        fields.put(c.get("key").asText(), c);
      }
    }
    return fields;
  }
}
