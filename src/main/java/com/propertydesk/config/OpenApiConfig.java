package com.propertydesk.config;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Property Service Desk API", version = "v1",
        description = "File and follow owner complaints (投诉) and repair requests (报修). HTTP Basic with a "
                + "Property Service Desk account; errors are RFC 9457 problem details."))
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic")
public class OpenApiConfig {

    static final String PROBLEM_JSON = "application/problem+json";

    /**
     * Every error answer is a problem detail: each 4xx and 5xx response documented on an operation is described as
     * {@code application/problem+json} with the ProblemDetail schema (springdoc would otherwise show the operation's
     * own return type), so the controllers name only code and reason.
     */
    @Bean
    OpenApiCustomizer problemDetailResponses() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            ModelConverters.getInstance().readAll(ProblemDetail.class).forEach(components::addSchemas);
            Schema<?> problem = new Schema<>().$ref("#/components/schemas/" + ProblemDetail.class.getSimpleName());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
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

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    private static void withProblem(ApiResponse response, Schema<?> problem) {
        response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problem)));
    }
}
