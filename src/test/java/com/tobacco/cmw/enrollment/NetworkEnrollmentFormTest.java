package com.tobacco.cmw.enrollment;

import static com.tobacco.cmw.enrollment.NetworkEnrollmentProcess.Var;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The enrollment forms ask for what the delegates read, with the delegates' limits and choices,
 * show the approval's fields by decision, and show prepared texts instead of raw instants.
 */
class NetworkEnrollmentFormTest {

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"networkEnrollment-start", "networkEnrollment-amend"})
  void theApplicationFormsAskForEveryFieldWithTheServersLimits(String formId) throws Exception {
    Map<String, JsonNode> f = fields(formId);
    assertThat(f.keySet()).containsAll(Var.APPLICATION_FIELDS);
    assertThat(f.get(Var.STORE_NAME).at("/validate/maxLength").asInt()).isEqualTo(120);
    assertThat(f.get(Var.ADDRESS).at("/validate/maxLength").asInt()).isEqualTo(200);
    assertThat(f.get(Var.HOLDER_NAME).at("/validate/maxLength").asInt()).isEqualTo(60);
    assertThat(f.get(Var.CONTACT_NAME).at("/validate/required").asBoolean()).isFalse();
    assertThat(f.get(Var.LICENCE_NO).at("/validate/pattern").asText()).isEqualTo("^\\d{6}[12]\\d{5}$");
    // the same setting as customerInfoChange's phone (decision 83): the server's default in application.yaml
    String yaml = Files.readString(Path.of("src/main/resources/application.yaml"));
    assertThat(yaml).contains("phone-pattern: \"" + f.get(Var.PHONE).at("/validate/pattern").asText().replace("\\", "\\\\")
        + "\"");
    assertThat(f.get(Var.LICENCE_EXPIRY).get("subtype").asText()).isEqualTo("date");
    assertThat(values(f.get(Var.BUSINESS_TYPE))).containsExactlyElementsOf(NetworkEnrollmentProcess.BUSINESS_TYPES);
    assertThat(values(f.get(Var.REGION_CODE))).containsExactly("EAST", "WEST");
    for (String required : List.of(Var.STORE_NAME, Var.ADDRESS, Var.LICENCE_NO, Var.LICENCE_EXPIRY, Var.HOLDER_NAME,
        Var.BUSINESS_TYPE, Var.REGION_CODE, Var.PHONE)) {
      assertThat(f.get(required).at("/validate/required").asBoolean()).as(required).isTrue();
    }
  }

  @Test
  void theVerificationAsksForStoreLicenceOriginalGradeAndReasons() throws Exception {
    Map<String, JsonNode> f = fields("networkEnrollment-verify");
    assertThat(f).containsOnlyKeys(Var.STORE_EXISTS, Var.LICENCE_ORIGINAL_SEEN, Var.RECOMMENDED_GRADE,
        Var.VERIFICATION_NOTES);
    assertThat(values(f.get(Var.STORE_EXISTS))).containsExactly("true", "false");
    assertThat(values(f.get(Var.LICENCE_ORIGINAL_SEEN))).containsExactly("true", "false");
    assertGrade(f.get(Var.RECOMMENDED_GRADE));
    assertThat(f.get(Var.VERIFICATION_NOTES).at("/validate/maxLength").asInt()).isEqualTo(2000);
    assertThat(f.get(Var.VERIFICATION_NOTES).at("/validate/required").asBoolean()).isTrue();
  }

  @Test
  void theApprovalShowsGradeAndManagerOnlyWhenApprovingAndTheReasonOnlyWhenRejectingOrReturning() throws Exception {
    Map<String, JsonNode> f = fields("networkEnrollment-approve");
    assertThat(f).containsOnlyKeys(Var.DECISION, Var.GRANTED_GRADE, Var.ASSIGNED_MANAGER, Var.DECISION_REASON);
    assertThat(values(f.get(Var.DECISION))).containsExactly(NetworkEnrollmentProcess.APPROVE,
        NetworkEnrollmentProcess.REJECT, NetworkEnrollmentProcess.RETURN);
    assertGrade(f.get(Var.GRANTED_GRADE));
    assertThat(f.get(Var.GRANTED_GRADE).at("/conditional/hide").asText()).isEqualTo("=decision != \"APPROVE\"");
    assertThat(f.get(Var.ASSIGNED_MANAGER).get("valuesKey").asText()).isEqualTo(Var.MANAGER_CHOICES);
    assertThat(f.get(Var.ASSIGNED_MANAGER).at("/conditional/hide").asText()).isEqualTo("=decision != \"APPROVE\"");
    assertThat(f.get(Var.DECISION_REASON).at("/validate/maxLength").asInt()).isEqualTo(2000);
    assertThat(f.get(Var.DECISION_REASON).at("/conditional/hide").asText())
        .isEqualTo("=decision != \"REJECT\" and decision != \"RETURN\"");
  }

  @Test
  void theRejectionNoteAsksNothingAndShowsTheReason() throws Exception {
    assertThat(fields("networkEnrollment-rejection")).isEmpty();
    assertThat(Files.readString(path("networkEnrollment-rejection"))).contains("{{rejectionText}}", "{{applicationNo}}");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"verify", "approve", "amend", "rejection"})
  void noFormShowsARawInstant(String form) throws Exception {
    String text = Files.readString(path("networkEnrollment-" + form));
    assertThat(text).doesNotContain("{{verificationDue}}", "{{approvalDue}}", "{{verified}}");
    assertThat(text).contains("{{applicationNo}}");
  }

  private static void assertGrade(JsonNode field) {
    assertThat(field.get("type").asText()).isEqualTo("number");
    assertThat(field.get("decimalDigits").asInt()).isZero();
    assertThat(field.at("/validate/required").asBoolean()).isTrue();
    assertThat(field.at("/validate/min").asInt()).isEqualTo(1);
    assertThat(field.at("/validate/max").asInt()).isEqualTo(5);
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
