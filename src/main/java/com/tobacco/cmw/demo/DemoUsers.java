package com.tobacco.cmw.demo;

import com.tobacco.cmw.security.Roles;
import java.util.List;

/** The demo users of SPEC §5, and the two performance evaluators (篇2) SPEC does not name. */
final class DemoUsers {

  record DemoUser(String id, String name, String group, String region) {}

  static final String PASSWORD = "demo";

  static final List<DemoUser> ALL = List.of(
      new DemoUser("zhangwei", "張偉", Roles.CUSTOMER_MANAGERS, "EAST"),
      new DemoUser("lina", "李娜", Roles.CUSTOMER_MANAGERS, "WEST"),
      new DemoUser("wangfang", "王芳", Roles.REGIONAL_MANAGERS, "EAST"),
      new DemoUser("chenjing", "陳靜", Roles.REGIONAL_MANAGERS, "WEST"),
      new DemoUser("liuyang", "劉洋", Roles.BRAND_MANAGERS, null),
      new DemoUser("zhaolei", "趙磊", Roles.MONOPOLY_DEPARTMENT, null),
      new DemoUser("sunli", "孫麗", Roles.SALES_OPERATIONS, null),
      new DemoUser("zhoumin", "周敏", Roles.CUSTOMER_SERVICE_CENTER, null),
      new DemoUser("wuqiang", "吳強", Roles.CUSTOMER_SERVICE_MANAGERS, null),
      new DemoUser("auditor", "審計員", Roles.AUDITORS, null),
      new DemoUser("zhengjun", "鄭軍", Roles.PERFORMANCE_EVALUATORS, null),
      new DemoUser("fengyan", "馮艷", Roles.PERFORMANCE_EVALUATORS, null));

  private DemoUsers() {}
}
