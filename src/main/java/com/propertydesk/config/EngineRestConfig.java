package com.propertydesk.config;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine REST API (/engine-rest) with our error answers, in the engine REST API's own error format
 * ({@code type}, {@code message}, {@code code}), which Tasklist shows to the user. The same mappers serve the
 * webapps' engine API that Tasklist itself calls ({@link WebappEngineApiConfig}).
 * <ul>
 * <li>A task listener refusing a form value (a missing satisfaction, an unknown handler, the handler verifying
 * their own work): the engine wraps our {@link BadUserRequestException}, and the REST API would answer 500. Here
 * it answers 400 with the listener's message.</li>
 * <li>A race lost to somebody else ({@link Conflicts}): two people claiming or completing one task, a double
 * click. The REST API would answer 500 with the engine's internals (ENGINE-03005, SQL); here it answers 409 with
 * a reason in Chinese (404 when the task is gone), and the losing request's transaction has rolled back
 * entirely.</li>
 * <li>The database out of reach ({@link DatabaseUnavailable}): 503 with Retry-After and a message, not a 500
 * after a long wait.</li>
 * </ul>
 * Everything else is answered as the engine REST API always does.
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestConfig.class);

    /** Our exception mappers, registered ahead of the engine REST API's own (same types, higher priority). */
    static final List<Class<?>> MAPPERS = List.of(RestExceptions.class, EngineExceptions.class,
            OtherExceptions.class, OtherThrowables.class);

    /** The engine REST API as the starter registers it, with its JSON mapper made once ({@link EngineRestJson}). */
    @Override
    protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        registerClasses(EngineRestJson.inPlaceOfTheEngines(CamundaRestResources.getConfigurationClasses()));
        register(JacksonFeature.class);
    }

    @Override
    protected void registerAdditionalResources() {
        MAPPERS.forEach(this::register);
    }

    static Response respond(Throwable failure, UriInfo request) {
        return databaseUnavailable(failure).or(() -> conflict(failure)).or(() -> ruleViolation(failure))
                .or(() -> taskGoneMeanwhile(failure, request == null ? null : request.getPath()))
                .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(failure));
    }

    /** A person's action on one task: claim, complete, submit its form, … (engine REST and the webapps' API). */
    static final Pattern TASK_ACTION = Pattern.compile(
            "(?:^|.*/)task/([^/]+)/(?:claim|unclaim|complete|submit-form|resolve|delegate|assignee)/?");

    /**
     * Any other failure of an action on a task that another transaction has completed meanwhile: the engine read
     * the task before the other commit and its execution after it (READ COMMITTED), and stumbles over the half-gone
     * tree (seen as a NullPointerException in the history of a form variable). The task is gone: answered as a lost
     * race (404), not a 500; the failed transaction has rolled back.
     */
    static Optional<Response> taskGoneMeanwhile(Throwable failure, String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher action = TASK_ACTION.matcher(path);
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        if (!action.matches() || engine == null) {
            return Optional.empty();
        }
        String taskId = action.group(1);
        boolean exists = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
                        () -> context.getTaskManager().findTaskById(taskId) != null));
        if (exists) {
            return Optional.empty();
        }
        return Optional.of(answer(new Conflicts.Conflict(Conflicts.Kind.GONE, null, null, failure)));
    }

    /**
     * 503 with Retry-After while the database cannot be reached ({@link DatabaseUnavailable}): a problem detail that
     * also carries the engine API's {@code type} and {@code message} members, so Tasklist shows the message. The
     * action's transaction is lost with its connection and has taken effect either entirely or not at all.
     */
    static Optional<Response> databaseUnavailable(Throwable failure) {
        if (!DatabaseUnavailable.in(failure)) {
            return Optional.empty();
        }
        LOG.warn("Engine API answers 503, database unavailable: {}", failure.toString());
        return Optional.of(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .type("application/problem+json;charset=UTF-8")
                .entity(DatabaseUnavailable.body(null, DatabaseUnavailable.STAFF_MESSAGE)).build());
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

    /**
     * 409 for a race lost (type {@code TaskAlreadyClaimedException} or {@code OptimisticLockingException}, as
     * engine REST clients know them, with the engine's exception code: 1 optimistic locking, 10 000 deadlock),
     * 404 for a task that is gone.
     */
    static Optional<Response> conflict(Throwable failure) {
        return Conflicts.of(failure).map(EngineRestConfig::answer);
    }

    private static Response answer(Conflicts.Conflict conflict) {
        ExceptionDto body = new ExceptionDto();
        Response.Status status = Response.Status.CONFLICT;
        switch (conflict.kind()) {
            case CLAIMED -> {
                body.setType(TaskAlreadyClaimedException.class.getSimpleName());
                body.setMessage("该任务已被 " + conflict.assignee() + " 认领，请刷新任务列表");
            }
            case CHANGED -> {
                body.setType(OptimisticLockingException.class.getSimpleName());
                body.setMessage("该任务刚刚被其他人处理或修改，您的操作没有生效，请刷新后重试");
            }
            case BUSY -> {
                body.setType(OptimisticLockingException.class.getSimpleName());
                body.setMessage("该工单正被其他操作同时修改，您的操作没有生效，请稍后重试");
            }
            case GONE -> {
                status = Response.Status.NOT_FOUND;
                body.setType(InvalidRequestException.class.getSimpleName());
                body.setMessage("该任务已不存在（可能已被其他人完成或撤销），请刷新任务列表");
            }
            default -> throw new IllegalStateException("unknown conflict " + conflict.kind());
        }
        body.setCode(conflict.engineCode());
        LOG.info("Engine API answers {} ({}): {}", status.getStatusCode(), conflict.kind(),
                conflict.cause().toString());
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Priority(Priorities.USER - 100)
    public static class RestExceptions implements ExceptionMapper<RestException> {

        @Context
        UriInfo request;

        @Override
        public Response toResponse(RestException exception) {
            return respond(exception, request);
        }
    }

    @Priority(Priorities.USER - 100)
    public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

        @Context
        UriInfo request;

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return respond(exception, request);
        }
    }

    /**
     * What is neither a REST nor an engine exception: Spring's and JPA's (a ticket's optimistic lock, a deadlock
     * at commit, a rollback on a connection that is gone). Otherwise answered as the engine REST API's catch-all
     * does. Mapped as {@link Exception}, the type of that catch-all: Jersey takes the mapper of the nearest type
     * first and only then the priority, so a mapper of {@link Throwable} would never see them.
     */
    @Priority(Priorities.USER - 100)
    public static class OtherExceptions implements ExceptionMapper<Exception> {

        @Context
        UriInfo request;

        @Override
        public Response toResponse(Exception exception) {
            return respond(exception, request);
        }
    }

    /** Errors (not exceptions) as the engine REST API answers them. */
    @Priority(Priorities.USER - 100)
    public static class OtherThrowables implements ExceptionMapper<Throwable> {

        @Context
        UriInfo request;

        @Override
        public Response toResponse(Throwable exception) {
            return respond(exception, request);
        }
    }
}
