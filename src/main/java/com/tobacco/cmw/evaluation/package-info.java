/**
 * The evaluation of a customer-service department manager by the criteria of 篇2
 * 《客戶服務部經理績效測評標準》 (業務工作, 管理監督, 指導協調, 審查報告): the process
 * {@code performanceEvaluation}, the criteria as data, the weights and rating decisions, the
 * complaint register's evidence for the period, acknowledgement or dispute, the second
 * evaluation and the frozen archive.
 */
package com.tobacco.cmw.evaluation;
