package com.tobacco.cmw.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tobacco.cmw.support.RestClient;
import com.tobacco.cmw.support.SpringTestBase;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo users of SPEC §5 and the two performance evaluators with their groups, and the Tasklist filters every user gets. */
class AccessSetupTest extends SpringTestBase {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired ObjectMapper json;

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
      "admin, camunda-admin", "zhangwei, customer-managers", "lina, customer-managers",
      "wangfang, regional-managers", "wangfang, regional-managers-east", "chenjing, regional-managers",
      "chenjing, regional-managers-west", "liuyang, brand-managers", "zhaolei, monopoly-department",
      "sunli, sales-operations", "zhoumin, customer-service-center", "wuqiang, customer-service-managers",
      "auditor, auditors", "zhengjun, performance-evaluators", "fengyan, performance-evaluators",
  })
  void demoUsersHaveTheirGroupsAndThePasswordDemo(String user, String group) {
    assertThat(identityService.createGroupQuery().groupMember(user).groupId(group).count()).isOne();
    assertThat(identityService.checkPassword(user, "demo")).isTrue();
  }

  @Test
  void customerManagersAreNeverRegionalCandidates() {
    assertThat(identityService.createUserQuery().memberOfGroup("regional-managers-east").list())
        .extracting(u -> u.getId()).containsExactly("wangfang");
  }

  @Test
  void everyUserSeesTheThreeTasklistFilters() throws Exception {
    for (String user : List.of("zhangwei", "wangfang", "wuqiang")) {
      JsonNode filters = json.readTree(new RestClient(port).get(user, "/engine-rest/filter?resourceType=Task").body());
      List<String> names = new ArrayList<>();
      filters.forEach(f -> names.add(f.get("name").asText()));
      assertThat(names).contains("我的任務 My tasks", "待認領 Group tasks", "客戶訪問 Visits");
      // Tasklist reads each filter's tasks through the filter itself: that needs READ on the filter
      for (JsonNode filter : filters) {
        assertThat(new RestClient(port).get(user, "/engine-rest/filter/" + filter.get("id").asText() + "/count").statusCode())
            .as("%s counts filter %s", user, filter.get("name").asText()).isEqualTo(200);
      }
    }
  }
}
