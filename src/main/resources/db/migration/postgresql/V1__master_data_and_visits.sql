-- Master data (SPEC §2) and the records of the customer visit (§4.1).
-- One script per vendor: this one for PostgreSQL, the same shape as H2.

CREATE TABLE cm_region (
  region_code VARCHAR(20) PRIMARY KEY,
  name        VARCHAR(60) NOT NULL
);

-- staff known to the business tables (the engine's identity tables hold login and groups)
CREATE TABLE cm_staff (
  user_id     VARCHAR(64) PRIMARY KEY,
  name        VARCHAR(60) NOT NULL,
  role        VARCHAR(40) NOT NULL,
  region_code VARCHAR(20) REFERENCES cm_region(region_code),
  active      BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE cm_customer (
  customer_code   VARCHAR(20) PRIMARY KEY,
  store_name      VARCHAR(120) NOT NULL,
  licence_no      VARCHAR(12) NOT NULL UNIQUE,
  licence_expiry  DATE NOT NULL,
  address         VARCHAR(200) NOT NULL,
  region_code     VARCHAR(20) NOT NULL REFERENCES cm_region(region_code),
  manager_id      VARCHAR(64) NOT NULL,
  grade           INT NOT NULL CHECK (grade BETWEEN 1 AND 5),
  business_type   VARCHAR(20) NOT NULL,
  contact_name    VARCHAR(60),
  phone           VARCHAR(30),
  status          VARCHAR(10) NOT NULL CHECK (status IN ('APPLIED','ACTIVE','SUSPENDED','EXITED')),
  entry_date      DATE,
  exit_date       DATE,
  updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_customer_manager ON cm_customer(manager_id);
CREATE INDEX ix_customer_region ON cm_customer(region_code);

-- every change of a customer's data, field by field
CREATE TABLE cm_customer_change (
  id                  BIGSERIAL PRIMARY KEY,
  customer_code       VARCHAR(20) NOT NULL REFERENCES cm_customer(customer_code),
  field_name          VARCHAR(40) NOT NULL,
  old_value           VARCHAR(200),
  new_value           VARCHAR(200),
  reason              VARCHAR(500),
  changed_by          VARCHAR(64) NOT NULL,
  changed_at          TIMESTAMP NOT NULL,
  process_instance_id VARCHAR(64)
);
CREATE INDEX ix_customer_change_customer ON cm_customer_change(customer_code);

CREATE TABLE cm_brand (
  brand_code              VARCHAR(20) PRIMARY KEY,
  name                    VARCHAR(60) NOT NULL,
  price_class             INT NOT NULL CHECK (price_class BETWEEN 1 AND 5),
  wholesale_price_carton  NUMERIC(10,2) NOT NULL CHECK (wholesale_price_carton > 0),
  min_retail_price_pack   NUMERIC(10,2) NOT NULL CHECK (min_retail_price_pack > 0),
  min_retail_price_carton NUMERIC(10,2) NOT NULL CHECK (min_retail_price_carton > 0)
);

-- order lines from the ordering system; source_key makes a re-import idempotent
CREATE TABLE cm_sales_line (
  id                BIGSERIAL PRIMARY KEY,
  customer_code     VARCHAR(20) NOT NULL REFERENCES cm_customer(customer_code),
  order_date        DATE NOT NULL,
  brand_code        VARCHAR(20) NOT NULL REFERENCES cm_brand(brand_code),
  quantity_cartons  NUMERIC(12,2) NOT NULL,
  amount            NUMERIC(14,2) NOT NULL,
  source_key        VARCHAR(80) NOT NULL UNIQUE
);
CREATE INDEX ix_sales_customer_date ON cm_sales_line(customer_code, order_date);
CREATE INDEX ix_sales_date ON cm_sales_line(order_date);

-- the customer's stock per brand as last counted on a visit (§4.1.3 c)
CREATE TABLE cm_stock (
  customer_code    VARCHAR(20) NOT NULL REFERENCES cm_customer(customer_code),
  brand_code       VARCHAR(20) NOT NULL REFERENCES cm_brand(brand_code),
  quantity_cartons NUMERIC(12,2) NOT NULL CHECK (quantity_cartons >= 0),
  counted_at       TIMESTAMP NOT NULL,
  visit_id         BIGINT,
  PRIMARY KEY (customer_code, brand_code)
);

-- grade changes (降級 and others), with reason, visit and approver
CREATE TABLE cm_grade_change (
  id                  BIGSERIAL PRIMARY KEY,
  customer_code       VARCHAR(20) NOT NULL REFERENCES cm_customer(customer_code),
  old_grade           INT NOT NULL,
  new_grade           INT NOT NULL,
  reason              VARCHAR(500) NOT NULL,
  visit_id            BIGINT,
  approved_by         VARCHAR(64) NOT NULL,
  changed_at          TIMESTAMP NOT NULL,
  process_instance_id VARCHAR(64)
);
CREATE INDEX ix_grade_change_customer ON cm_grade_change(customer_code);

-- one row per customerVisit instance (§4.1.1–§4.1.3)
CREATE TABLE cm_visit (
  id                  BIGSERIAL PRIMARY KEY,
  process_instance_id VARCHAR(64) NOT NULL UNIQUE,
  customer_code       VARCHAR(20) NOT NULL REFERENCES cm_customer(customer_code),
  manager_id          VARCHAR(64) NOT NULL,
  visit_type          VARCHAR(10) NOT NULL CHECK (visit_type IN ('REGULAR','SPECIAL')),
  planned_date        DATE NOT NULL,
  due_at              TIMESTAMP NOT NULL,
  status              VARCHAR(12) NOT NULL CHECK (status IN ('OPEN','DONE','CANCELLED')),
  situation           VARCHAR(1000),
  checked_brands      VARCHAR(400) NOT NULL,
  info_passed_on      VARCHAR(2000),
  info_collected      VARCHAR(2000),
  display_work        VARCHAR(2000),
  lawful_observation  VARCHAR(2000),
  price_violation     BOOLEAN NOT NULL DEFAULT FALSE,
  escalated_at        TIMESTAMP,
  escalation_note     VARCHAR(1000),
  escalation_followed_up_by VARCHAR(64),
  escalation_followed_up_at TIMESTAMP,
  created_at          TIMESTAMP NOT NULL,
  completed_at        TIMESTAMP
);
CREATE INDEX ix_visit_customer ON cm_visit(customer_code, created_at);

-- stock check and price check per brand (§4.1.3 c, f)
CREATE TABLE cm_visit_brand_check (
  visit_id             BIGINT NOT NULL REFERENCES cm_visit(id),
  brand_code           VARCHAR(20) NOT NULL REFERENCES cm_brand(brand_code),
  stock_cartons        NUMERIC(12,2) NOT NULL,
  shelf_price_pack     NUMERIC(10,2),
  min_price_pack       NUMERIC(10,2) NOT NULL,
  below_min_price      BOOLEAN NOT NULL,
  daily_sales_cartons  NUMERIC(12,3) NOT NULL,
  suggested_order      INT NOT NULL,
  PRIMARY KEY (visit_id, brand_code)
);

-- 營銷人員市場走訪簽到記錄簿 (§4.1.4)
CREATE TABLE cm_sign_in_record (
  id                    BIGSERIAL PRIMARY KEY,
  visit_id              BIGINT NOT NULL UNIQUE REFERENCES cm_visit(id),
  customer_code         VARCHAR(20) NOT NULL,
  manager_id            VARCHAR(64) NOT NULL,
  work_summary          VARCHAR(4000) NOT NULL,
  customer_signer_name  VARCHAR(60) NOT NULL,
  customer_confirmed    BOOLEAN NOT NULL CHECK (customer_confirmed),
  signed_at             TIMESTAMP NOT NULL
);

-- 特殊訪問記錄 (§4.1.2)
CREATE TABLE cm_special_visit_record (
  id             BIGSERIAL PRIMARY KEY,
  visit_id       BIGINT NOT NULL UNIQUE REFERENCES cm_visit(id),
  customer_code  VARCHAR(20) NOT NULL,
  situation      VARCHAR(1000) NOT NULL,
  reported_by    VARCHAR(64),
  reported_at    TIMESTAMP NOT NULL,
  handling       VARCHAR(2000),
  completed_at   TIMESTAMP
);

-- a price below the minimum guide price, and the regional manager's decision (§4.1.3 f)
CREATE TABLE cm_downgrade_request (
  id                  BIGSERIAL PRIMARY KEY,
  visit_id            BIGINT NOT NULL UNIQUE REFERENCES cm_visit(id),
  customer_code       VARCHAR(20) NOT NULL,
  evidence            VARCHAR(2000) NOT NULL,
  grade_before        INT NOT NULL,
  decision            VARCHAR(10) NOT NULL CHECK (decision IN ('PENDING','APPROVED','REJECTED')),
  decided_by          VARCHAR(64),
  decided_at          TIMESTAMP,
  comment             VARCHAR(1000),
  process_instance_id VARCHAR(64) NOT NULL
);

-- an unlicensed seller seen near a customer (§4.7); picked up by unlicensedSellerReport
CREATE TABLE cm_unlicensed_sighting (
  id              BIGSERIAL PRIMARY KEY,
  visit_id        BIGINT REFERENCES cm_visit(id),
  customer_code   VARCHAR(20),
  place           VARCHAR(200) NOT NULL,
  description     VARCHAR(2000) NOT NULL,
  reported_by     VARCHAR(64) NOT NULL,
  reported_at     TIMESTAMP NOT NULL,
  status          VARCHAR(12) NOT NULL DEFAULT 'NEW'
);
