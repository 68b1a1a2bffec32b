package org.atelier.rest.internal;

import org.atelier.runtime.JsonInput;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;

/**
 * Jackson, registered once as the application's JSON provider (also for {@code application/problem+json}). It
 * reads with the platform's strict rules ({@link JsonInput}), so a vertical's own resource binds its body as the
 * generators' binder does: no string from a number, no number from a string.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JakartarsExtension
@JakartarsName(Rest.JSON)
@JakartarsApplicationSelect(Rest.APP_SELECT)
@JakartarsMediaType({MediaType.APPLICATION_JSON, Rest.PROBLEM_JSON})
public class JsonProvider extends JacksonJsonProvider {

    public JsonProvider() {
        super(JsonInput.strict()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build());
    }
}
