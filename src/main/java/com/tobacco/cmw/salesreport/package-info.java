/**
 * The monthly sales analysis report 《客戶月度銷售情況分析報告》 (§3.4, §4.4–§4.5): the process
 * {@code monthlySalesReport}, the figures computed in SQL from a per-customer, per-brand,
 * per-month summary of the sales lines, the forecast and its back-test, the manager's sections
 * a–d, the regional manager's review and the archive.
 */
package com.tobacco.cmw.salesreport;
