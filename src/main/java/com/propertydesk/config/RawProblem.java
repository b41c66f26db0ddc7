package com.propertydesk.config;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** A problem detail written straight to a servlet response, for filters that answer before Spring MVC. */
final class RawProblem {

    private RawProblem() {
    }

    /** Replaces whatever is buffered with the problem's status and JSON body, through whichever stream is free. */
    static void write(HttpServletResponse response, HttpStatus status, String json) throws IOException {
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        try {
            response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalStateException writerTaken) {
            response.getWriter().write(json);
        }
        response.flushBuffer();
    }
}
