-- Customer satisfaction surveys (客戶滿意度測評, §3.8, §4.8): the answers of retailers on the three
-- dimensions of the national retailer survey (supply 貨源供應, service 服務, market management 市場管理),
-- each scored 1–10. A survey is loaded by the satisfaction improvement process for one customer
-- manager or one region; promotion selection reads a customer's latest answers as one part of its
-- comprehensive score. One script per vendor; H2 and PostgreSQL differ only in the identity column.

-- scope_type MANAGER: scope_id is the customer manager's user id; REGION: the region code
CREATE TABLE cm_satisfaction_survey (
  id                  BIGSERIAL PRIMARY KEY,
  business_key        VARCHAR(40) NOT NULL,
  scope_type          VARCHAR(10) NOT NULL CHECK (scope_type IN ('MANAGER','REGION')),
  scope_id            VARCHAR(64) NOT NULL,
  period_from         DATE NOT NULL,
  period_to           DATE NOT NULL,
  file_name           VARCHAR(200),
  uploaded_by         VARCHAR(64) NOT NULL,
  uploaded_at         TIMESTAMP NOT NULL,
  process_instance_id VARCHAR(64),
  CHECK (period_from <= period_to)
);
CREATE UNIQUE INDEX ux_satisfaction_survey_key ON cm_satisfaction_survey(business_key);
CREATE INDEX ix_satisfaction_survey_scope ON cm_satisfaction_survey(scope_type, scope_id, period_to);

-- one customer's answers in one survey
CREATE TABLE cm_satisfaction_response (
  survey_id     BIGINT NOT NULL REFERENCES cm_satisfaction_survey(id),
  customer_code VARCHAR(20) NOT NULL REFERENCES cm_customer(customer_code),
  supply_score  INT NOT NULL CHECK (supply_score BETWEEN 1 AND 10),
  service_score INT NOT NULL CHECK (service_score BETWEEN 1 AND 10),
  market_score  INT NOT NULL CHECK (market_score BETWEEN 1 AND 10),
  comment       VARCHAR(1000),
  PRIMARY KEY (survey_id, customer_code)
);
CREATE INDEX ix_satisfaction_response_customer ON cm_satisfaction_response(customer_code);
