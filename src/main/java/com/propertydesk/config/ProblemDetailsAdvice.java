package com.propertydesk.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.propertydesk.analysis.AnalysisExistsException;
import com.propertydesk.analysis.AnalysisNotFoundException;
import com.propertydesk.analysis.ReportRenderer;
import com.propertydesk.attachment.AttachmentNotFoundException;
import com.propertydesk.attachment.AttachmentProperties;
import com.propertydesk.attachment.AttachmentRefusedException;
import com.propertydesk.attachment.AttachmentService;
import com.propertydesk.ticket.ClockStateException;
import com.propertydesk.ticket.FeedbackNotExpectedException;
import com.propertydesk.ticket.IdempotencyKeyReusedException;
import com.propertydesk.ticket.NotAllowedException;
import com.propertydesk.ticket.TicketNotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our REST API as an RFC 9457 problem detail. Request errors name the offending field in
 * {@code errors[].field} (a JSON path such as {@code reporter.phone}, a query parameter or a header); nothing a
 * client sends produces a 500.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPE_PREFIX = "urn:propertydesk:problem:";

    private final AttachmentProperties attachments;

    public ProblemDetailsAdvice(AttachmentProperties attachments) {
        this.attachments = attachments;
    }

    /** One offending field and what is wrong with it. */
    @Schema(name = "FieldProblem", description = "One offending field and what is wrong with it")
    public record FieldProblem(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "reporter.phone") String field,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "must be a mobile number (11 digits starting with 1)") String message) {
    }

    static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * Spring's own problems (405, 406, 415, …) as ours: always application/problem+json, whatever the request's
     * Accept asked for (an Accept of only application/pdf, or one that cannot be parsed, left a 406 without a body).
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ResponseEntity<Object> entity = super.createResponseEntity(body, headers, status, request);
        if (entity.getBody() instanceof ProblemDetail problem) {
            HttpHeaders withType = new HttpHeaders();
            withType.putAll(entity.getHeaders());
            withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(problem, withType, entity.getStatusCode());
        }
        return entity;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), message(error)))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(invalid(errors), request);
    }

    private static String message(FieldError error) {
        if ("typeMismatch".equals(error.getCode())) {
            return "has the wrong type";
        }
        return error.getDefaultMessage();
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                messageOf(error))))
                .toList();
        return respond(invalid(errors), request);
    }

    private static String messageOf(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        String message = type != null && type.isEnum() ? "must be one of " + constants(type)
                : "must be a valid " + (type == null ? "value" : type.getSimpleName());
        return respond(invalid(List.of(new FieldProblem(name, message))), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return respond(invalid(List.of(new FieldProblem(path(unknown), "is not a known field"))), request);
        }
        if (cause instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            String message = target != null && target.isEnum() ? "must be one of " + constants(target)
                    : target == String.class && format.getValue() instanceof String text
                            && StrictJsonConfig.CONTROL.matcher(text).find() ? StrictJsonConfig.CONTROL_MESSAGE
                    : target == String.class && format.getValue() instanceof String text
                            && StrictJsonConfig.unpairedSurrogate(text) ? StrictJsonConfig.SURROGATE_MESSAGE
                    : "must be " + describe(target);
            return respond(invalid(List.of(new FieldProblem(path(format), message))), request);
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String message = "must be " + describe(mismatch.getTargetType());
            return respond(invalid(List.of(new FieldProblem(path(mismatch), message))), request);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // a value of the right JSON type that its field cannot hold (a date-time beyond the calendar's range)
            return respond(invalid(List.of(new FieldProblem(path(mapping), "is not a valid value"))), request);
        }
        if (cause instanceof JsonProcessingException json) {
            var location = json.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            return respond(problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The request body is not valid JSON" + where + ": " + json.getOriginalMessage()), request);
        }
        return respond(problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                "The request body is missing or cannot be read as JSON"), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String supported = ex.getSupportedMediaTypes().stream().map(Object::toString)
                .collect(Collectors.joining(", "));
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", "Content-Type " + (ex.getContentType() == null ? "(none)"
                        : ex.getContentType()) + " is not supported; send " + supported);
        problem.setProperty("errors", List.of(new FieldProblem("Content-Type", "must be " + supported)));
        return respond(problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(invalid(List.of(new FieldProblem(ex.getRequestPartName(), "is required"))), request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (partHeadersTooLong(ex)) {
            // Tomcat's limit on a part's headers (server.tomcat.max-part-header-size), which Spring reports as an
            // upload too large: it is the file name (or declared type) that is too long, not the file
            return respond(invalid(List.of(new FieldProblem("file.filename", "is too long: the file name and "
                    + "type of a part may take at most " + MAX_PART_HEADERS + " together"))), request);
        }
        ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Too large",
                "A file may be at most " + AttachmentService.humanSize(attachments.maxSize().toBytes()));
        problem.setProperty("errors", List.of(new FieldProblem("file", problem.getDetail())));
        return respond(problem, request);
    }

    /** server.tomcat.max-part-header-size in application.yaml. */
    static final String MAX_PART_HEADERS = "8 KB";

    private static boolean partHeadersTooLong(Throwable ex) {
        for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Header section has more than")) {
                return true;
            }
        }
        return false;
    }

    /** A multipart request that cannot be parsed (no boundary, broken off). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> brokenMultipart(MultipartException ex, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-multipart", "Malformed upload",
                "The upload is not a complete multipart/form-data request with a part named file");
        problem.setProperty("errors", List.of(new FieldProblem("file", "could not be read")));
        return respond(problem, request);
    }

    @ExceptionHandler(AttachmentRefusedException.class)
    ResponseEntity<Object> attachmentRefused(AttachmentRefusedException ex, WebRequest request) {
        String type = switch (ex.getStatus()) {
            case PAYLOAD_TOO_LARGE -> "too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-file-type";
            default -> "upload-failed";
        };
        ProblemDetail problem = problem(ex.getStatus(), type, ex.getStatus().getReasonPhrase(), ex.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem("file", ex.getMessage())));
        return respond(problem, request);
    }

    @ExceptionHandler(AttachmentNotFoundException.class)
    ResponseEntity<Object> attachmentNotFound(AttachmentNotFoundException ex, WebRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "attachment-not-found", "Attachment not found",
                ex.getMessage()), request);
    }

    @ExceptionHandler(AnalysisExistsException.class)
    ResponseEntity<Object> analysisExists(AnalysisExistsException ex, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "analysis-exists", "Analysis exists", ex.getMessage());
        problem.setProperty("analysisId", ex.getAnalysisId());
        problem.setProperty("errors", List.of(new FieldProblem("quarter", "has its analysis already")));
        return respond(problem, request);
    }

    @ExceptionHandler(AnalysisNotFoundException.class)
    ResponseEntity<Object> analysisNotFound(AnalysisNotFoundException ex, WebRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "analysis-not-found", "Analysis not found", ex.getMessage()),
                request);
    }

    @ExceptionHandler(ReportRenderer.PdfUnavailableException.class)
    ResponseEntity<Object> pdfUnavailable(ReportRenderer.PdfUnavailableException ex, WebRequest request) {
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "pdf-unavailable", "PDF unavailable",
                ex.getMessage()), request);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex, WebRequest request) {
        return respond(invalid(List.of(new FieldProblem(ex.getField(), ex.getMessage()))), request);
    }

    @ExceptionHandler(TicketNotFoundException.class)
    ResponseEntity<Object> notFound(TicketNotFoundException ex, WebRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "ticket-not-found", "Ticket not found",
                "There is no ticket " + ex.getTicketNo() + " you may see"), request);
    }

    @ExceptionHandler(NotAllowedException.class)
    ResponseEntity<Object> notAllowed(NotAllowedException ex, WebRequest request) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", ex.getMessage()), request);
    }

    @ExceptionHandler(ClockStateException.class)
    ResponseEntity<Object> clockState(ClockStateException ex, WebRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "clock-state", "Clock not in that state", ex.getMessage()),
                request);
    }

    @ExceptionHandler(FeedbackNotExpectedException.class)
    ResponseEntity<Object> feedbackNotExpected(FeedbackNotExpectedException ex, WebRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "feedback-not-expected", "Feedback not expected",
                ex.getMessage()), request);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<Object> keyReused(IdempotencyKeyReusedException ex, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                "Idempotency-Key reused", ex.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem("Idempotency-Key", ex.getMessage())));
        problem.setProperty("ticketNo", ex.getTicketNo());
        return respond(problem, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You are not allowed to do this"), request);
    }

    /**
     * A race lost to another request on the same ticket (two owners' taps, a staff member completing the task the
     * owner accepts, a deadlock): its transaction has rolled back entirely, nothing of it was recorded, and
     * reading the ticket again shows what the other request did. The database out of reach: 503 with Retry-After
     * ({@link DatabaseUnavailable}). Otherwise anything unforeseen: logged with a
     * reference the caller can quote, no internals in the answer.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request, HttpServletRequest servletRequest) {
        if (DatabaseUnavailable.in(ex)) {
            LOG.warn("Database unavailable on {} {}: {}", servletRequest.getMethod(), servletRequest.getRequestURI(),
                    ex.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                    .body(DatabaseUnavailable.problem(servletRequest.getRequestURI()));
        }
        var conflict = Conflicts.of(ex);
        if (conflict.isPresent()) {
            LOG.info("Conflict on {} {}: {}", servletRequest.getMethod(), servletRequest.getRequestURI(),
                    conflict.get().cause().toString());
            return respond(conflict(conflict.get()), request);
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} on {} {}", reference, servletRequest.getMethod(),
                servletRequest.getRequestURI(), ex);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be completed; quote reference " + reference);
        problem.setProperty("reference", reference);
        return respond(problem, request);
    }

    private static ProblemDetail conflict(Conflicts.Conflict conflict) {
        String detail = conflict.kind() == Conflicts.Kind.BUSY
                ? "Another request was changing the same ticket at the same moment; nothing of this request was "
                        + "recorded. Retry in a moment."
                : "Another request changed the same ticket first (the task it needed was claimed, completed or "
                        + "changed meanwhile); nothing of this request was recorded. Read the ticket again and "
                        + "retry if it still applies.";
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change", detail);
        problem.setProperty("retryable", true);
        return problem;
    }

    private static String path(JsonMappingException ex) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : ex.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        Map<String, String> names = Map.of("OffsetDateTime",
                "an ISO-8601 date-time with offset such as 2026-11-24T08:30:00+08:00", "Boolean", "true or false",
                "boolean", "true or false", "String", "a string", "Integer", "an integer", "int", "an integer");
        return names.getOrDefault(type.getSimpleName(), type.isEnum() ? "one of " + constants(type)
                : "a " + type.getSimpleName());
    }
}
