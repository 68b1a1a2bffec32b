package org.atelier.rest.internal.jetty;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link ProblemErrorHandler} on Felix HTTP's Jetty server. Felix 1.1.x offers no hook for an error handler;
 * its one hook onto the {@link Server} is {@link ConnectorFactory}, called with the server each time Felix starts
 * Jetty (also after a configuration change, when Felix has put its own handler back). The connector returned is a
 * {@link LocalConnector}: in memory, no port, no thread of its own.
 */
@Component(service = ConnectorFactory.class)
public class ProblemErrorHandlerInstaller implements ConnectorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorHandlerInstaller.class);

    private volatile Server server;

    @Override
    public Connector createConnector(Server server) {
        install(server);
        this.server = server;
        return new LocalConnector(server);
    }

    /** Sets the handler on {@code server}, keeping the one there for paths outside {@code /api/}. */
    static void install(Server server) {
        Request.Handler current = server.getErrorHandler();
        if (!(current instanceof ProblemErrorHandler)) {
            server.setErrorHandler(new ProblemErrorHandler(current));
            LOG.info("Jetty's own errors under /api/ now answer application/problem+json");
        }
    }

    @Deactivate
    void deactivate() {
        Server s = server;
        if (s != null && s.getErrorHandler() instanceof ProblemErrorHandler p) {
            s.setErrorHandler(p.previous());
        }
    }
}
