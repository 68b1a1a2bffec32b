package org.atelier.itests.echo;

import org.atelier.api.Generator;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers one {@link EchoGenerator} whose address ({@code vertical/id}) is the bundle's Atelier-Test-Generator header. */
public class EchoActivator implements BundleActivator {

    public static final String HEADER = "Atelier-Test-Generator";
    public static final String LONG_RUNNING = "Atelier-Test-Long-Running";

    @Override
    public void start(BundleContext context) {
        String[] address = context.getBundle().getHeaders().get(HEADER).split("/");
        boolean longRunning = "true".equals(context.getBundle().getHeaders().get(LONG_RUNNING));
        context.registerService(Generator.class, new EchoGenerator(address[0], address[1], longRunning), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
