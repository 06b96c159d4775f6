/**
 * 客戶訪問日程表 (§4.1.1, SPEC §3.2): the weekly visit schedule of each customer manager, drafted
 * every Friday from the grade's visit frequency and the last visit, adjusted and confirmed by the
 * manager (or confirmed as drafted on Monday morning), each planned visit started as a
 * {@code customerVisit}. Process {@code processes/weeklyVisitPlanning.bpmn}.
 */
package com.tobacco.cmw.planning;
