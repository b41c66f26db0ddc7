package com.propertydesk.config;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The errors Tomcat answers itself, before the request reaches the application (a URL with an encoded backslash
 * or NUL, a request line or header it cannot parse): an RFC 9457 problem detail like every other error, not
 * Tomcat's HTML page. Errors the application answers never get here (they have their body already).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 400
                ? "The request could not be read: its URL, request line or headers are malformed (an encoded "
                        + "backslash or NUL in the path, say)"
                : title;
        String type = status == 400 ? "malformed-request" : status >= 500 ? "internal-error" : "http-" + status;
        String json = "{\"type\":\"urn:propertydesk:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started: nothing more to say
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Tomcat adds the host's error report valve when it starts, inside any valve added before. */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
