-- Indexes for drafting the monthly sales reports of all customer managers (issue 3, item 4).
-- One script per vendor: this one for H2 (PostgreSQL's also holds the id).

-- The monthly summary (SalesMonthSummary) reads the sales lines by date range: the fingerprint
-- of every month a report reads (count, highest id, total cartons and amount, one grouped query
-- over up to 21 months) and the grouped INSERT ... SELECT per customer and brand of each month it
-- summarises. With ix_sales_date alone every line found is then fetched from the table by its
-- id, in date order, which is not the order the lines were written in. This index holds every
-- column the two queries read (the id is H2's row key), so both are answered from the index.
-- ix_sales_date stays for the other readers of sales by date.
CREATE INDEX ix_sales_line_month ON cm_sales_line(order_date, customer_code, brand_code, quantity_cartons, amount);
