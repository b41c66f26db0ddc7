package com.propertydesk.config;

import com.propertydesk.config.ProblemDetailsAdvice.FieldProblem;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.net.URI;
import java.util.List;

/**
 * How the API description shows every error answer: the RFC 9457 members and the extension members this API
 * sends, each by name. Spring's {@link org.springframework.http.ProblemDetail} would show its extensions as one
 * {@code properties} map that is never on the wire, so a generated client would lose {@code errors[]}. Only for
 * the description; the answers themselves are still Spring's problem details.
 */
@Schema(name = "ProblemDetail", description = "An RFC 9457 problem detail (application/problem+json). Request "
        + "errors (400, and 413, 415, 422 where a field is to blame) list each offending field in errors[].")
record ProblemSchema(
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri",
                description = "What kind of problem; urn:propertydesk:problem:… for this API's own, about:blank "
                        + "for plain HTTP errors", example = "urn:propertydesk:problem:invalid-request")
        URI type,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "Invalid request") String title,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The HTTP status code", example = "400")
        int status,
        @Schema(description = "What went wrong, for people", example = "reporter.phone: must be a mobile number "
                + "(11 digits starting with 1)")
        String detail,
        @Schema(format = "uri-reference", description = "The path of the request", example = "/api/v1/tickets")
        String instance,
        @ArraySchema(arraySchema = @Schema(description = "Each offending field (a JSON path such as "
                + "reporter.phone, a query parameter or a header) and what is wrong with it"))
        List<FieldProblem> errors,
        @Schema(description = "409 concurrent-change: nothing was recorded; the request may be sent again")
        Boolean retryable,
        @Schema(description = "500: the reference to quote; the log has the details") String reference,
        @Schema(description = "422 idempotency-key-reused: the ticket filed with that key") String ticketNo,
        @Schema(description = "409 analysis-exists: the quarter's analysis") Long analysisId) {
}
