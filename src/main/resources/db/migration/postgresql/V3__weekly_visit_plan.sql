-- 客戶訪問日程表 (§4.1.1): one schedule per customer manager and week, one item per customer.
-- Written by the weeklyVisitPlanning process; each started customerVisit is linked to its item.

CREATE TABLE cm_visit_schedule (
  id                    BIGSERIAL PRIMARY KEY,
  manager_id            VARCHAR(64) NOT NULL,
  region_code           VARCHAR(20) NOT NULL,
  week_start            DATE NOT NULL,
  week_label            VARCHAR(10) NOT NULL,
  business_key          VARCHAR(100) NOT NULL UNIQUE,
  status                VARCHAR(16) NOT NULL CHECK (status IN ('DRAFT','CONFIRMED','AUTO_CONFIRMED')),
  max_visits_per_day    INT NOT NULL,
  process_instance_id   VARCHAR(64),
  drafted_at            TIMESTAMP NOT NULL,
  confirmed_at          TIMESTAMP,
  confirmed_by          VARCHAR(64),
  regional_notified_at  TIMESTAMP,
  acknowledged_by       VARCHAR(64),
  acknowledged_at       TIMESTAMP,
  CONSTRAINT uq_visit_schedule_manager_week UNIQUE (manager_id, week_start)
);
CREATE INDEX ix_visit_schedule_week ON cm_visit_schedule(week_start);
CREATE INDEX ix_visit_schedule_region ON cm_visit_schedule(region_code, week_start);

-- one customer of a schedule: planned on a day, not scheduled (over the daily cap) or removed
CREATE TABLE cm_visit_schedule_item (
  id                          BIGSERIAL PRIMARY KEY,
  schedule_id                 BIGINT NOT NULL REFERENCES cm_visit_schedule(id),
  customer_code               VARCHAR(20) NOT NULL REFERENCES cm_customer(customer_code),
  visit_date                  DATE,
  drafted_date                DATE,
  origin                      VARCHAR(10) NOT NULL CHECK (origin IN ('DRAFTED','ADDED','MOVED')),
  status                      VARCHAR(14) NOT NULL CHECK (status IN ('PLANNED','NOT_SCHEDULED','REMOVED','STARTED','SKIPPED')),
  priority                    INT NOT NULL,
  last_visit_date             DATE,
  next_due_date               DATE,
  overdue_days                INT NOT NULL DEFAULT 0,
  removal_reason              VARCHAR(500),
  note                        VARCHAR(500),
  visit_process_instance_id   VARCHAR(64) UNIQUE,
  CONSTRAINT uq_visit_schedule_item_customer UNIQUE (schedule_id, customer_code)
);
CREATE INDEX ix_visit_schedule_item_schedule ON cm_visit_schedule_item(schedule_id, visit_date);
