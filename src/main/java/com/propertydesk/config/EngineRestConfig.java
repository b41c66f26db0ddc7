package com.propertydesk.config;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API (/engine-rest) with one addition: when a task listener refuses a form value (a missing
 * satisfaction, an unknown handler, the handler verifying their own work) the engine wraps our
 * {@link BadUserRequestException} and the REST API would answer 500. Here it answers 400 with the listener's
 * message, in the engine REST API's own error format, which Tasklist shows to the user.
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(RestExceptions.class);
        register(EngineExceptions.class);
    }

    static Optional<Response> ruleViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException refused) {
                ExceptionDto body = new ExceptionDto();
                body.setType(BadUserRequestException.class.getSimpleName());
                body.setMessage(refused.getMessage());
                return Optional.of(Response.status(Response.Status.BAD_REQUEST).entity(body)
                        .type(MediaType.APPLICATION_JSON_TYPE).build());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    @Priority(Priorities.USER - 100)
    public static class RestExceptions implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            return ruleViolation(exception).orElseGet(() -> ExceptionHandlerHelper.getInstance()
                    .getResponse(exception));
        }
    }

    @Priority(Priorities.USER - 100)
    public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return ruleViolation(exception).orElseGet(() -> ExceptionHandlerHelper.getInstance()
                    .getResponse(exception));
        }
    }
}
