package com.propertydesk.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Administrators create, list and revoke the API tokens of integrator accounts. */
@RestController
@RequestMapping(path = "/api/v1/admin/api-tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "API tokens", description = "Bearer tokens for integrator accounts (administrators only)")
@SecurityRequirement(name = "basicAuth")
class ApiTokenController {

    private final ApiTokenService tokens;
    private final Clock clock;
    private final ZoneId zone;

    ApiTokenController(ApiTokenService tokens, Clock clock, ZoneId zone) {
        this.tokens = tokens;
        this.clock = clock;
        this.zone = zone;
    }

    @Schema(name = "ApiTokenRequest")
    record CreateRequest(
            @Schema(description = "The integrator account (a member of group integrator) the token acts as",
                    example = "integrator") @NotBlank(message = "必填") @Size(max = 64, message = "最多 64 个字符")
            String user,
            @Schema(description = "What the token is for, to recognise it in the list", example = "业主APP 生产环境")
            @NotBlank(message = "必填") @Size(max = 100, message = "最多 100 个字符") String name,
            @Schema(description = "When the token stops working; none: until revoked",
                    example = "2027-12-31T23:59:59+08:00") OffsetDateTime expiresAt) {
    }

    @Schema(name = "ApiToken")
    record TokenView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
            @Schema(description = "The integrator account it acts as", requiredMode = Schema.RequiredMode.REQUIRED)
            String user, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(description = "The token's first characters, to recognise it", example = "pdt_Xq3vB9",
                    requiredMode = Schema.RequiredMode.REQUIRED) String prefix,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ApiToken.Status status,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime createdAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String createdBy, OffsetDateTime expiresAt,
            @Schema(description = "Last authenticated use, to the minute") OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt, String revokedBy) {
    }

    @Schema(name = "ApiTokenCreated")
    record CreatedView(@Schema(description = "The token: send it as Authorization: Bearer <token>. Shown only "
            + "now, never again; it is stored only as a hash.", example = "pdt_Xq3vB9…",
            requiredMode = Schema.RequiredMode.REQUIRED) String token,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) TokenView details) {
    }

    @Operation(operationId = "createApiToken", summary = "Create an API token for an integrator account",
            description = "The token acts with exactly the account's rights (its groups, e.g. all-tickets, "
                    + "owner-phones) and is shown once, in this answer.")
    @ApiResponse(responseCode = "201", description = "Created; the token is in this answer only",
            headers = @Header(name = "Location", description = "URL of the token's record",
                    schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @ApiResponse(responseCode = "403", description = "Not an administrator")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedView> create(@Valid @RequestBody CreateRequest request, Authentication caller) {
        requireAdministrator(caller);
        ApiTokenService.Created created = tokens.create(request.user().strip(), request.name().strip(),
                request.expiresAt() == null ? null : request.expiresAt().toInstant(), caller.getName());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(created.token().id()).toUri();
        return ResponseEntity.created(location).body(new CreatedView(created.secret(), view(created.token())));
    }

    @Operation(operationId = "listApiTokens", summary = "List the API tokens",
            description = "Active, expired and revoked, oldest first; never the tokens themselves.")
    @ApiResponse(responseCode = "200", description = "The tokens")
    @ApiResponse(responseCode = "403", description = "Not an administrator")
    @GetMapping
    List<TokenView> list(@Parameter(description = "Only the tokens of this account")
            @RequestParam(required = false) String user, Authentication caller) {
        requireAdministrator(caller);
        return tokens.list(user == null || user.isBlank() ? null : user.strip()).stream().map(this::view).toList();
    }

    @Operation(operationId = "getApiToken", summary = "Read one API token's record")
    @ApiResponse(responseCode = "200", description = "The token's record")
    @ApiResponse(responseCode = "403", description = "Not an administrator")
    @ApiResponse(responseCode = "404", description = "No such token")
    @GetMapping("/{id}")
    TokenView get(@PathVariable long id, Authentication caller) {
        requireAdministrator(caller);
        return tokens.find(id).map(this::view).orElseThrow(() -> notFound(id));
    }

    @Operation(operationId = "revokeApiToken", summary = "Revoke an API token",
            description = "Refused from the next request on, on every node. Revoking a revoked token changes "
                    + "nothing.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "403", description = "Not an administrator")
    @ApiResponse(responseCode = "404", description = "No such token")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication caller) {
        requireAdministrator(caller);
        if (!tokens.revoke(id, caller.getName())) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private TokenView view(ApiToken token) {
        return new TokenView(token.id(), token.userId(), token.name(), token.prefix(), token.status(clock.instant()),
                local(token.createdAt()), token.createdBy(), local(token.expiresAt()), local(token.lastUsedAt()),
                local(token.revokedAt()), token.revokedBy());
    }

    private OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private static void requireAdministrator(Authentication caller) {
        boolean administrator = caller.getAuthorities().stream().anyMatch(authority -> authority.getAuthority()
                .equals(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + Groups.ADMIN));
        if (!administrator) {
            throw problem(HttpStatus.FORBIDDEN, "forbidden", "只有系统管理员（camunda-admin）可以管理接口令牌");
        }
    }

    private static ErrorResponseException notFound(long id) {
        return problem(HttpStatus.NOT_FOUND, "api-token-not-found", "没有编号为 " + id + " 的接口令牌");
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:propertydesk:problem:" + type));
        problem.setTitle(status.getReasonPhrase());
        return new ErrorResponseException(status, problem, null);
    }
}
