-- Satisfaction improvement (§3.8, §4.8.1–§4.8.2): the evaluation cycle around a survey of
-- cm_satisfaction_survey (V14). The satisfaction index of each survey is kept per scope, so the
-- history of a customer manager and of a region stays; the analysis and measures each customer
-- manager commits to are kept with the requester's acceptance and later compared with the
-- follow-up survey. One script per vendor; both are the same (no identity column).

-- the last evaluation number given out per year: MY-yyyy-nnnnn, gap-free like the complaint numbers
CREATE TABLE cm_satisfaction_number (
  eval_year    INT PRIMARY KEY,
  last_number  INT NOT NULL
);

-- the evaluation cycle a survey belongs to: the survey whose follow-up it is (previous cycle), the
-- encoding the file was read in, the cycle's state (CLOSED: history only, no cycle runs on it) and
-- the date the follow-up measurement is due; the region the scope belonged to when the survey was
-- loaded (regional managers' access follows it); the customer service center when the requester
-- asked as one of it (its members may then act for the requester)
ALTER TABLE cm_satisfaction_survey ADD COLUMN follows_survey_id BIGINT REFERENCES cm_satisfaction_survey(id);
ALTER TABLE cm_satisfaction_survey ADD COLUMN file_encoding VARCHAR(20);
ALTER TABLE cm_satisfaction_survey ADD COLUMN status VARCHAR(20) DEFAULT 'ANALYSIS' NOT NULL
  CHECK (status IN ('ANALYSIS','FOLLOW_UP_DUE','FOLLOWED_UP','CLOSED'));
ALTER TABLE cm_satisfaction_survey ADD COLUMN region_code VARCHAR(20) REFERENCES cm_region(region_code);
ALTER TABLE cm_satisfaction_survey ADD COLUMN requester_group VARCHAR(64);
ALTER TABLE cm_satisfaction_survey ADD COLUMN follow_up_due TIMESTAMP;
CREATE UNIQUE INDEX ux_satisfaction_survey_follows ON cm_satisfaction_survey(follows_survey_id);

-- the satisfaction index of one survey for one scope: the survey's own scope and, for every
-- customer manager whose customers answered, that manager; compared with the scope's previous
-- period (the latest survey of the same scope ending before this one starts)
CREATE TABLE cm_satisfaction_index (
  survey_id           BIGINT NOT NULL REFERENCES cm_satisfaction_survey(id),
  scope_type          VARCHAR(10) NOT NULL CHECK (scope_type IN ('MANAGER','REGION')),
  scope_id            VARCHAR(64) NOT NULL,
  respondents         INT NOT NULL,
  supply_mean         DECIMAL(5,2) NOT NULL,
  service_mean        DECIMAL(5,2) NOT NULL,
  market_mean         DECIMAL(5,2) NOT NULL,
  index_value         DECIMAL(5,2) NOT NULL CHECK (index_value BETWEEN 0 AND 100),
  previous_survey_id  BIGINT REFERENCES cm_satisfaction_survey(id),
  previous_index      DECIMAL(5,2),
  delta               DECIMAL(6,2),
  PRIMARY KEY (survey_id, scope_type, scope_id)
);
CREATE INDEX ix_satisfaction_index_scope ON cm_satisfaction_index(scope_type, scope_id);

-- a customer manager's analysis (§4.8.1) and improvement plan (§4.8.2) for one survey, with the
-- requester's decision and, once the follow-up survey is loaded, the index it reached
CREATE TABLE cm_satisfaction_plan (
  survey_id        BIGINT NOT NULL REFERENCES cm_satisfaction_survey(id),
  manager_id       VARCHAR(64) NOT NULL,
  current_index    DECIMAL(5,2) NOT NULL,
  status           VARCHAR(12) NOT NULL CHECK (status IN ('OPEN','SUBMITTED','RETURNED','ACCEPTED')),
  analysis         VARCHAR(4000),
  target_index     DECIMAL(5,2),
  target_date      DATE,
  submitted_at     TIMESTAMP,
  rounds           INT DEFAULT 0 NOT NULL,
  reviewed_by      VARCHAR(64),
  reviewed_at      TIMESTAMP,
  review_comment   VARCHAR(2000),
  follow_up_index  DECIMAL(5,2),
  target_reached   BOOLEAN,
  PRIMARY KEY (survey_id, manager_id)
);
CREATE INDEX ix_satisfaction_plan_manager ON cm_satisfaction_plan(manager_id);

-- the measures of a plan, one line each, in the order given
CREATE TABLE cm_satisfaction_measure (
  survey_id   BIGINT NOT NULL,
  manager_id  VARCHAR(64) NOT NULL,
  seq         INT NOT NULL,
  measure     VARCHAR(500) NOT NULL,
  PRIMARY KEY (survey_id, manager_id, seq),
  FOREIGN KEY (survey_id, manager_id) REFERENCES cm_satisfaction_plan(survey_id, manager_id)
);
