package com.propertydesk.config;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Property Service Desk API", version = "v1",
        description = "File and follow owner complaints (投诉) and repair requests (报修). HTTP Basic with a "
                + "Property Service Desk account, or an integrator account's API token (Authorization: Bearer "
                + "pdt_…, created by an administrator); errors are RFC 9457 problem details."))
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "pdt_…",
        description = "An integrator account's API token, created by an administrator "
                + "(POST /api/v1/admin/api-tokens); it acts with the account's rights")
public class OpenApiConfig {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    static final String ADMIN_PATHS = "/api/v1/admin/";
    /** The name of {@link ProblemSchema} in the description (kept from when it was Spring's ProblemDetail). */
    static final String PROBLEM_SCHEMA = "ProblemDetail";

    /**
     * Every error answer is a problem detail: each 4xx and 5xx response documented on an operation is described as
     * {@code application/problem+json} with the ProblemDetail schema, which is {@link ProblemSchema} (each member by
     * name, {@code errors[]} included; springdoc would otherwise show the operation's own return type), so the
     * controllers name only code and reason.
     */
    @Bean
    OpenApiCustomizer problemDetailResponses() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            ModelConverters.getInstance().readAll(ProblemSchema.class).forEach(components::addSchemas);
            Schema<?> problem = new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((url, path) -> path.readOperations().forEach(operation -> {
                if (!url.startsWith(ADMIN_PATHS)) {
                    withBearerAlternative(operation);
                }
                if (operation.getResponses() == null) {
                    return;
                }
                operation.getResponses().forEach((code, response) -> {
                    if (isError(code)) {
                        withProblem(response, problem);
                    }
                });
            }));
        };
    }

    /** API tokens (integrator accounts) are accepted wherever Basic is, except the administrators' endpoints. */
    private static void withBearerAlternative(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security != null && security.stream().anyMatch(requirement -> requirement.containsKey(BASIC))
                && security.stream().noneMatch(requirement -> requirement.containsKey(BEARER))) {
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        }
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    private static void withProblem(ApiResponse response, Schema<?> problem) {
        response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problem)));
    }
}
