/**
 * Retail network enrollment (入網, §3.3, §4.3, SPEC §3 item 4): a customer manager's application
 * (process {@code networkEnrollment}, application number RW-yyyy-nnnnn), the on-site verification,
 * the regional manager's approval, the new or reactivated customer and its first regular visit.
 */
package com.tobacco.cmw.enrollment;
