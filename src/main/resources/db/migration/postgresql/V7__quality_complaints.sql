-- Quality complaints and replacement (§3.6, §4.6.1–§4.6.5) and the customer-service
-- department's complaint register and statistics (篇2 業務工作 3–4, 管理監督 1).
-- One script per vendor: this one for PostgreSQL, the same shape as H2.

-- the last case number given out per year: ZL-yyyy-nnnnn is taken from here in the transaction
-- that starts the case, so a start that fails gives its number back (gap-free)
CREATE TABLE cm_complaint_number (
  case_year    INT PRIMARY KEY,
  last_number  INT NOT NULL
);

-- one row per complaint case, linked to its process instance; the dates and persons of every
-- step for the register 《客戶投訴案件登記追蹤表》
CREATE TABLE cm_complaint_case (
  case_no              VARCHAR(16) PRIMARY KEY,
  case_year            INT NOT NULL,
  case_seq             INT NOT NULL,
  process_instance_id  VARCHAR(64) UNIQUE,
  customer_code        VARCHAR(20) NOT NULL,
  region_code          VARCHAR(20) NOT NULL,
  manager_id           VARCHAR(64) NOT NULL,
  brand_code           VARCHAR(20) NOT NULL,
  quantity             INT NOT NULL CHECK (quantity > 0),
  quantity_unit        VARCHAR(8) NOT NULL CHECK (quantity_unit IN ('PACK','CARTON')),
  defect_description   VARCHAR(1000) NOT NULL,
  reported_at          TIMESTAMP NOT NULL,
  reported_by          VARCHAR(64) NOT NULL,
  current_step         VARCHAR(24) NOT NULL,
  step_due_at          TIMESTAMP,
  case_due_at          TIMESTAMP NOT NULL,
  -- §4.6.1 on-site inspection of the defective goods and their cause
  inspected_at         TIMESTAMP,
  inspected_by         VARCHAR(64),
  defect_confirmed     BOOLEAN,
  cause                VARCHAR(24) CHECK (cause IN ('MANUFACTURING','TRANSPORT','RETAILER_STORAGE','SUSPECTED_COUNTERFEIT','OTHER')),
  inspection_notes     VARCHAR(2000),
  -- §4.6.2 《商品及服務質量信息反饋單》 filled in and signed by the customer
  form_signed_at       TIMESTAMP,
  form_by              VARCHAR(64),
  signer_name          VARCHAR(100),
  -- the regional manager's review of form and goods (latest; every review in cm_complaint_step)
  reviewed_at          TIMESTAMP,
  reviewed_by          VARCHAR(64),
  review_decision      VARCHAR(12) CHECK (review_decision IN ('APPROVED','REJECTED','MORE_INFO')),
  approved_quantity    INT,
  review_comment       VARCHAR(2000),
  -- §4.6.3–§4.6.4 replacement handed over, 客戶確認 signed
  replaced_at          TIMESTAMP,
  replaced_by          VARCHAR(64),
  replaced_quantity    INT,
  customer_confirmation VARCHAR(100),
  -- §4.6.5 the result fed back to the customer
  fed_back_at          TIMESTAMP,
  fed_back_by          VARCHAR(64),
  feedback_note        VARCHAR(2000),
  closed_at            TIMESTAMP,
  result               VARCHAR(16) CHECK (result IN ('REPLACED','REJECTED')),
  -- a suspected counterfeit referred to the monopoly department, and what it found
  referred_at          TIMESTAMP,
  monopoly_result      VARCHAR(2000),
  monopoly_by          VARCHAR(64),
  monopoly_at          TIMESTAMP,
  UNIQUE (case_year, case_seq)
);
CREATE INDEX ix_complaint_reported ON cm_complaint_case(reported_at);
CREATE INDEX ix_complaint_region ON cm_complaint_case(region_code, reported_at);
CREATE INDEX ix_complaint_manager ON cm_complaint_case(manager_id, reported_at);
CREATE INDEX ix_complaint_customer ON cm_complaint_case(customer_code);

-- every step done on a case, in order: who, when, with what outcome (the more-information loop
-- and repeated reviews stay visible here)
CREATE TABLE cm_complaint_step (
  id           BIGSERIAL PRIMARY KEY,
  case_no      VARCHAR(16) NOT NULL REFERENCES cm_complaint_case(case_no),
  step         VARCHAR(24) NOT NULL,
  done_at      TIMESTAMP NOT NULL,
  done_by      VARCHAR(64) NOT NULL,
  outcome      VARCHAR(24),
  step_comment VARCHAR(2000)
);
CREATE INDEX ix_complaint_step_case ON cm_complaint_step(case_no);

-- every deadline breached and escalated to the customer-service managers
CREATE TABLE cm_complaint_escalation (
  id             BIGSERIAL PRIMARY KEY,
  case_no        VARCHAR(16) NOT NULL REFERENCES cm_complaint_case(case_no),
  step           VARCHAR(24) NOT NULL CHECK (step IN ('INSPECTION','REVIEW','REPLACEMENT','CASE')),
  due_at         TIMESTAMP NOT NULL,
  escalated_at   TIMESTAMP NOT NULL,
  notified_group VARCHAR(64) NOT NULL,
  noticed_by     VARCHAR(64),
  noticed_at     TIMESTAMP,
  notice_comment VARCHAR(2000)
);
CREATE INDEX ix_complaint_escalation_case ON cm_complaint_escalation(case_no);
