package org.atelier.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.core.Application;

/**
 * The platform's one JAX-RS application at {@code /api/v1}: the platform's resources and every vertical's own
 * resources join it through the whiteboard ({@code osgi.jakartars.application.select=(osgi.jakartars.name=atelier)}).
 * It requires the API key filter: without it the application is not served at all.
 */
@Component(service = Application.class)
@JakartarsApplicationBase("v1")
@JakartarsName(Rest.APP)
@org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect(AuthFilter.SELECT)
public class AtelierApplication extends Application {
}
