-- Months whose sales lines changed since they were summarised (docs/decisions.md, decision 65).
-- One script per vendor: this one for PostgreSQL, the same shape for H2.

-- Whoever inserts, replaces or deletes rows of cm_sales_line adds one row per month it changed,
-- in the same transaction (the sales import, the demo data; a DBA by hand:
--   INSERT INTO cm_sales_month_changed (month_start) VALUES (DATE '2026-10-01');
-- ). A plain INSERT, so marking needs no upsert and never conflicts with another writer.
-- The monthly run (SalesMonthSummary#ensure) summarises the marked months again and then deletes
-- exactly the rows it had read before reading the sales lines: a mark committed later survives
-- for the next run.
CREATE TABLE cm_sales_month_changed (
  id           BIGSERIAL PRIMARY KEY,
  month_start  DATE NOT NULL CHECK (EXTRACT(DAY FROM month_start) = 1),
  changed_at   TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX ix_sales_month_changed ON cm_sales_month_changed(month_start);

-- The fingerprint (count, highest id, totals of a month's lines) was the old way to find changed
-- months by reading every month's lines on every run; nothing else reads it.
ALTER TABLE cm_sales_month_summarised DROP COLUMN fingerprint;
ALTER TABLE cm_sales_month_summarised DROP COLUMN sales_lines;

-- Months summarised before this version were checked by their fingerprint; changes made since
-- the last run are not known, so every summarised month is summarised once more by the next run.
INSERT INTO cm_sales_month_changed (month_start) SELECT month_start FROM cm_sales_month_summarised;
