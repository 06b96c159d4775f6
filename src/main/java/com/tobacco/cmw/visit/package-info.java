/**
 * 客戶訪問 — the customer visit (seed §3.1, §4.1.2–§4.1.4), process {@code customerVisit}
 * ({@code processes/customerVisit.bpmn}, forms {@code forms/customerVisit-*.form}, decision
 * {@code processes/visitFrequency.dmn}). Regular and special visits, the visit report a–f with
 * stock check, order suggestion and price check, the sign-in book, the downgrade decision on a
 * price violation and the escalation of an overdue visit.
 */
package com.tobacco.cmw.visit;
