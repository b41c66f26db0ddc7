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
