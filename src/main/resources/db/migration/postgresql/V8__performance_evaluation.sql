-- The evaluation of a customer-service department manager by the criteria of 篇2
-- 《客戶服務部經理績效測評標準》. One script per vendor: this one for PostgreSQL, the same shape for H2.

-- one row per evaluation, linked to its process instance; key JX-<evaluatee>-<yyyyMMdd>-<yyyyMMdd>
CREATE TABLE cm_evaluation (
  evaluation_key       VARCHAR(100) PRIMARY KEY,
  process_instance_id  VARCHAR(64) UNIQUE,
  evaluatee_id         VARCHAR(64) NOT NULL,
  evaluator_id         VARCHAR(64) NOT NULL,
  period_from          DATE NOT NULL,
  period_to            DATE NOT NULL,
  status               VARCHAR(20) NOT NULL CHECK (status IN ('SCORING','AWAITING_RESPONSE','DISPUTED','ARCHIVED')),
  -- the complaint register's evidence for the period as it was when the evaluation opened
  evidence_json        TEXT NOT NULL,
  started_at           TIMESTAMP NOT NULL,
  score_due_at         TIMESTAMP NOT NULL,
  -- the first evaluator's result: part means 1–5, weights in percent, total 20–100, rating
  mean_business        DECIMAL(4,2),
  mean_supervision     DECIMAL(4,2),
  mean_coordination    DECIMAL(4,2),
  mean_reporting       DECIMAL(4,2),
  weights              VARCHAR(100),
  total_score          DECIMAL(4,1),
  rating               VARCHAR(8),
  scored_at            TIMESTAMP,
  -- the evaluatee's answer
  response             VARCHAR(12) CHECK (response IN ('ACKNOWLEDGE','DISPUTE')),
  response_reason      VARCHAR(2000),
  responded_at         TIMESTAMP,
  -- the second evaluation after a dispute
  second_evaluator_id  VARCHAR(64),
  second_decision      VARCHAR(8) CHECK (second_decision IN ('UPHOLD','REVISE')),
  second_comment       VARCHAR(2000),
  second_total_score   DECIMAL(4,1),
  second_rating        VARCHAR(8),
  second_reviewed_at   TIMESTAMP,
  -- the result that stands, and the whole evaluation frozen when archived
  final_total_score    DECIMAL(4,1),
  final_rating         VARCHAR(8),
  archived_at          TIMESTAMP,
  archived_json        TEXT,
  CHECK (period_to >= period_from),
  CHECK (evaluator_id <> evaluatee_id),
  CHECK (second_evaluator_id IS NULL OR (second_evaluator_id <> evaluator_id AND second_evaluator_id <> evaluatee_id))
);

CREATE INDEX ix_evaluation_evaluatee ON cm_evaluation (evaluatee_id, period_from);

-- one row per criterion and round (1 the first evaluator, 2 a revision by the second evaluator)
CREATE TABLE cm_evaluation_score (
  evaluation_key  VARCHAR(100) NOT NULL REFERENCES cm_evaluation (evaluation_key),
  round_no        INT NOT NULL CHECK (round_no IN (1, 2)),
  criterion_code  VARCHAR(8) NOT NULL,
  part            VARCHAR(16) NOT NULL,
  criterion_no    INT NOT NULL,
  score           INT NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment_text    VARCHAR(500),
  PRIMARY KEY (evaluation_key, round_no, criterion_code)
);
