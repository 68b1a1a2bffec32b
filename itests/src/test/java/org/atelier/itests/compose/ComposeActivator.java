package org.atelier.itests.compose;

import java.util.Hashtable;

import org.atelier.api.Generator;
import org.atelier.api.Jobs;
import org.atelier.api.RestContributions;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Registers the composing generator and the resource that starts jobs, as a partner's bundle would. */
public class ComposeActivator implements BundleActivator {

    private ServiceTracker<Jobs, Jobs> jobs;

    @Override
    public void start(BundleContext context) {
        jobs = new ServiceTracker<>(context, Jobs.class, null);
        jobs.open();
        context.registerService(Generator.class, new ComposeGenerator(), null);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.jakartars.resource", Boolean.TRUE);
        props.put("osgi.jakartars.name", "itest.compose");
        props.put("osgi.jakartars.application.select", RestContributions.APPLICATION_SELECT);
        props.put("osgi.jakartars.extension.select", RestContributions.JSON_SELECT);
        context.registerService(ComposeResource.class, new ComposeResource(jobs), props);
    }

    @Override
    public void stop(BundleContext context) {
        jobs.close();
    }
}
