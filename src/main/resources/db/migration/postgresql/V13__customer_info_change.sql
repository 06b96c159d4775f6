-- Customer information change (客戶信息維護, §3.5): a change request with the old value of each
-- field as the requester saw it and the new value. Contact, phone and address apply at once;
-- licence, grade, region and customer manager wait for the regional manager's approval. The
-- audit trail of what was applied stays cm_customer_change (one line per applied field).
-- One script per vendor; H2 and PostgreSQL differ only in the identity column.

-- status: OPEN (waits for approval), APPLIED (everything requested is in force), REJECTED (the
-- regional manager said no), REFUSED (approved, but the customer's data had changed meanwhile or
-- the values were no longer valid: nothing of the approval part applied)
CREATE TABLE cm_customer_change_request (
  id                  BIGSERIAL PRIMARY KEY,
  customer_code       VARCHAR(20) NOT NULL REFERENCES cm_customer(customer_code),
  requested_by        VARCHAR(64) NOT NULL,
  requested_at        TIMESTAMP NOT NULL,
  reason              VARCHAR(500) NOT NULL,
  status              VARCHAR(10) NOT NULL CHECK (status IN ('OPEN','APPLIED','REJECTED','REFUSED')),
  decision_by         VARCHAR(64),
  decision_at         TIMESTAMP,
  decision_reason     VARCHAR(500),
  outcome_note        VARCHAR(1000),
  process_instance_id VARCHAR(64) NOT NULL
);
CREATE INDEX ix_change_request_customer ON cm_customer_change_request(customer_code, requested_at);
CREATE UNIQUE INDEX ux_change_request_instance ON cm_customer_change_request(process_instance_id);

-- one row per requested field; field_name is the column of cm_customer
CREATE TABLE cm_customer_change_item (
  request_id  BIGINT NOT NULL REFERENCES cm_customer_change_request(id),
  field_name  VARCHAR(40) NOT NULL CHECK (field_name IN
    ('contact_name','phone','address','licence_no','licence_expiry','grade','region_code','manager_id')),
  old_value   VARCHAR(200),
  new_value   VARCHAR(200) NOT NULL,
  category    VARCHAR(10) NOT NULL CHECK (category IN ('IMMEDIATE','APPROVAL')),
  applied_at  TIMESTAMP,
  PRIMARY KEY (request_id, field_name)
);
