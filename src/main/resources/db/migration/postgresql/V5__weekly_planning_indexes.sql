-- The weekly draft asks, per customer of a manager, for the last DONE visit (MAX(completed_at))
-- and whether a regular visit is still OPEN (VisitScheduleRepository#customersToPlan). The index
-- of V1 on (customer_code, created_at) finds a customer's visits but then reads every visit row
-- (wide: the report's texts) to test status and type; this one answers both from the index.
CREATE INDEX ix_visit_customer_status ON cm_visit(customer_code, status, visit_type, completed_at);
