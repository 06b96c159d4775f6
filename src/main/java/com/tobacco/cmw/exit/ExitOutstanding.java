package com.tobacco.cmw.exit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Collects every {@link OutstandingWork} contributor's lines and writes them as the form's text. */
@Component
public class ExitOutstanding {

  private final List<OutstandingWork> contributors;

  public ExitOutstanding(List<OutstandingWork> contributors) {
    this.contributors = contributors.stream().sorted(Comparator.comparingInt(OutstandingWork::order)).toList();
  }

  public List<OutstandingWork.Item> of(String customerCode, String exitProcessInstanceId) {
    List<OutstandingWork.Item> items = new ArrayList<>();
    contributors.forEach(c -> items.addAll(c.outstanding(customerCode, exitProcessInstanceId)));
    return items;
  }

  /** Markdown for the verification form: one bullet per item, or a line saying nothing is open. */
  public static String text(List<OutstandingWork.Item> items) {
    if (items.isEmpty()) {
      return "系統中沒有該客戶未了結的事項。/ Nothing outstanding is known to the system.";
    }
    StringBuilder text = new StringBuilder("系統中該客戶未了結的事項(" + items.size() + " 項):\n\n");
    items.forEach(i -> text.append("- ").append(i.kind()).append(":").append(i.text()).append('\n'));
    return text.toString();
  }
}
