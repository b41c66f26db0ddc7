package com.propertydesk.workflow;

import camundajar.impl.scala.util.Either;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;
import org.springframework.stereotype.Component;

/**
 * The decisions' FEEL engine, parsing each expression once. Camunda's DMN engine hands the FEEL engine the text of
 * every input expression and every rule's cell at every evaluation, and the FEEL engine parses it each time: a
 * tenth of the CPU of a ticket's background work went into parsing the same few hundred cells of the triage,
 * urgency and routing tables again. This is Camunda's own FEEL engine ({@link ScalaFeelEngine}, same functions,
 * value mappers and settings) with the parse of each text kept (a parsed expression is an immutable tree), so a
 * decision evaluates exactly as before. A model deployed from Modeler brings new texts, parsed on first use; the
 * cache keeps the most recently used {@value #EXPRESSIONS} of each kind.
 */
@Component
public class FeelParsedOnce extends AbstractProcessEnginePlugin {

    static final int EXPRESSIONS = 10_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.isDmnFeelEnableLegacyBehavior()) {
            return; // the JUEL-based legacy FEEL engine, which parses nothing of this kind
        }
        if (configuration.getDmnEngineConfiguration() == null) {
            configuration.setDmnEngineConfiguration(
                    (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
        }
        DefaultDmnEngineConfiguration decisions = configuration.getDmnEngineConfiguration();
        // asked once the engine has given the DMN configuration its custom function providers
        decisions.setFeelEngineFactory(() -> engine(decisions.getFeelCustomFunctionProviders()));
    }

    /** Camunda's FEEL engine for decisions with the given custom functions, parsing each text once. */
    public static FeelEngine engine(List<FeelCustomFunctionProvider> functions) {
        return new ScalaFeelEngine(functions) {
            @Override
            protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer transformer,
                    CompositeValueMapper valueMapper) {
                return new Parsing(transformer, valueMapper);
            }
        };
    }

    /**
     * The FEEL engine as {@link ScalaFeelEngine} builds it (external functions off, the system clock), whose
     * evaluation of a text takes the parse from here.
     */
    @SuppressWarnings("deprecation")
    static final class Parsing extends org.camunda.feel.FeelEngine {

        private final Cache<String, Either<Failure, ParsedExpression>> expressions = Caffeine.newBuilder()
                .maximumSize(EXPRESSIONS).build();
        private final Cache<String, Either<Failure, ParsedExpression>> unaryTests = Caffeine.newBuilder()
                .maximumSize(EXPRESSIONS).build();

        Parsing(CustomFunctionTransformer functions, CompositeValueMapper values) {
            super(functions, values, new org.camunda.feel.FeelEngine.Configuration(false),
                    org.camunda.feel.FeelEngine.defaultClock());
        }

        @Override
        public Either<Failure, ParsedExpression> parseExpression(String expression) {
            return expressions.get(expression, super::parseExpression);
        }

        @Override
        public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
            return unaryTests.get(expression, super::parseUnaryTests);
        }
    }
}
