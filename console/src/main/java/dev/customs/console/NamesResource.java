package dev.customs.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Reference labels in both languages; public, like the code lists they come from. Read once at start. */
@Path("/names.json")
public class NamesResource {

    private final Map<String, Map<String, Names.Label>> names = Names.standard();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Map<String, Names.Label>> names() {
        return names;
    }
}
