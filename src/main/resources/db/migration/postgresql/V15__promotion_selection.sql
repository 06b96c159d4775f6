-- Promotion selection (卷煙促銷客戶的推薦, §3.2, §4.2): a brand manager's campaign, the comprehensive
-- evaluation (綜合測評) of every eligible customer with its parts, each customer manager's
-- share and recommendations, the regional managers' review, the brand manager's choice, and the
-- hand-outs with the 《宣傳促銷品簽收單》 and the stock of every promotional item.
-- One script per vendor: this one for PostgreSQL, the same shape as H2.

-- campaign numbers CX-yyyy-nnnnn, gap-free per year (process.YearCounter)
CREATE TABLE cm_promotion_number (
  campaign_year INT PRIMARY KEY,
  last_number   INT NOT NULL
);

CREATE TABLE cm_promotion_campaign (
  id                  BIGSERIAL PRIMARY KEY,
  campaign_no         VARCHAR(20) NOT NULL UNIQUE,
  campaign_year       INT NOT NULL,
  campaign_seq        INT NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL UNIQUE,
  brand_code          VARCHAR(20) NOT NULL REFERENCES cm_brand(brand_code),
  period_from         DATE NOT NULL,
  period_to           DATE NOT NULL,
  slots               INT NOT NULL CHECK (slots >= 1),
  regions             VARCHAR(400) NOT NULL,
  note                VARCHAR(1000),
  status              VARCHAR(12) NOT NULL CHECK (status IN ('EVALUATING','RECOMMENDING','REVIEWING','DECIDING',
                                                             'HANDING_OUT','CLOSED')),
  outcome             VARCHAR(12) CHECK (outcome IN ('COMPLETED','NO_ELIGIBLE','NONE_CHOSEN','CANCELLED')),
  evaluated_on        DATE NOT NULL,
  eligible_count      INT,
  started_by          VARCHAR(64) NOT NULL,
  started_at          TIMESTAMP NOT NULL,
  decided_by          VARCHAR(64),
  decided_at          TIMESTAMP,
  closed_at           TIMESTAMP,
  CHECK (period_from <= period_to)
);

-- a promotional item (促銷品 / 促銷資料) of the campaign: its stock and the standard quantity per customer;
-- handed_out never exceeds stock (guarded update, and this CHECK as the last line)
CREATE TABLE cm_promotion_item (
  id           BIGSERIAL PRIMARY KEY,
  campaign_id  BIGINT NOT NULL REFERENCES cm_promotion_campaign(id),
  item_no      INT NOT NULL,
  item_name    VARCHAR(60) NOT NULL,
  stock        INT NOT NULL CHECK (stock >= 1),
  per_customer INT NOT NULL CHECK (per_customer >= 1),
  handed_out   INT NOT NULL DEFAULT 0 CHECK (handed_out >= 0),
  CHECK (handed_out <= stock),
  UNIQUE (campaign_id, item_name),
  UNIQUE (campaign_id, item_no)
);

-- one eligible customer of a campaign: its comprehensive score and every part of it (audit), its
-- rank in its manager's list, and what became of it: recommended, kept or removed by the
-- regional manager, chosen by the brand manager
CREATE TABLE cm_promotion_candidate (
  campaign_id         BIGINT NOT NULL REFERENCES cm_promotion_campaign(id),
  customer_code       VARCHAR(20) NOT NULL REFERENCES cm_customer(customer_code),
  region_code         VARCHAR(20) NOT NULL,
  manager_id          VARCHAR(64) NOT NULL,
  grade               INT NOT NULL,
  manager_rank        INT NOT NULL,
  score               DECIMAL(5,2) NOT NULL,
  volume_cartons      DECIMAL(12,2) NOT NULL,
  volume_part         DECIMAL(6,4) NOT NULL,
  previous_cartons    DECIMAL(12,2) NOT NULL,
  growth_part         DECIMAL(6,4) NOT NULL,
  price_checks        INT NOT NULL,
  price_checks_clean  INT NOT NULL,
  compliance_part     DECIMAL(6,4) NOT NULL,
  visits_planned      INT NOT NULL,
  visits_confirmed    INT NOT NULL,
  cooperation_part    DECIMAL(6,4) NOT NULL,
  satisfaction_avg    DECIMAL(4,2),
  satisfaction_part   DECIMAL(6,4) NOT NULL,
  recommended         BOOLEAN NOT NULL DEFAULT FALSE,
  recommend_reason    VARCHAR(500),
  recommended_by      VARCHAR(64),
  recommended_at      TIMESTAMP,
  review_status       VARCHAR(10) CHECK (review_status IN ('FORWARDED','REMOVED')),
  review_reason       VARCHAR(500),
  reviewed_by         VARCHAR(64),
  reviewed_at         TIMESTAMP,
  chosen              BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (campaign_id, customer_code)
);
CREATE INDEX ix_promotion_candidate_manager ON cm_promotion_candidate(campaign_id, manager_id, manager_rank);

-- a customer manager's share of the slots (largest remainder over the eligible customers)
CREATE TABLE cm_promotion_share (
  campaign_id     BIGINT NOT NULL REFERENCES cm_promotion_campaign(id),
  manager_id      VARCHAR(64) NOT NULL,
  region_code     VARCHAR(20) NOT NULL,
  eligible_count  INT NOT NULL,
  share           INT NOT NULL CHECK (share >= 0),
  recommended_at  TIMESTAMP,
  PRIMARY KEY (campaign_id, manager_id)
);

-- a regional manager's review of the region's recommendations (§4.2.1 交區域市場經理)
CREATE TABLE cm_promotion_review (
  campaign_id   BIGINT NOT NULL REFERENCES cm_promotion_campaign(id),
  region_code   VARCHAR(20) NOT NULL,
  reviewed_by   VARCHAR(64) NOT NULL,
  reviewed_at   TIMESTAMP NOT NULL,
  forwarded     INT NOT NULL,
  removed       INT NOT NULL,
  comment       VARCHAR(1000),
  PRIMARY KEY (campaign_id, region_code)
);

-- the hand-out to one chosen customer and its 《宣傳促銷品簽收單》 (§4.2.2); assignee: who holds its task;
-- execution_id: the engine's execution of this hand-out (its multi-instance branch) and task_execution_id
-- that of its task, both set when the task is created: the recording step and an exit find the hand-out
-- by them, never by a variable the task's holder could overwrite; CANCELLED: the customer exited
-- (cancel_reason, exit_business_key); NOT_HANDED_OUT: its manager could not hand out (cancel_reason: why)
CREATE TABLE cm_promotion_handout (
  id                BIGSERIAL PRIMARY KEY,
  campaign_id       BIGINT NOT NULL REFERENCES cm_promotion_campaign(id),
  customer_code     VARCHAR(20) NOT NULL REFERENCES cm_customer(customer_code),
  status            VARCHAR(16) NOT NULL CHECK (status IN ('PENDING','HANDED_OUT','CANCELLED','NOT_HANDED_OUT')),
  assignee          VARCHAR(64),
  execution_id      VARCHAR(64) UNIQUE,
  task_execution_id VARCHAR(64),
  signer_name       VARCHAR(60),
  confirmed         BOOLEAN,
  signed_on         DATE,
  handed_by         VARCHAR(64),
  handed_at         TIMESTAMP,
  cancel_reason     VARCHAR(500),
  exit_business_key VARCHAR(40),
  created_at        TIMESTAMP NOT NULL,
  UNIQUE (campaign_id, customer_code),
  CHECK (status <> 'HANDED_OUT' OR (confirmed AND signer_name IS NOT NULL AND signed_on IS NOT NULL))
);
CREATE INDEX ix_promotion_handout_customer ON cm_promotion_handout(customer_code, status);

CREATE TABLE cm_promotion_handout_item (
  handout_id  BIGINT NOT NULL REFERENCES cm_promotion_handout(id),
  item_id     BIGINT NOT NULL REFERENCES cm_promotion_item(id),
  quantity    INT NOT NULL CHECK (quantity >= 1),
  PRIMARY KEY (handout_id, item_id)
);
