-- The monthly sales analysis report (§4.4, §4.4.1, §4.4.2 a–d, §4.5).
-- One script per vendor: this one for PostgreSQL, the same shape as H2.

-- cartons and amount per customer, brand and month: filled from cm_sales_line by one grouped
-- INSERT ... SELECT per month when reports are drafted; the reports read only this table
CREATE TABLE cm_sales_month_summary (
  month_start      DATE NOT NULL,
  customer_code    VARCHAR(20) NOT NULL,
  brand_code       VARCHAR(20) NOT NULL,
  cartons          NUMERIC(14,2) NOT NULL,
  amount           NUMERIC(16,2) NOT NULL,
  PRIMARY KEY (customer_code, month_start, brand_code)
);
CREATE INDEX ix_month_summary_month ON cm_sales_month_summary(month_start);

-- which months the summary holds, when they were summarised, and a fingerprint of the month's
-- sales lines then (count, highest id, total cartons and amount): a changed fingerprint means
-- lines were added, removed or corrected since
CREATE TABLE cm_sales_month_summarised (
  month_start      DATE PRIMARY KEY,
  sales_lines      BIGINT NOT NULL,
  fingerprint      VARCHAR(200) NOT NULL,
  summarised_at    TIMESTAMP NOT NULL
);

-- one row per report (manager and month), linked to its process instance
CREATE TABLE cm_monthly_report (
  report_key          VARCHAR(100) PRIMARY KEY,
  process_instance_id VARCHAR(64) NOT NULL UNIQUE,
  manager_id          VARCHAR(64) NOT NULL,
  region_code         VARCHAR(20) NOT NULL,
  report_month        DATE NOT NULL,
  status              VARCHAR(12) NOT NULL CHECK (status IN ('DRAFTING','DRAFT','SUBMITTED','RETURNED','APPROVED')),
  due_at              TIMESTAMP NOT NULL,
  content_json        TEXT,
  overall_analysis    VARCHAR(4000),
  problems_measures   VARCHAR(4000),
  customer_opinions   VARCHAR(4000),
  forecast_analysis   VARCHAR(4000),
  drafted_at          TIMESTAMP,
  submitted_at        TIMESTAMP,
  escalated_at        TIMESTAMP,
  approved_by         VARCHAR(64),
  approved_at         TIMESTAMP,
  archived_json       TEXT,
  UNIQUE (manager_id, report_month)
);
CREATE INDEX ix_monthly_report_month ON cm_monthly_report(report_month, region_code);

-- every review of the regional manager (§4.5): approval or return with comments
CREATE TABLE cm_monthly_report_review (
  id             BIGSERIAL PRIMARY KEY,
  report_key     VARCHAR(100) NOT NULL REFERENCES cm_monthly_report(report_key),
  reviewer       VARCHAR(64) NOT NULL,
  decision       VARCHAR(10) NOT NULL CHECK (decision IN ('APPROVE','RETURN')),
  review_comment VARCHAR(2000),
  reviewed_at    TIMESTAMP NOT NULL
);
CREATE INDEX ix_monthly_report_review ON cm_monthly_report_review(report_key);

-- every escalation of an overdue report
CREATE TABLE cm_monthly_report_escalation (
  id             BIGSERIAL PRIMARY KEY,
  report_key     VARCHAR(100) NOT NULL REFERENCES cm_monthly_report(report_key),
  escalated_at   TIMESTAMP NOT NULL,
  noticed_by     VARCHAR(64),
  noticed_at     TIMESTAMP
);

-- the forecast made for a manager's next month, kept to compare it with what happened
CREATE TABLE cm_sales_forecast (
  manager_id     VARCHAR(64) NOT NULL,
  forecast_month DATE NOT NULL,
  cartons        NUMERIC(14,2) NOT NULL,
  amount         NUMERIC(16,2) NOT NULL,
  method         VARCHAR(200) NOT NULL,
  report_key     VARCHAR(100) NOT NULL,
  made_at        TIMESTAMP NOT NULL,
  PRIMARY KEY (manager_id, forecast_month)
);
