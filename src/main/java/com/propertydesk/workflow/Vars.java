package com.propertydesk.workflow;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads process variables as forms and REST clients send them (Tasklist sends booleans as booleans, a REST
 * client may send "true"). A value that cannot be used is refused with a message staff can act on.
 */
final class Vars {

    private Vars() {
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    static String requiredText(VariableScope scope, String name, String label) {
        String text = text(scope, name);
        if (text == null) {
            throw new BadUserRequestException("请填写" + label + "（" + name + "）");
        }
        return text;
    }

    static Boolean bool(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        String text = value.toString().strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        if (text.isEmpty()) {
            return null;
        }
        throw new BadUserRequestException(name + " 应为 true 或 false，收到：" + text);
    }

    static boolean requiredBool(VariableScope scope, String name, String label) {
        Boolean value = bool(scope, name);
        if (value == null) {
            throw new BadUserRequestException("请选择" + label + "（" + name + "）");
        }
        return value;
    }

    static int integer(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number) {
            return number.intValue();
        }
        return value == null ? 0 : Integer.parseInt(value.toString().strip());
    }

    /** An amount of money in yuan, at most two decimals, from 0 to 100 000; null when not given. */
    static java.math.BigDecimal amount(VariableScope scope, String name, String label) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            java.math.BigDecimal amount = new java.math.BigDecimal(value.toString().strip());
            if (amount.signum() < 0 || amount.compareTo(java.math.BigDecimal.valueOf(100_000)) > 0
                    || amount.stripTrailingZeros().scale() > 2) {
                throw new NumberFormatException();
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new BadUserRequestException(label + "（" + name + "）应为0到100000之间、最多两位小数的金额，收到：" + value);
        }
    }

    /**
     * A moment as forms and clients send it: a date, an ISO date-time with offset, or a local date-time
     * ("2026-11-25T10:00", the service centre's time); null when not given.
     */
    static java.time.Instant instant(VariableScope scope, String name, String label, java.time.ZoneId zone) {
        Object value = scope.getVariable(name);
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException notWithOffset) {
            try {
                return java.time.LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (java.time.format.DateTimeParseException notLocal) {
                throw new BadUserRequestException(label + "（" + name + "）应为日期时间，例如 2026-11-25T10:00，收到："
                        + text);
            }
        }
    }

    /** A rating from 1 to 5; null when not given. */
    static Integer rating(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.toString().strip());
            if (number == Math.rint(number) && number >= 1 && number <= 5) {
                return (int) number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadUserRequestException("评分（" + name + "）应为1到5的整数，收到：" + value);
    }

    static <E extends Enum<E>> E enumValue(VariableScope scope, String name, Class<E> type) {
        String text = text(scope, name);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(name + " 的值 " + text + " 无效，应为 "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static <E extends Enum<E>> E requiredEnum(VariableScope scope, String name, Class<E> type, String label) {
        E value = enumValue(scope, name, type);
        if (value == null) {
            throw new BadUserRequestException("请选择" + label + "（" + name + "）");
        }
        return value;
    }
}
