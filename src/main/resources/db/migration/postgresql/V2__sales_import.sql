-- Data import (SPEC §2): the log of every import; sales lines marked with the import that wrote
-- them; staging tables for customers and brands, checked together (duplicates, conflicts) and
-- merged. Each import is one transaction: one that fails or is rejected leaves nothing behind.
-- One script per vendor: this one for PostgreSQL, the same shape as H2.

CREATE TABLE cm_import (
  id              BIGSERIAL PRIMARY KEY,
  kind            VARCHAR(12) NOT NULL CHECK (kind IN ('SALES','CUSTOMERS','BRANDS')),
  file_name       VARCHAR(255) NOT NULL,
  file_format     VARCHAR(8),
  encoding        VARCHAR(20),
  imported_by     VARCHAR(64) NOT NULL,
  partial_allowed BOOLEAN NOT NULL,
  status          VARCHAR(10) NOT NULL CHECK (status IN ('RUNNING','IMPORTED','PARTIAL','REJECTED','REFUSED','FAILED')),
  rows_read       BIGINT NOT NULL DEFAULT 0,
  rows_imported   BIGINT NOT NULL DEFAULT 0,
  rows_replaced   BIGINT NOT NULL DEFAULT 0,
  rows_rejected   BIGINT NOT NULL DEFAULT 0,
  message         VARCHAR(1000),
  started_at      TIMESTAMP NOT NULL,
  finished_at     TIMESTAMP
);
CREATE INDEX ix_import_started ON cm_import(started_at);

-- which import wrote a sales line and its row in the file (NULL for generated demo lines);
-- sales lines are written straight into cm_sales_line inside the import's transaction
ALTER TABLE cm_sales_line ADD COLUMN import_id BIGINT;
ALTER TABLE cm_sales_line ADD COLUMN import_row BIGINT;

CREATE TABLE cm_import_customer_stage (
  import_id       BIGINT NOT NULL,
  row_no          BIGINT NOT NULL,
  customer_code   VARCHAR(20) NOT NULL,
  store_name      VARCHAR(120) NOT NULL,
  licence_no      VARCHAR(12) NOT NULL,
  licence_expiry  DATE NOT NULL,
  address         VARCHAR(200) NOT NULL,
  region_code     VARCHAR(20) NOT NULL,
  manager_id      VARCHAR(64) NOT NULL,
  grade           INT NOT NULL,
  business_type   VARCHAR(20) NOT NULL,
  contact_name    VARCHAR(60),
  phone           VARCHAR(30),
  status          VARCHAR(10) NOT NULL,
  entry_date      DATE,
  exit_date       DATE,
  PRIMARY KEY (import_id, row_no)
);

CREATE TABLE cm_import_brand_stage (
  import_id               BIGINT NOT NULL,
  row_no                  BIGINT NOT NULL,
  brand_code              VARCHAR(20) NOT NULL,
  name                    VARCHAR(60) NOT NULL,
  price_class             INT NOT NULL,
  wholesale_price_carton  NUMERIC(10,2) NOT NULL,
  min_retail_price_pack   NUMERIC(10,2) NOT NULL,
  min_retail_price_carton NUMERIC(10,2) NOT NULL,
  PRIMARY KEY (import_id, row_no)
);
