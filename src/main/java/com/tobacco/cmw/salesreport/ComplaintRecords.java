package com.tobacco.cmw.salesreport;

import com.tobacco.cmw.salesreport.MonthlyReportContent.ComplaintLine;
import java.time.YearMonth;
import java.util.List;

/**
 * The quality complaints (§3.6, §4.6) of a customer manager's customers in a month, for section c
 * of the report. The complaint process ({@code qualityComplaint}) does not exist yet: until it
 * does, {@link NoComplaintRecordsYet} answers none, and the report says that no complaints are
 * recorded in the system. The complaint process replaces that bean by one reading its cases.
 */
public interface ComplaintRecords {

  List<ComplaintLine> ofManager(String managerId, YearMonth month);

  /** Whether complaints are recorded in the system at all (false until the complaint process exists). */
  boolean available();
}
