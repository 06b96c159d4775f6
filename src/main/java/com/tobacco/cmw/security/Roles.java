package com.tobacco.cmw.security;

import java.util.List;
import java.util.Locale;

/** Group ids of SPEC §1, and the per-region groups of regional managers. */
public final class Roles {

  public static final String ADMIN = "camunda-admin";
  public static final String CUSTOMER_MANAGERS = "customer-managers";
  public static final String REGIONAL_MANAGERS = "regional-managers";
  public static final String BRAND_MANAGERS = "brand-managers";
  public static final String MONOPOLY_DEPARTMENT = "monopoly-department";
  public static final String SALES_OPERATIONS = "sales-operations";
  public static final String CUSTOMER_SERVICE_CENTER = "customer-service-center";
  public static final String CUSTOMER_SERVICE_MANAGERS = "customer-service-managers";
  public static final String SALES_ACCOUNT_MANAGERS = "sales-account-managers";
  public static final String AREA_MANAGERS = "area-managers";
  public static final String AUDITORS = "auditors";
  /**
   * The superiors of the customer-service department who evaluate its managers (篇2). SPEC §1
   * names no evaluator role; this group is ours (docs/decisions.md).
   */
  public static final String PERFORMANCE_EVALUATORS = "performance-evaluators";

  /** Role groups with their Chinese names, in the order of SPEC §1, then the groups SPEC does not name. */
  public static final List<String[]> ROLE_GROUPS = List.of(
      new String[] {CUSTOMER_MANAGERS, "客戶經理"},
      new String[] {REGIONAL_MANAGERS, "區域市場經理"},
      new String[] {BRAND_MANAGERS, "品牌經理"},
      new String[] {MONOPOLY_DEPARTMENT, "專賣部門"},
      new String[] {SALES_OPERATIONS, "卷煙經營部"},
      new String[] {CUSTOMER_SERVICE_CENTER, "客戶服務中心"},
      new String[] {CUSTOMER_SERVICE_MANAGERS, "客戶服務部經理"},
      new String[] {SALES_ACCOUNT_MANAGERS, "客戶經理(銷售部)"},
      new String[] {AREA_MANAGERS, "大區經理"},
      new String[] {AUDITORS, "審計"},
      new String[] {PERFORMANCE_EVALUATORS, "績效測評人"});

  private Roles() {}

  /**
   * The group of the regional managers of one region: candidates for that region's decisions.
   * Customer managers are never in it, so they cannot claim their own downgrade decision.
   */
  public static String regionalManagersOf(String regionCode) {
    return REGIONAL_MANAGERS + "-" + regionCode.toLowerCase(Locale.ROOT);
  }
}
