package org.emporium.identity.web;

import java.io.IOException;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers by itself, before any filter runs: a request target it cannot decode ({@code /%zz},
 * a path ending in {@code %2}). Tomcat's own {@link ErrorReportValve} wrote an HTML page for it (issue
 * 19); this one writes what {@link UnreadableRequestGuard} writes, problem+json or a short page for a
 * browser. Only a 400 nothing has answered yet is taken; every other error keeps Tomcat's handling,
 * without its version or report.
 */
public class ProblemErrorReport extends ErrorReportValve {

    public ProblemErrorReport() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() != 400 || response.getContentWritten() > 0 || response.isCommitted()) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        try {
            UnreadableRequestGuard.refuse(request, response, "the request's path or query is not a valid URI");
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone: nothing to answer
        }
    }

    /** Makes Tomcat's host use this valve in place of its own. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                    .setErrorReportValveClass(ProblemErrorReport.class.getName()));
        }
    }
}
