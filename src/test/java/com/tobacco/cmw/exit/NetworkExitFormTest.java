package com.tobacco.cmw.exit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.customer.ExitReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The Tasklist forms of networkExit and the licence reminder against the server's rules: every
 * exit reason offered (one source, {@link ExitReason}), the decisions the server accepts, the
 * required fields, and every form the BPMN files name exists with that id.
 */
class NetworkExitFormTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theStartFormOffersExactlyTheExitReasonsAndAsksForTheCustomer() throws IOException {
    JsonNode form = form("networkExit-start");
    assertThat(values(field(form, "exitReason")))
        .containsExactlyElementsOf(Arrays.stream(ExitReason.values()).map(Enum::name).toList());
    assertThat(field(form, "exitReason").path("validate").path("required").asBoolean()).isTrue();
    assertThat(field(form, "customerCode").path("validate").path("required").asBoolean()).isTrue();
    assertThat(field(form, "explanation").path("validate").path("maxLength").asInt()).isEqualTo(1000);
    assertThat(field(form, "effectiveDate").path("subtype").asText()).isEqualTo("date");
  }

  @Test
  void verificationAndApprovalAskWhatTheServerChecks() throws IOException {
    JsonNode verify = form("networkExit-verify");
    assertThat(field(verify, "allSettled").path("validate").path("required").asBoolean()).isTrue();
    assertThat(field(verify, "verificationNotes").path("validate").path("maxLength").asInt()).isEqualTo(2000);
    assertThat(verify.toString()).contains("{{outstandingText}}");
    JsonNode approve = form("networkExit-approve");
    assertThat(values(field(approve, "exitDecision"))).containsExactly(NetworkExitProcess.APPROVED,
        NetworkExitProcess.REJECTED, NetworkExitProcess.RETURNED);
    assertThat(field(approve, "decisionReason").path("validate").path("maxLength").asInt()).isEqualTo(2000);
    JsonNode remind = form("licenceRenewalReminder-remind");
    assertThat(field(remind, "informedOn").path("validate").path("required").asBoolean()).isTrue();
  }

  @Test
  void everyFormNamedByTheseProcessesExistsUnderItsId() throws IOException {
    List<String> refs = new ArrayList<>();
    for (String bpmn : List.of("networkExit", "licenceRenewalReminder", "licenceExpiryWatch")) {
      Matcher m = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(Files.readString(Path.of("processes", bpmn + ".bpmn")));
      while (m.find()) {
        refs.add(m.group(1));
      }
    }
    assertThat(refs).hasSize(6);
    for (String ref : refs) {
      assertThat(form(ref).path("id").asText()).isEqualTo(ref);
      assertThat(form(ref).path("schemaVersion").asInt()).isEqualTo(16);
    }
  }

  private static JsonNode form(String id) throws IOException {
    return JSON.readTree(Path.of("forms", id + ".form").toFile());
  }

  private static JsonNode field(JsonNode form, String key) {
    return StreamSupport.stream(form.path("components").spliterator(), false)
        .filter(c -> key.equals(c.path("key").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no field " + key));
  }

  private static List<String> values(JsonNode field) {
    return StreamSupport.stream(field.path("values").spliterator(), false).map(v -> v.path("value").asText()).toList();
  }
}
