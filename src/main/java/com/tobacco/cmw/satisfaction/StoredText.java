package com.tobacco.cmw.satisfaction;

import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Texts people enter in the satisfaction forms are ordinary process variables: the engine keeps
 * them in its variable and history tables (history level full), whose text column holds 4,000
 * characters. A longer text is refused with a clear 400 before anything is written; a survey
 * uploaded as a file comes as a transient variable and is not limited here.
 */
final class StoredText {

  private StoredText() {}

  /** Whether {@code name} is a variable the engine will store (not transient, present). */
  static boolean isStored(VariableScope scope, String name) {
    TypedValue value = scope.getVariableTyped(name);
    return value != null && value.getValue() != null && !value.isTransient();
  }

  /** Refuses a stored text of more than {@link LoadSurveyDelegate#MAX_STORED_TEXT} characters, as given. */
  static void requireFits(VariableScope scope, String name, String label, String hint,
                          Function<String, RuntimeException> error) {
    if (!isStored(scope, name)) {
      return;
    }
    int length = scope.getVariable(name).toString().length();
    if (length > LoadSurveyDelegate.MAX_STORED_TEXT) {
      throw error.apply("「" + label + "」最多 " + LoadSurveyDelegate.MAX_STORED_TEXT + " 字,現有 " + length + " 字 / " + name
          + " is limited to " + LoadSurveyDelegate.MAX_STORED_TEXT + " characters (" + length + ")"
          + (hint == null ? "" : ";" + hint));
    }
  }
}
