-- Data import (SPEC §2): the log of every import, and staging tables that a file is written
-- into first. Staged rows are checked together (duplicates, conflicts) and merged in one
-- transaction; an import that fails or is rejected leaves nothing behind.
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

CREATE TABLE cm_import_sales_stage (
  import_id        BIGINT NOT NULL,
  row_no           BIGINT NOT NULL,
  customer_code    VARCHAR(20) NOT NULL,
  order_date       DATE NOT NULL,
  brand_code       VARCHAR(20) NOT NULL,
  quantity_cartons NUMERIC(12,2) NOT NULL,
  amount           NUMERIC(14,2) NOT NULL,
  source_key       VARCHAR(80) NOT NULL,
  PRIMARY KEY (import_id, row_no)
);
CREATE INDEX ix_sales_stage_key ON cm_import_sales_stage(import_id, source_key);

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
