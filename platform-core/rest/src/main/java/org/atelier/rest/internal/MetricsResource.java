package org.atelier.rest.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.atelier.runtime.MetricsSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** {@code GET /api/v1/metrics}: every {@link MetricsSource} present, and the JVM's memory, as Prometheus text. */
@Component(service = MetricsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(Rest.APP_SELECT)
@JakartarsExtensionSelect(Rest.JSON_SELECT)
@Path("metrics")
@jakarta.annotation.security.RolesAllowed(AuthFilter.ADMIN)
public class MetricsResource {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final List<MetricsSource> sources = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSource(MetricsSource source) {
        sources.add(source);
    }

    void removeSource(MetricsSource source) {
        sources.remove(source);
    }

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String metrics() {
        StringBuilder out = new StringBuilder(4096);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        out.append("# HELP atelier_jvm_heap_used_bytes Heap in use\n# TYPE atelier_jvm_heap_used_bytes gauge\n");
        out.append("atelier_jvm_heap_used_bytes ").append(memory.getHeapMemoryUsage().getUsed()).append('\n');
        out.append("# HELP atelier_jvm_nonheap_used_bytes Non-heap memory in use\n")
                .append("# TYPE atelier_jvm_nonheap_used_bytes gauge\n");
        out.append("atelier_jvm_nonheap_used_bytes ").append(memory.getNonHeapMemoryUsage().getUsed()).append('\n');
        for (MetricsSource s : sources) {
            try {
                s.writeMetrics(out);
            } catch (RuntimeException e) {
                // a source that is leaving: the others still answer
            }
        }
        return out.toString();
    }
}
