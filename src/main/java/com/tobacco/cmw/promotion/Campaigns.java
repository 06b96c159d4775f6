package com.tobacco.cmw.promotion;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The promotion campaigns and everything recorded on them (tables of {@code V15__promotion_selection.sql}):
 * items and their stock, candidates with their score parts, shares, reviews, hand-outs and
 * receipts. Every row links to the campaign, the campaign to its process instance.
 */
@Repository
public class Campaigns {

  public record Campaign(long id, String campaignNo, int year, int seq, String processInstanceId, String brandCode,
                         LocalDate periodFrom, LocalDate periodTo, int slots, List<String> regions, String note,
                         String status, String outcome, LocalDate evaluatedOn, Integer eligibleCount, String startedBy,
                         Instant startedAt, String decidedBy, Instant decidedAt, Instant closedAt) {}

  public record Item(long id, long campaignId, int itemNo, String name, int stock, int perCustomer, int handedOut) {}

  public record Candidate(String customerCode, String storeName, String regionCode, String managerId, int grade,
                          int managerRank, BigDecimal score, BigDecimal volumeCartons, BigDecimal volumePart,
                          BigDecimal previousCartons, BigDecimal growthPart, int priceChecks, int priceChecksClean,
                          BigDecimal compliancePart, int visitsPlanned, int visitsConfirmed, BigDecimal cooperationPart,
                          BigDecimal satisfactionAverage, BigDecimal satisfactionPart, boolean recommended,
                          String recommendReason, String reviewStatus, String reviewReason, boolean chosen) {}

  public record Share(String managerId, String regionCode, int eligibleCount, int share, Instant recommendedAt) {}

  public record HandOut(long id, long campaignId, String customerCode, String status, String signerName,
                        Boolean confirmed, LocalDate signedOn, String handedBy, Instant handedAt, String cancelReason,
                        String exitBusinessKey, Instant createdAt) {}

  public record HandOutLine(long itemId, String itemName, int quantity) {}

  private static final String CAMPAIGN_COLUMNS = "id, campaign_no, campaign_year, campaign_seq, process_instance_id, "
      + "brand_code, period_from, period_to, slots, regions, note, status, outcome, evaluated_on, eligible_count, "
      + "started_by, started_at, decided_by, decided_at, closed_at";

  private static final String CANDIDATE_COLUMNS = "p.customer_code, c.store_name, p.region_code, p.manager_id, p.grade, "
      + "p.manager_rank, p.score, p.volume_cartons, p.volume_part, p.previous_cartons, p.growth_part, p.price_checks, "
      + "p.price_checks_clean, p.compliance_part, p.visits_planned, p.visits_confirmed, p.cooperation_part, "
      + "p.satisfaction_avg, p.satisfaction_part, p.recommended, p.recommend_reason, p.review_status, p.review_reason, "
      + "p.chosen";

  private final JdbcTemplate jdbc;

  public Campaigns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---------------------------------------------------------------- campaign

  public long insert(String campaignNo, int year, int seq, String processInstanceId, String brandCode,
                     LocalDate from, LocalDate to, int slots, List<String> regions, String note, LocalDate evaluatedOn,
                     String startedBy, Instant startedAt) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("INSERT INTO cm_promotion_campaign (campaign_no, campaign_year, "
          + "campaign_seq, process_instance_id, brand_code, period_from, period_to, slots, regions, note, status, "
          + "evaluated_on, started_by, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'EVALUATING', ?, ?, ?)",
          new String[] {"id"});
      ps.setString(1, campaignNo);
      ps.setInt(2, year);
      ps.setInt(3, seq);
      ps.setString(4, processInstanceId);
      ps.setString(5, brandCode);
      ps.setDate(6, Date.valueOf(from));
      ps.setDate(7, Date.valueOf(to));
      ps.setInt(8, slots);
      ps.setString(9, String.join(",", regions));
      ps.setString(10, note);
      ps.setDate(11, Date.valueOf(evaluatedOn));
      ps.setString(12, startedBy);
      ps.setTimestamp(13, Timestamp.from(startedAt));
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  public void insertItem(long campaignId, int itemNo, PromotionInput.ItemSpec item) {
    jdbc.update("INSERT INTO cm_promotion_item (campaign_id, item_no, item_name, stock, per_customer) VALUES (?, ?, ?, ?, ?)",
        campaignId, itemNo, item.name(), item.stock(), item.perCustomer());
  }

  public Optional<Campaign> find(String campaignNo) {
    return jdbc.query("SELECT " + CAMPAIGN_COLUMNS + " FROM cm_promotion_campaign WHERE campaign_no = ?",
        Campaigns::campaign, campaignNo).stream().findFirst();
  }

  public Campaign require(String processInstanceId) {
    return jdbc.query("SELECT " + CAMPAIGN_COLUMNS + " FROM cm_promotion_campaign WHERE process_instance_id = ?",
        Campaigns::campaign, processInstanceId).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no promotion campaign for process instance " + processInstanceId));
  }

  public List<Campaign> all() {
    return jdbc.query("SELECT " + CAMPAIGN_COLUMNS + " FROM cm_promotion_campaign ORDER BY campaign_year DESC, "
        + "campaign_seq DESC", Campaigns::campaign);
  }

  public void status(long campaignId, String status) {
    jdbc.update("UPDATE cm_promotion_campaign SET status = ? WHERE id = ?", status, campaignId);
  }

  public void evaluated(long campaignId, int eligibleCount) {
    jdbc.update("UPDATE cm_promotion_campaign SET eligible_count = ? WHERE id = ?", eligibleCount, campaignId);
  }

  public void decided(long campaignId, String by, Instant at) {
    jdbc.update("UPDATE cm_promotion_campaign SET decided_by = ?, decided_at = ?, status = 'HANDING_OUT' WHERE id = ?",
        by, Timestamp.from(at), campaignId);
  }

  public void close(long campaignId, String outcome, Instant at) {
    jdbc.update("UPDATE cm_promotion_campaign SET status = 'CLOSED', outcome = ?, closed_at = ? WHERE id = ?",
        outcome, Timestamp.from(at), campaignId);
  }

  /**
   * The campaign's instance was deleted before it closed: the campaign closes as {@code CANCELLED}
   * and its pending hand-outs as {@code CANCELLED} with {@code note}; false when it was closed already.
   */
  public boolean cancelCampaign(long campaignId, String note, Instant at) {
    jdbc.update("UPDATE cm_promotion_handout SET status = 'CANCELLED', cancel_reason = ?, handed_at = ? "
        + "WHERE campaign_id = ? AND status = 'PENDING'", note, Timestamp.from(at), campaignId);
    return jdbc.update("UPDATE cm_promotion_campaign SET status = 'CLOSED', outcome = 'CANCELLED', closed_at = ? "
        + "WHERE id = ? AND status <> 'CLOSED'", Timestamp.from(at), campaignId) == 1;
  }

  public Optional<Campaign> findByInstance(String processInstanceId) {
    return jdbc.query("SELECT " + CAMPAIGN_COLUMNS + " FROM cm_promotion_campaign WHERE process_instance_id = ?",
        Campaigns::campaign, processInstanceId).stream().findFirst();
  }

  // ---------------------------------------------------------------- items

  public List<Item> items(long campaignId) {
    return jdbc.query("SELECT id, campaign_id, item_no, item_name, stock, per_customer, handed_out FROM cm_promotion_item "
            + "WHERE campaign_id = ? ORDER BY item_no",
        (rs, i) -> new Item(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
            rs.getInt(7)), campaignId);
  }

  /**
   * Takes {@code quantity} of an item from its stock if that much is left: one guarded UPDATE, so
   * concurrent hand-outs can never take more than the stock together (the row stays locked until
   * the hand-out's transaction ends; a hand-out that would exceed it changes nothing).
   */
  public boolean take(long itemId, int quantity) {
    return jdbc.update("UPDATE cm_promotion_item SET handed_out = handed_out + ? WHERE id = ? AND handed_out + ? <= stock",
        quantity, itemId, quantity) == 1;
  }

  // ---------------------------------------------------------------- candidates and shares

  public void insertCandidate(long campaignId, String customerCode, String regionCode, String managerId, int grade,
                              int rank, ComprehensiveScore.Facts f, ComprehensiveScore.Result r) {
    jdbc.update("INSERT INTO cm_promotion_candidate (campaign_id, customer_code, region_code, manager_id, grade, "
            + "manager_rank, score, volume_cartons, volume_part, previous_cartons, growth_part, price_checks, "
            + "price_checks_clean, compliance_part, visits_planned, visits_confirmed, cooperation_part, satisfaction_avg, "
            + "satisfaction_part) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        campaignId, customerCode, regionCode, managerId, grade, rank, r.score(), f.volumeCartons(), r.volume(),
        f.previousCartons(), r.growth(), f.priceChecks(), f.priceChecksClean(), r.compliance(), f.visitsPlanned(),
        f.visitsConfirmed(), r.cooperation(), f.satisfactionAverage(), r.satisfaction());
  }

  public List<Candidate> candidates(long campaignId) {
    return jdbc.query("SELECT " + CANDIDATE_COLUMNS + " FROM cm_promotion_candidate p JOIN cm_customer c "
        + "ON c.customer_code = p.customer_code WHERE p.campaign_id = ? ORDER BY p.score DESC, p.customer_code",
        Campaigns::candidate, campaignId);
  }

  /** A manager's ranked list (rank 1 first). */
  public List<Candidate> candidatesOf(long campaignId, String managerId) {
    return jdbc.query("SELECT " + CANDIDATE_COLUMNS + " FROM cm_promotion_candidate p JOIN cm_customer c "
        + "ON c.customer_code = p.customer_code WHERE p.campaign_id = ? AND p.manager_id = ? ORDER BY p.manager_rank",
        Campaigns::candidate, campaignId, managerId);
  }

  /** The codes among {@code codes} whose customer is no longer {@code ACTIVE} (exited, suspended) now. */
  public List<String> notActive(java.util.Collection<String> codes) {
    return codes.stream().filter(code -> jdbc.queryForList("SELECT status FROM cm_customer WHERE customer_code = ?",
        String.class, code).stream().noneMatch("ACTIVE"::equals)).toList();
  }

  public void insertShare(long campaignId, String managerId, String regionCode, int eligibleCount, int share) {
    jdbc.update("INSERT INTO cm_promotion_share (campaign_id, manager_id, region_code, eligible_count, share) "
        + "VALUES (?, ?, ?, ?, ?)", campaignId, managerId, regionCode, eligibleCount, share);
  }

  public List<Share> shares(long campaignId) {
    return jdbc.query("SELECT manager_id, region_code, eligible_count, share, recommended_at FROM cm_promotion_share "
            + "WHERE campaign_id = ? ORDER BY region_code, manager_id",
        (rs, i) -> new Share(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), instant(rs, 5)), campaignId);
  }

  public Optional<Share> share(long campaignId, String managerId) {
    return shares(campaignId).stream().filter(s -> s.managerId().equals(managerId)).findFirst();
  }

  /** A manager's recommendations (§4.2.1), with the reason of each choice over a higher-ranked customer. */
  public void recommend(long campaignId, String managerId, List<String> codes, Map<String, String> reasons, String by,
                        Instant at) {
    for (String code : codes) {
      jdbc.update("UPDATE cm_promotion_candidate SET recommended = TRUE, recommend_reason = ?, recommended_by = ?, "
          + "recommended_at = ? WHERE campaign_id = ? AND customer_code = ? AND manager_id = ?",
          reasons.get(code), by, Timestamp.from(at), campaignId, code, managerId);
    }
    jdbc.update("UPDATE cm_promotion_share SET recommended_at = ? WHERE campaign_id = ? AND manager_id = ?",
        Timestamp.from(at), campaignId, managerId);
  }

  /** The regional manager's review: the region's recommended customers forwarded, the removed ones with reason. */
  public void review(long campaignId, String regionCode, Map<String, String> removed, String comment, String by,
                     Instant at) {
    int forwarded = 0;
    for (Candidate c : candidates(campaignId)) {
      if (!c.recommended() || !c.regionCode().equals(regionCode)) {
        continue;
      }
      String reason = removed.get(c.customerCode());
      jdbc.update("UPDATE cm_promotion_candidate SET review_status = ?, review_reason = ?, reviewed_by = ?, "
              + "reviewed_at = ? WHERE campaign_id = ? AND customer_code = ?", reason == null ? "FORWARDED" : "REMOVED",
          reason, by, Timestamp.from(at), campaignId, c.customerCode());
      forwarded += reason == null ? 1 : 0;
    }
    jdbc.update("INSERT INTO cm_promotion_review (campaign_id, region_code, reviewed_by, reviewed_at, forwarded, removed, "
        + "comment) VALUES (?, ?, ?, ?, ?, ?, ?)", campaignId, regionCode, by, Timestamp.from(at), forwarded,
        removed.size(), comment);
  }

  public void choose(long campaignId, List<String> codes) {
    for (String code : codes) {
      jdbc.update("UPDATE cm_promotion_candidate SET chosen = TRUE WHERE campaign_id = ? AND customer_code = ?",
          campaignId, code);
    }
  }

  // ---------------------------------------------------------------- hand-outs

  public void insertHandOut(long campaignId, String customerCode, Instant at) {
    jdbc.update("INSERT INTO cm_promotion_handout (campaign_id, customer_code, status, created_at) VALUES (?, ?, "
        + "'PENDING', ?)", campaignId, customerCode, Timestamp.from(at));
  }

  private static final String HANDOUT_SELECT = "SELECT id, campaign_id, customer_code, status, signer_name, "
      + "confirmed, signed_on, handed_by, handed_at, cancel_reason, exit_business_key, created_at FROM cm_promotion_handout ";

  public Optional<HandOut> handOut(long campaignId, String customerCode) {
    return jdbc.query(HANDOUT_SELECT + "WHERE campaign_id = ? AND customer_code = ?", Campaigns::handOut, campaignId,
            customerCode)
        .stream().findFirst();
  }

  public List<HandOut> handOuts(long campaignId) {
    return jdbc.query(HANDOUT_SELECT + "WHERE campaign_id = ? ORDER BY customer_code", Campaigns::handOut, campaignId);
  }

  /** Pending hand-outs of a customer in running campaigns: campaign number, process instance, brand. */
  public List<Map<String, Object>> pendingOf(String customerCode) {
    return jdbc.queryForList("SELECT c.campaign_no, c.process_instance_id, c.brand_code, h.id AS handout_id, "
        + "h.task_execution_id "
        + "FROM cm_promotion_handout h JOIN cm_promotion_campaign c ON c.id = h.campaign_id "
        + "WHERE h.customer_code = ? AND h.status = 'PENDING' ORDER BY c.campaign_no", customerCode);
  }

  /** Marks a pending hand-out as handed out with its receipt; false when it is no longer pending. */
  public boolean handedOut(long handOutId, String signerName, LocalDate signedOn, String by, Instant at) {
    return jdbc.update("UPDATE cm_promotion_handout SET status = 'HANDED_OUT', signer_name = ?, confirmed = TRUE, "
            + "signed_on = ?, handed_by = ?, handed_at = ? WHERE id = ? AND status = 'PENDING'", signerName,
        Date.valueOf(signedOn), by, Timestamp.from(at), handOutId) == 1;
  }

  public void insertLine(long handOutId, long itemId, int quantity) {
    jdbc.update("INSERT INTO cm_promotion_handout_item (handout_id, item_id, quantity) VALUES (?, ?, ?)",
        handOutId, itemId, quantity);
  }

  public List<HandOutLine> lines(long handOutId) {
    return jdbc.query("SELECT l.item_id, i.item_name, l.quantity FROM cm_promotion_handout_item l "
            + "JOIN cm_promotion_item i ON i.id = l.item_id WHERE l.handout_id = ? ORDER BY i.item_no",
        (rs, i) -> new HandOutLine(rs.getLong(1), rs.getString(2), rs.getInt(3)), handOutId);
  }

  /**
   * Links a pending hand-out to its engine execution and task execution when its task is created
   * (the customer comes from the decision's collection then, before anyone could change a variable).
   */
  public void bind(long campaignId, String customerCode, String executionId, String taskExecutionId, String assignee) {
    jdbc.update("UPDATE cm_promotion_handout SET execution_id = ?, task_execution_id = ?, assignee = ? "
        + "WHERE campaign_id = ? AND customer_code = ? AND execution_id IS NULL", executionId, taskExecutionId, assignee,
        campaignId, customerCode);
  }

  /** Who holds the hand-out's task now (set when the task is created or reassigned). */
  public void assign(String executionId, String assignee) {
    jdbc.update("UPDATE cm_promotion_handout SET assignee = ? WHERE execution_id = ?", assignee, executionId);
  }

  /** The hand-out linked to this engine execution ({@link #bind}). */
  public Optional<HandOut> handOutOf(String executionId) {
    return jdbc.query("SELECT id, campaign_id, customer_code, status, signer_name, confirmed, signed_on, handed_by, "
            + "handed_at, cancel_reason, exit_business_key, created_at FROM cm_promotion_handout WHERE execution_id = ?",
        Campaigns::handOut, executionId).stream().findFirst();
  }

  public Optional<String> assignee(long campaignId, String customerCode) {
    return jdbc.queryForList("SELECT assignee FROM cm_promotion_handout WHERE campaign_id = ? AND customer_code = ?",
        String.class, campaignId, customerCode).stream().filter(java.util.Objects::nonNull).findFirst();
  }

  /** A pending hand-out its manager could not hand out (stock gone, customer refused…): nothing taken from stock. */
  public boolean notHandedOut(long handOutId, String reason, String by, Instant at) {
    return jdbc.update("UPDATE cm_promotion_handout SET status = 'NOT_HANDED_OUT', cancel_reason = ?, handed_by = ?, "
        + "handed_at = ? WHERE id = ? AND status = 'PENDING'", reason, by, Timestamp.from(at), handOutId) == 1;
  }

  /** Cancels a pending hand-out (the customer exited): nothing is taken from stock. */
  public boolean cancel(long handOutId, String reason, String exitBusinessKey, Instant at) {
    return jdbc.update("UPDATE cm_promotion_handout SET status = 'CANCELLED', cancel_reason = ?, exit_business_key = ?, "
        + "handed_at = ? WHERE id = ? AND status = 'PENDING'", reason, exitBusinessKey, Timestamp.from(at), handOutId) == 1;
  }

  // ---------------------------------------------------------------- mapping

  private static Campaign campaign(ResultSet rs, int row) throws SQLException {
    Date evaluated = rs.getDate(14);
    return new Campaign(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6),
        rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(), rs.getInt(9), Arrays.asList(rs.getString(10).split(",")),
        rs.getString(11), rs.getString(12), rs.getString(13), evaluated.toLocalDate(),
        (Integer) rs.getObject(15, Integer.class), rs.getString(16), instant(rs, 17), rs.getString(18), instant(rs, 19),
        instant(rs, 20));
  }

  private static Candidate candidate(ResultSet rs, int row) throws SQLException {
    return new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
        rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11),
        rs.getInt(12), rs.getInt(13), rs.getBigDecimal(14), rs.getInt(15), rs.getInt(16), rs.getBigDecimal(17),
        rs.getBigDecimal(18), rs.getBigDecimal(19), rs.getBoolean(20), rs.getString(21), rs.getString(22),
        rs.getString(23), rs.getBoolean(24));
  }

  private static HandOut handOut(ResultSet rs, int row) throws SQLException {
    Date signed = rs.getDate(7);
    return new HandOut(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
        (Boolean) rs.getObject(6, Boolean.class), signed == null ? null : signed.toLocalDate(), rs.getString(8),
        instant(rs, 9), rs.getString(10), rs.getString(11), instant(rs, 12));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

}
