package com.propertydesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decisions' FEEL engine answers as Camunda's own and parses each text once. */
class FeelParsedOnceTest {

    private final FeelEngine ours = FeelParsedOnce.engine(List.of());
    private final FeelEngine camundas = new ScalaFeelEngine(List.of());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1..5]                       | 3",
        "[1..5]                       | 7",
        "< 3                          | 2",
        "\"ENGINEERING\",\"CLEANING\" | CLEANING",
        "not(\"ENGINEERING\")         | ENGINEERING",
        "-                            | anything",
        "? > limit                    | 9",
        "contains(?, \"漏水\")         | 卫生间天花板漏水",
    })
    void unaryTestsAsCamundasOwn(String cell, String input) {
        VariableContext variables = Variables.createVariables().putValue("cellInput", number(input))
                .putValue("limit", 5).asVariableContext();
        boolean expected = camundas.evaluateSimpleUnaryTests(cell, "cellInput", variables);
        for (int i = 0; i < 3; i++) {
            assertThat(ours.evaluateSimpleUnaryTests(cell, "cellInput", variables)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "repeatCount + 1",
        "if repeatCount >= 2 then \"MAJOR\" else \"NORMAL\"",
        "string length(description) > 4",
        "date(\"2026-12-07\") + duration(\"P1D\")",
    })
    void expressionsAsCamundasOwn(String expression) {
        VariableContext variables = Variables.createVariables().putValue("repeatCount", 2)
                .putValue("description", "卫生间天花板漏水").asVariableContext();
        Object expected = camundas.evaluateSimpleExpression(expression, variables);
        assertThat((Object) ours.evaluateSimpleExpression(expression, variables)).isEqualTo(expected);
        assertThat((Object) ours.evaluateSimpleExpression(expression, Variables.createVariables()
                .putValue("repeatCount", 0).putValue("description", "灯").asVariableContext()))
                .isEqualTo(camundas.evaluateSimpleExpression(expression, Variables.createVariables()
                        .putValue("repeatCount", 0).putValue("description", "灯").asVariableContext()));
    }

    @Test
    void aTextThatDoesNotParseFailsEveryTimeWithCamundasMessage() {
        VariableContext none = Variables.createVariables().asVariableContext();
        String expected = messageOf(() -> camundas.evaluateSimpleExpression("1 +", none));
        for (int i = 0; i < 2; i++) {
            assertThat(messageOf(() -> ours.evaluateSimpleExpression("1 +", none))).isEqualTo(expected);
        }
        assertThatThrownBy(() -> ours.evaluateSimpleUnaryTests("[1..", "cellInput", none))
                .isInstanceOf(FeelException.class).hasMessageContaining("failed to parse");
    }

    @Test
    @SuppressWarnings("deprecation")
    void parsesEachTextOnce() {
        FeelParsedOnce.Parsing feel = new FeelParsedOnce.Parsing(null, null);
        assertThat(feel.parseUnaryTests("[1..5]")).isSameAs(feel.parseUnaryTests("[1..5]"))
                .isNotSameAs(feel.parseExpression("[1..5]"));
        assertThat(feel.parseExpression("a + 1")).isSameAs(feel.parseExpression("a + 1"));
        org.camunda.feel.FeelEngine plain = new org.camunda.feel.FeelEngine.Builder().build();
        assertThat(plain.parseExpression("a + 1")).as("what the engine does by itself")
                .isNotSameAs(plain.parseExpression("a + 1"));
    }

    private static String messageOf(Runnable evaluation) {
        try {
            evaluation.run();
            return null;
        } catch (FeelException e) {
            return e.getMessage();
        }
    }

    private static Object number(String text) {
        return text.matches("\\d+") ? Integer.parseInt(text) : text;
    }
}
