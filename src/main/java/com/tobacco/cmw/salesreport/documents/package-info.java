/**
 * The documents of the 《客戶月度銷售情況分析報告》 (seed §4.4.2, §4.5): the PDF and the Excel
 * workbook made from a {@link com.tobacco.cmw.salesreport.MonthlyReportContent}, with the
 * 13-month trend and the structure by price class drawn on the server, and the Chinese font they
 * share ({@code docs/report-documents.md}).
 */
package com.tobacco.cmw.salesreport.documents;
