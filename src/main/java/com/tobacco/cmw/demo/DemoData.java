package com.tobacco.cmw.demo;

import com.tobacco.cmw.customer.Brand;
import com.tobacco.cmw.customer.BrandRepository;
import com.tobacco.cmw.customer.Customer;
import com.tobacco.cmw.customer.CustomerRepository;
import com.tobacco.cmw.customer.CustomerStatus;
import com.tobacco.cmw.security.AccessSetup;
import com.tobacco.cmw.security.Roles;
import com.tobacco.cmw.security.StaffDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import com.tobacco.cmw.config.SetupStep;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data once (skipped when regions exist). Deterministic: a fixed random seed, and
 * sales dated relative to the first day of the current month so the demo always looks current.
 * Runs before {@link AccessSetup}, which then finds the regions and makes their groups.
 */
@Component
@Profile("demo")
@Order(5)
public class DemoData implements SetupStep {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  static final long SEED = 20260101L;

  private final JdbcTemplate jdbc;
  private final IdentityService identityService;
  private final StaffDirectory staff;
  private final CustomerRepository customers;
  private final BrandRepository brands;
  private final TransactionTemplate tx;
  private final int customersPerManager;
  private final int monthsOfSales;

  public DemoData(JdbcTemplate jdbc, IdentityService identityService, StaffDirectory staff, CustomerRepository customers,
                  BrandRepository brands, TransactionTemplate tx,
                  @Value("${cmw.demo.customers-per-manager:150}") int customersPerManager,
                  @Value("${cmw.demo.months-of-sales:24}") int monthsOfSales) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.staff = staff;
    this.customers = customers;
    this.brands = brands;
    this.tx = tx;
    this.customersPerManager = customersPerManager;
    this.monthsOfSales = monthsOfSales;
  }

  @Override
  public void run() {
    users();
    Integer regions = jdbc.queryForObject("SELECT COUNT(*) FROM cm_region", Integer.class);
    if (regions != null && regions > 0) {
      return;
    }
    long started = System.currentTimeMillis();
    tx.executeWithoutResult(s -> {
      jdbc.update("INSERT INTO cm_region (region_code, name) VALUES ('EAST', '東區'), ('WEST', '西區')");
      jdbc.update("INSERT INTO cm_region_area (region_code, area_code, name) VALUES ('EAST', '330102', '上城區'), "
          + "('EAST', '330105', '拱墅區'), ('WEST', '330106', '西湖區'), ('WEST', '330108', '濱江區')");
      for (DemoUsers.DemoUser u : DemoUsers.ALL) {
        staff.save(new StaffDirectory.Staff(u.id(), u.name(), u.group(), u.region(), true));
      }
      List<Brand> catalogue = DemoCatalogue.brands();
      catalogue.forEach(brands::insert);
      Random random = new Random(SEED);
      List<Customer> all = new ArrayList<>();
      all.addAll(customersOf("zhangwei", "EAST", "330102", 10001, random));
      all.addAll(customersOf("lina", "WEST", "330106", 20001, random));
      all.forEach(customers::insert);
      int lines = new DemoSales(jdbc, random).generate(all, catalogue, LocalDate.now().withDayOfMonth(1), monthsOfSales);
      log.info("Demo data loaded: 2 regions, {} customers, {} brands, {} sales lines in {} ms",
          all.size(), catalogue.size(), lines, System.currentTimeMillis() - started);
    });
  }

  /** Users and memberships; regional managers also join their region's group. */
  private void users() {
    for (DemoUsers.DemoUser u : DemoUsers.ALL) {
      if (identityService.createUserQuery().userId(u.id()).singleResult() != null) {
        continue;
      }
      User user = identityService.newUser(u.id());
      user.setFirstName(u.name());
      user.setLastName(" ");
      user.setEmail(u.id() + "@example.com");
      user.setPassword(DemoUsers.PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(u.id(), ensureGroup(u.group()));
      if (u.group().equals(Roles.REGIONAL_MANAGERS)) {
        identityService.createMembership(u.id(), ensureGroup(Roles.regionalManagersOf(u.region())));
      }
    }
  }

  private String ensureGroup(String id) {
    if (identityService.createGroupQuery().groupId(id).singleResult() == null) {
      var group = identityService.newGroup(id);
      group.setName(Roles.ROLE_GROUPS.stream().filter(r -> r[0].equals(id)).map(r -> r[1]).findFirst().orElse(id));
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
    return id;
  }

  private static final String[] STREETS = {"解放路", "中山路", "人民路", "建設路", "延安路", "文化路", "新華路", "和平路", "勝利路", "朝陽路"};
  private static final String[] SHOP_WORDS = {"便民", "興旺", "福源", "金鑫", "佳佳", "惠民", "順發", "友誼", "鴻運", "好又多", "萬家", "平安"};
  private static final String[] TYPES = {"便利店", "食雜店", "超市", "煙酒店", "商場"};
  private static final String[] SURNAMES = {"王", "李", "張", "劉", "陳", "楊", "黃", "趙", "吳", "周"};
  private static final String[] GIVEN = {"建國", "秀英", "志強", "麗華", "海濤", "桂芳", "國平", "春梅", "偉", "敏"};

  private List<Customer> customersOf(String managerId, String region, String areaCode, int firstCode, Random random) {
    List<Customer> list = new ArrayList<>();
    for (int i = 0; i < customersPerManager; i++) {
      int code = firstCode + i;
      double g = random.nextDouble();
      int grade = g < 0.10 ? 1 : g < 0.30 ? 2 : g < 0.65 ? 3 : g < 0.90 ? 4 : 5;
      // the last two customers of each manager have left the network; one is suspended
      CustomerStatus status = i >= customersPerManager - 2 ? CustomerStatus.EXITED
          : i == customersPerManager - 3 ? CustomerStatus.SUSPENDED : CustomerStatus.ACTIVE;
      String type = TYPES[random.nextInt(TYPES.length)];
      String name = SHOP_WORDS[random.nextInt(SHOP_WORDS.length)] + type + "(" + STREETS[i % STREETS.length] + (i / 10 + 1) + "號)";
      LocalDate entry = LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
      LocalDate expiry = i % 50 == 7 ? LocalDate.now().plusDays(10 + random.nextInt(15))
          : LocalDate.now().plusDays(60 + random.nextInt(1400));
      list.add(new Customer("C" + code, name, areaCode + (random.nextInt(5) == 0 ? "2" : "1") + String.format("%05d", code % 100000),
          expiry, (region.equals("EAST") ? "東區" : "西區") + STREETS[i % STREETS.length] + (i + 1) + "號", region, managerId,
          grade, type, SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)],
          "13" + (500000000 + random.nextInt(499999999)), status, entry,
          status == CustomerStatus.EXITED ? LocalDate.now().minusMonths(2) : null));
    }
    return list;
  }

  /** Rounds money to fen. */
  static BigDecimal yuan(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
  }

  static boolean isOrderDay(LocalDate d, int customerIndex) {
    return d.getDayOfWeek() == DayOfWeek.of(1 + customerIndex % 5);
  }
}
