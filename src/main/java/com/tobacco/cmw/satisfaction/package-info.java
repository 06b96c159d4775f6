/**
 * Customer satisfaction improvement (§3.8, §4.8.1–§4.8.2): the process
 * {@code satisfactionImprovement} — the customer service center or a regional manager requests an
 * evaluation with a survey (CSV), the satisfaction index per customer manager and region is
 * computed and compared with the previous period, each customer manager analyses the results and
 * commits to measures with a target, the requester accepts or returns them, and a follow-up
 * survey after a configurable period starts the next cycle; the index history and its chart.
 */
package com.tobacco.cmw.satisfaction;
