package com.tobacco.cmw.infochange;

import java.util.List;

/** A change request as text for the forms: one Markdown line per field, then the reason. */
final class ChangeSummary {

  private ChangeSummary() {}

  static String of(List<ChangeRequestRepository.Item> items, String reason) {
    StringBuilder text = new StringBuilder();
    for (ChangeRequestRepository.Item item : items) {
      text.append("- **").append(item.field().label()).append("**:").append(shown(item.oldValue())).append(" → ")
          .append(shown(item.newValue())).append(item.field().needsApproval() ? "(待審批)" : "(已生效)").append('\n');
    }
    return text.append("\n**變更原因:** ").append(reason.replace('\n', ' ')).toString();
  }

  private static String shown(String value) {
    return value == null || value.isBlank() ? "(空)" : value.replace("*", "\\*");
  }
}
