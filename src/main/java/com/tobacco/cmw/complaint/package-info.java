/**
 * Quality complaints and replacement (§3.6, §4.6.1–§4.6.5): the process {@code qualityComplaint}
 * with its case numbers ZL-yyyy-nnnnn, the 《商品及服務質量信息反饋單》, the regional manager's
 * review, the replacement and the feedback to the customer, the working-day deadlines and their
 * escalation; and the customer-service department's complaint register
 * 《客戶投訴案件登記追蹤表》 and statistics 《客戶投訴案件統計表》 (篇2) over the cases.
 */
package com.tobacco.cmw.complaint;
