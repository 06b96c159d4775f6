-- Retail network membership (§3.3, §3.5): why a customer left the network, and which process
-- changed a customer's data. One script per vendor; the same statements for H2 and PostgreSQL.

-- LICENCE_CANCELLED 許可證註銷, LICENCE_EXPIRED 許可證到期, LICENCE_REVOKED 許可證被吊銷,
-- STORE_CLOSED 歇業, VOLUNTARY 自願退出, OTHER 其他
ALTER TABLE cm_customer ADD COLUMN exit_reason VARCHAR(20);
ALTER TABLE cm_customer ADD CONSTRAINT ck_customer_exit_reason CHECK (exit_reason IS NULL OR exit_reason IN
  ('LICENCE_CANCELLED','LICENCE_EXPIRED','LICENCE_REVOKED','STORE_CLOSED','VOLUNTARY','OTHER'));

-- the process key next to the instance id, so the change history says "which process" without
-- a lookup in the engine's history (networkEnrollment, networkExit, customerInfoChange, customerVisit, import)
ALTER TABLE cm_customer_change ADD COLUMN process_key VARCHAR(64);
CREATE INDEX ix_customer_change_time ON cm_customer_change(customer_code, changed_at);

-- the administrative area codes (行政區劃代碼, first 6 digits of a licence number) that belong to
-- a region: a licence applied for or changed in a region must carry one of them (SPEC §2)
CREATE TABLE cm_region_area (
  region_code VARCHAR(20) NOT NULL REFERENCES cm_region(region_code),
  area_code   CHAR(6) NOT NULL,
  name        VARCHAR(60),
  PRIMARY KEY (region_code, area_code)
);
