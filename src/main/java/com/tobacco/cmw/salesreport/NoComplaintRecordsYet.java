package com.tobacco.cmw.salesreport;

import com.tobacco.cmw.salesreport.MonthlyReportContent.ComplaintLine;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Component;

/** No complaint cases are recorded yet: the complaint process is not built (see {@link ComplaintRecords}). */
@Component
public class NoComplaintRecordsYet implements ComplaintRecords {

  @Override
  public List<ComplaintLine> ofManager(String managerId, YearMonth month) {
    return List.of();
  }

  @Override
  public boolean available() {
    return false;
  }
}
