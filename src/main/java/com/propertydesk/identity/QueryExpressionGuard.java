package com.propertydesk.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes expression injection through task queries. Camunda 7.24 refuses expressions at the top level of an
 * ad-hoc task query but not inside {@code orQueries}, where any authenticated user could have the server evaluate
 * an expression (which may call Spring beans). In front of the engine REST API and the webapps' own engine API
 * this filter refuses, with 400:
 * <ul>
 * <li>any {@code ...Expression} field or parameter, at any depth, in an ad-hoc task query ({@code /task},
 * {@code /task/count}) and in the query a filter is extended with ({@code /filter/{id}/list|count|singleResult});</li>
 * <li>in a stored filter ({@code /filter/create}, {@code PUT /filter/{id}}), any expression but the ones our own
 * filters use ({@link TasklistFilters#EXPRESSIONS}). Creating filters is for administrators only (authorizations).</li>
 * </ul>
 * Nothing is evaluated: the request is refused before the engine sees it.
 */
public class QueryExpressionGuard extends OncePerRequestFilter {

    /** The engine API paths after /engine-rest, /engine-rest/engine/{name} or /camunda/api/engine/engine/{name}. */
    private static final Pattern ENGINE_PATH = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");
    private static final Pattern ADHOC = Pattern.compile("^/task(/count)?/?$|^/filter/[^/]+/(list|count|singleResult)/?$");
    private static final Pattern STORED = Pattern.compile("^/filter/create/?$|^/filter/[^/]+/?$");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var matcher = ENGINE_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        String path = matcher.matches() ? matcher.group(1) : "";
        boolean stored = STORED.matcher(path).matches() && !ADHOC.matcher(path).matches()
                && ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()));
        boolean adhoc = ADHOC.matcher(path).matches();
        if (!adhoc && !stored) {
            chain.doFilter(request, response);
            return;
        }
        for (String parameter : Collections.list(request.getParameterNames())) {
            if (isExpressionField(parameter)) {
                refuse(response, "Expressions are not allowed in task queries: parameter " + parameter);
                return;
            }
        }
        if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        Optional<String> offending = Optional.empty();
        try {
            JsonNode document = body.length == 0 ? null : json.readTree(body);
            if (document != null) {
                offending = adhoc ? firstExpression(document, "", List.of())
                        : firstExpression(document.path("query"), "query", TasklistFilters.EXPRESSIONS);
            }
        } catch (IOException notJson) {
            // the engine answers malformed JSON itself
        }
        if (offending.isPresent()) {
            refuse(response, (adhoc ? "Expressions are not allowed in task queries: "
                    : "Only the expressions of the built-in filters " + TasklistFilters.EXPRESSIONS
                            + " are allowed in a stored filter: ") + offending.get());
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The path of the first expression field not in the allowed list, searching every object and array. */
    static Optional<String> firstExpression(JsonNode node, String path, List<String> allowed) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (isExpressionField(field.getKey()) && !(field.getValue().isTextual()
                        && allowed.contains(field.getValue().asText().strip()))) {
                    return Optional.of(at);
                }
                Optional<String> inside = firstExpression(field.getValue(), at, allowed);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> inside = firstExpression(node.get(i), path + "[" + i + "]", allowed);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isExpressionField(String name) {
        return name.endsWith("Expression") || name.endsWith("Expressions");
    }

    private void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException", "message", message));
    }

    /** The request with its body read once and offered again to the engine. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
