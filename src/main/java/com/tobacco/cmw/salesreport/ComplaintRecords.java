package com.tobacco.cmw.salesreport;

import com.tobacco.cmw.salesreport.MonthlyReportContent.ComplaintLine;
import java.time.YearMonth;
import java.util.List;

/**
 * The quality complaints (§3.6, §4.6) of a customer manager's customers in a month, for section c
 * of the report. Answered from the complaint cases ({@code cm_complaint_case}) by
 * {@code com.tobacco.cmw.complaint.ComplaintRecordsFromRegister}; this interface keeps the report
 * independent of the complaint package.
 */
public interface ComplaintRecords {

  /** The manager's cases reported in the month, oldest first; none is an empty list. */
  List<ComplaintLine> ofManager(String managerId, YearMonth month);
}
