-- networkEnrollment (§3.3, §4.3): retail network enrollment applications (入網申請). One script
-- per vendor; the same statements for H2 and PostgreSQL.

-- per-year counters, gap-free: RW application numbers (counter 'RW') and the serial of new
-- customer codes (counter 'CUSTOMER'); a row is locked by the transaction that increments it
CREATE TABLE cm_enrollment_counter (
  counter_name  VARCHAR(20) NOT NULL,
  counter_year  INT NOT NULL,
  last_number   INT NOT NULL,
  PRIMARY KEY (counter_name, counter_year)
);

-- one row per application, linked to its process instance; the application as entered (or as
-- last amended), the on-site verification, the regional manager's decision and its outcome
CREATE TABLE cm_network_application (
  application_no      VARCHAR(20) PRIMARY KEY,
  app_year            INT NOT NULL,
  app_seq             INT NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL UNIQUE,
  store_name          VARCHAR(120) NOT NULL,
  address             VARCHAR(200) NOT NULL,
  licence_no          VARCHAR(12) NOT NULL,
  licence_expiry      DATE NOT NULL,
  holder_name         VARCHAR(60) NOT NULL,
  holder_type         CHAR(1) NOT NULL CHECK (holder_type IN ('1','2')),
  business_type       VARCHAR(20) NOT NULL,
  region_code         VARCHAR(20) NOT NULL REFERENCES cm_region(region_code),
  contact_name        VARCHAR(60) NOT NULL,
  phone               VARCHAR(30) NOT NULL,
  applicant_id        VARCHAR(64) NOT NULL,
  applied_at          TIMESTAMP NOT NULL,
  amended_at          TIMESTAMP,
  status              VARCHAR(24) NOT NULL CHECK (status IN ('PENDING_VERIFICATION','PENDING_APPROVAL','RETURNED',
                        'APPROVED','REJECTED','WITHDRAWN','CANCELLED')),
  store_exists        BOOLEAN,
  licence_original_seen BOOLEAN,
  recommended_grade   INT CHECK (recommended_grade BETWEEN 1 AND 5),
  verification_notes  VARCHAR(2000),
  verified_by         VARCHAR(64),
  verified_at         TIMESTAMP,
  decision            VARCHAR(10) CHECK (decision IN ('APPROVE','REJECT','RETURN')),
  decided_by          VARCHAR(64),
  decided_at          TIMESTAMP,
  decision_reason     VARCHAR(2000),
  granted_grade       INT CHECK (granted_grade BETWEEN 1 AND 5),
  assigned_manager_id VARCHAR(64),
  customer_code       VARCHAR(20),
  ended_at            TIMESTAMP,
  rejection_noted_at  TIMESTAMP,
  UNIQUE (app_year, app_seq)
);
CREATE INDEX ix_network_application_applicant ON cm_network_application(applicant_id);
CREATE INDEX ix_network_application_region ON cm_network_application(region_code, status);
CREATE INDEX ix_network_application_licence ON cm_network_application(licence_no);

-- at most one application in progress per licence: inserted in the transaction that starts the
-- application, deleted when it ends (approved, rejected, withdrawn or cancelled)
CREATE TABLE cm_network_application_lock (
  licence_no      VARCHAR(12) PRIMARY KEY,
  application_no  VARCHAR(20) NOT NULL
);
