/**
 * Import of brands, customers and sales lines from CSV and Excel files (SPEC §2, the ordering
 * system's data): REST upload under {@code /api/imports} and a command-line option. A file is
 * read as a stream, every row checked, valid rows written in JDBC batches to a staging table,
 * checked together in SQL (duplicates, conflicts) and merged in one transaction: a file with
 * errors imports nothing unless partial import is asked for. Described in
 * {@code docs/data-import.md}.
 */
package com.tobacco.cmw.salesimport;
