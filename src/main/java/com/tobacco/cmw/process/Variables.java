package com.tobacco.cmw.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reads of process variables with clear messages. {@code error} turns a message into the
 * exception fitting the place (start or form), see {@link InvalidInput}.
 */
public final class Variables {

  private Variables() {}

  /**
   * The start variables of a REST start: the given fields of the request body that are present,
   * each as text (the start delegate checks them as it checks a Tasklist start form); every other
   * field of the body is left out.
   */
  public static Map<String, Object> startFields(Map<String, Object> body, List<String> fields) {
    Map<String, Object> variables = new HashMap<>();
    if (body != null) {
      for (String field : fields) {
        if (body.get(field) != null) {
          variables.put(field, body.get(field).toString());
        }
      }
    }
    return variables;
  }

  public static String requiredText(VariableScope scope, String name, String label, int maxLength,
                                    Function<String, RuntimeException> error) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw error.apply("請填寫「" + label + "」/ " + name + " is required");
    }
    return checkLength(value.toString().strip(), name, label, maxLength, error);
  }

  public static String optionalText(VariableScope scope, String name, String label, int maxLength,
                                    Function<String, RuntimeException> error) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return checkLength(value.toString().strip(), name, label, maxLength, error);
  }

  public static boolean flag(VariableScope scope, String name, String label, Function<String, RuntimeException> error) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    return switch (value.toString().strip().toLowerCase()) {
      case "true" -> true;
      case "false", "" -> false;
      default -> throw error.apply("「" + label + "」只能是「是」或「否」/ " + name + " must be true or false, got '" + value + "'");
    };
  }

  /** A date given as LocalDate, java.util.Date or text yyyy-MM-dd (what a date field submits). */
  public static LocalDate requiredDate(VariableScope scope, String name, String label, java.time.ZoneId zone,
                                       Function<String, RuntimeException> error) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw error.apply("請填寫「" + label + "」/ " + name + " is required");
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(zone).toLocalDate();
    }
    String text = value.toString().strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw error.apply("「" + label + "」不是日期 yyyy-MM-dd:「" + text + "」/ " + name + " is not a date");
    }
  }

  /** A number given as a number or as text; null when empty. */
  public static BigDecimal number(Object value, String label, Function<String, RuntimeException> error) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof BigDecimal b) {
      return b;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    try {
      return new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw error.apply("「" + label + "」不是數字:「" + value + "」/ not a number");
    }
  }

  private static String checkLength(String text, String name, String label, int maxLength,
                                    Function<String, RuntimeException> error) {
    if (text.length() > maxLength) {
      throw error.apply("「" + label + "」最多 " + maxLength + " 字 / " + name + " is longer than " + maxLength);
    }
    return text;
  }
}
