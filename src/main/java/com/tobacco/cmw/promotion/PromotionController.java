package com.tobacco.cmw.promotion;

import static com.tobacco.cmw.promotion.PromotionSelectionProcess.Var;

import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.process.InvalidInput;
import com.tobacco.cmw.security.AccessDeniedException;
import com.tobacco.cmw.security.CurrentUser;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.web.ApiErrors.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/promotions}: start a campaign (brand managers; answers the campaign number), list
 * the campaigns one may see, the summary as JSON and Excel, and the printable
 * 《宣傳促銷品簽收單》 of one customer. Brand managers, auditors and administrators see every
 * campaign; a regional manager those covering their region (summary of that region's part of the
 * work included); a customer manager those they have a share in, and only the receipts of their
 * own customers; anyone else is refused.
 */
@RestController
@RequestMapping("/api/promotions")
public class PromotionController {

  static final List<String> HEAD_OFFICE = List.of(Roles.BRAND_MANAGERS, Roles.AUDITORS, Roles.ADMIN);

  public record Started(String campaignNo, String processInstanceId) {}

  public record CampaignLine(String campaignNo, String brandCode, String periodFrom, String periodTo, int slots,
                             List<String> regions, String status, String outcome, Integer eligible, String startedBy) {}

  private final RuntimeService runtimeService;
  private final Campaigns campaigns;
  private final PromotionSummary summaries;
  private final PromotionDocuments documents;
  private final PromotionParties parties;
  private final CustomerRepository customers;
  private final CurrentUser currentUser;
  private final com.tobacco.cmw.security.StaffDirectory staff;

  public PromotionController(RuntimeService runtimeService, Campaigns campaigns, PromotionSummary summaries,
                             PromotionDocuments documents, PromotionParties parties, CustomerRepository customers,
                             CurrentUser currentUser, com.tobacco.cmw.security.StaffDirectory staff) {
    this.runtimeService = runtimeService;
    this.campaigns = campaigns;
    this.summaries = summaries;
    this.documents = documents;
    this.parties = parties;
    this.customers = customers;
    this.currentUser = currentUser;
    this.staff = staff;
  }

  /**
   * Starts a campaign. Body: {@code brandCode}, {@code periodFrom}, {@code periodTo} (yyyy-MM-dd),
   * {@code regions} (array or comma list), {@code slots}, {@code items} (array of
   * {@code {name, stock, perCustomer}} or the start form's text), {@code note}.
   */
  @PostMapping
  public ResponseEntity<Started> start(@RequestBody(required = false) Map<String, Object> body) {
    String userId = currentUser.requireUserId();
    if (currentUser.groups().stream().noneMatch(g -> g.equals(Roles.BRAND_MANAGERS) || g.equals(Roles.ADMIN))) {
      throw new AccessDeniedException("只有品牌經理可以發起促銷活動 / only brand managers start promotions (" + userId + ")");
    }
    Map<String, Object> variables = new HashMap<>();
    if (body != null) {
      for (String field : List.of(Var.BRAND_CODE, Var.PERIOD_FROM, Var.PERIOD_TO, Var.SLOTS, Var.NOTE)) {
        if (body.get(field) != null) {
          variables.put(field, body.get(field) instanceof Number n ? n : body.get(field).toString());
        }
      }
      Object regions = body.get(Var.REGIONS);
      if (regions instanceof List<?> list) {
        variables.put(Var.REGIONS, String.join(",", list.stream().map(String::valueOf).toList()));
      } else if (regions != null) {
        variables.put(Var.REGIONS, regions.toString());
      }
      variables.put(Var.ITEMS, itemsText(body.get(Var.ITEMS)));
    }
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PromotionSelectionProcess.PROCESS_KEY, variables);
    return ResponseEntity.status(HttpStatus.CREATED).body(new Started(pi.getBusinessKey(), pi.getId()));
  }

  @GetMapping
  public List<CampaignLine> list() {
    return campaigns.all().stream().filter(this::visible).map(c -> new CampaignLine(c.campaignNo(), c.brandCode(),
        c.periodFrom().toString(), c.periodTo().toString(), c.slots(), c.regions(), c.status(), c.outcome(),
        c.eligibleCount(), c.startedBy())).toList();
  }

  @GetMapping("/{campaignNo}/summary")
  public PromotionSummary.Summary summary(@PathVariable String campaignNo) {
    return scoped(summaries.of(summaryCampaign(campaignNo)));
  }

  /** A regional manager's summary: the campaign's counts and items, the candidates and receipts of their region only. */
  private PromotionSummary.Summary scoped(PromotionSummary.Summary s) {
    if (currentUser.groups().stream().anyMatch(HEAD_OFFICE::contains)) {
      return s;
    }
    String region = regionOf(currentUser.requireUserId());
    List<PromotionSummary.CandidateLine> candidates = s.candidates().stream()
        .filter(c -> c.regionCode().equals(region)).toList();
    java.util.Set<String> codes = new java.util.HashSet<>(candidates.stream()
        .map(PromotionSummary.CandidateLine::customerCode).toList());
    return new PromotionSummary.Summary(s.campaignNo(), s.brandCode(), s.periodFrom(), s.periodTo(), s.slots(), s.regions(),
        s.status(), s.outcome(), s.startedBy(), s.startedAt(), s.evaluatedOn(), s.eligible(), s.recommended(),
        s.forwarded(), s.chosen(), s.handedOut(), s.cancelled(), s.pending(),
        s.shares().stream().filter(x -> x.regionCode().equals(region)).toList(), s.items(),
        s.receipts().stream().filter(r -> codes.contains(r.customerCode())).toList(), candidates);
  }

  @GetMapping("/{campaignNo}/summary.xlsx")
  public ResponseEntity<byte[]> workbook(@PathVariable String campaignNo) {
    Campaigns.Campaign c = summaryCampaign(campaignNo);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("促銷活動匯總-" + campaignNo + ".xlsx", StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(documents.workbook(scoped(summaries.of(c))));
  }

  /** The printable 《宣傳促銷品簽收單》 of one chosen customer. */
  @GetMapping("/{campaignNo}/receipts/{customerCode}")
  public ResponseEntity<String> receipt(@PathVariable String campaignNo, @PathVariable String customerCode) {
    Campaigns.Campaign c = campaigns.find(campaignNo).orElseThrow(() -> notFound(campaignNo));
    com.tobacco.cmw.customer.Customer customer = customers.find(customerCode).orElseThrow(() -> notFound(campaignNo));
    List<String> groups = currentUser.groups();
    String userId = currentUser.requireUserId();
    boolean allowed = groups.stream().anyMatch(HEAD_OFFICE::contains)
        || (groups.contains(Roles.REGIONAL_MANAGERS) && customer.regionCode().equals(regionOf(userId)))
        || (groups.contains(Roles.CUSTOMER_MANAGERS) && customer.managerId().equals(userId));
    if (!allowed) {
      throw new AccessDeniedException("無權查看客戶 " + customerCode + " 的簽收單 / not allowed to read this receipt");
    }
    PromotionSummary.Summary s = summaries.of(c);
    PromotionSummary.Receipt r = s.receipts().stream().filter(x -> x.customerCode().equals(customer.customerCode()))
        .findFirst().orElseThrow(() -> new NoSuchElementException("客戶 " + customerCode + " 不是促銷活動 " + campaignNo
            + " 確定的客戶 / no hand-out to " + customerCode + " in " + campaignNo));
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(documents.receipt(s, r, parties.campaignText(c), customer.address()));
  }

  private Campaigns.Campaign summaryCampaign(String campaignNo) {
    Campaigns.Campaign c = campaigns.find(campaignNo).orElseThrow(() -> notFound(campaignNo));
    List<String> groups = currentUser.groups();
    String userId = currentUser.requireUserId();
    boolean allowed = groups.stream().anyMatch(HEAD_OFFICE::contains)
        || (groups.contains(Roles.REGIONAL_MANAGERS) && c.regions().contains(regionOf(userId)));
    if (!allowed) {
      if (visible(c)) {
        throw new AccessDeniedException("促銷活動匯總只供品牌經理、區域市場經理和審計查看 / the summary is for brand managers, "
            + "regional managers and auditors");
      }
      throw notFound(campaignNo);
    }
    return c;
  }

  private boolean visible(Campaigns.Campaign c) {
    List<String> groups = currentUser.groups();
    String userId = currentUser.requireUserId();
    if (groups.stream().anyMatch(HEAD_OFFICE::contains)) {
      return true;
    }
    if (groups.contains(Roles.REGIONAL_MANAGERS)) {
      return c.regions().contains(regionOf(userId));
    }
    if (groups.contains(Roles.CUSTOMER_MANAGERS)) {
      return campaigns.share(c.id(), userId).isPresent();
    }
    throw new AccessDeniedException("用戶 " + userId + " 無權查看促銷活動 / not allowed to read promotions");
  }

  private String regionOf(String userId) {
    return staff.find(userId).map(com.tobacco.cmw.security.StaffDirectory.Staff::regionCode).orElse("");
  }

  private static NoSuchElementException notFound(String campaignNo) {
    return new NoSuchElementException("促銷活動 " + campaignNo + " 不存在或不在您的權限範圍內 / promotion " + campaignNo
        + " not found");
  }

  /** JSON items → the start form's text (one line per item: name, stock, per customer). */
  static String itemsText(Object items) {
    if (items == null) {
      return null;
    }
    if (items instanceof List<?> list) {
      StringBuilder text = new StringBuilder();
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          text.append(clean(m.get("name"))).append(", ").append(clean(m.get("stock"))).append(", ")
              .append(clean(m.get("perCustomer"))).append('\n');
        } else {
          text.append(clean(o)).append('\n');
        }
      }
      return text.toString();
    }
    return items.toString();
  }

  private static String clean(Object value) {
    return value == null ? "" : value.toString().replace(",", " ").replace(",", " ").replace("\n", " ").strip();
  }

  @ExceptionHandler(InvalidInput.class)
  public ResponseEntity<ApiError> invalid(InvalidInput e) {
    return ResponseEntity.badRequest().body(new ApiError(400, e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  public ResponseEntity<ApiError> notAuthorized(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(403,
        "無權發起促銷活動 / not authorized to start a promotion"));
  }
}
