package org.atelier.medical.voice.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.atelier.api.InvalidInputException;
import org.atelier.api.RestContributions;
import org.atelier.api.speech.SpeechProfiles;
import org.atelier.api.speech.SpeechRequest;
import org.atelier.medical.voice.internal.predict.Predictor;
import org.atelier.medical.voice.internal.store.Board;
import org.atelier.medical.voice.internal.store.HistoryEntry;
import org.atelier.medical.voice.internal.store.Obf;
import org.atelier.medical.voice.internal.store.Phrase;
import org.atelier.medical.voice.internal.store.Profile;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * A person's profile and everything that hangs on it, under {@code /api/v1/medical/voice/profiles}: the profile
 * ({@code GET, POST, PUT, DELETE}), phrase boards and their phrases (CRUD, Open Board Format import and export),
 * speaking a phrase (or adding it quietly to the sentence being composed), the composed sentence, history (private,
 * deletable) and word prediction. A profile is its maker's: other keys get 404; an admin may manage all.
 */
@Component(service = ProfilesResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestContributions.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestContributions.JSON_SELECT)
@Path("medical/voice/profiles")
@Produces(MediaType.APPLICATION_JSON)
public class ProfilesResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VoiceProfiles profiles;
    private final Speaker speaker;

    @Activate
    public ProfilesResource(@Reference VoiceProfiles profiles, @Reference Speaker speaker) {
        this.profiles = profiles;
        this.speaker = speaker;
    }

    /** The sentence being composed. @param text what it says so far */
    public record Compose(String text) {
    }

    /** An imported board and what the import left out. */
    public record ImportedBoard(Board board, List<String> skipped) {
    }

    // ---- profiles

    @GET
    public List<Profile> list(@Context SecurityContext security) {
        return profiles.list(Caller.of(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Profile input, @Context SecurityContext security) {
        Profile p = profiles.create(Caller.of(security), required(input, "a profile such as {\"id\":\"anna\"}"));
        return Response.created(URI.create("profiles/" + p.id())).entity(p).build();
    }

    @GET
    @Path("{id}")
    public Profile get(@PathParam("id") String id, @Context SecurityContext security) {
        return profiles.get(Caller.of(security), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Profile replace(@PathParam("id") String id, Profile input, @Context SecurityContext security) {
        return profiles.replace(Caller.of(security), id, required(input, "the profile's settings"));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        profiles.delete(Caller.of(security), id);
        return Response.noContent().build();
    }

    // ---- boards

    @GET
    @Path("{id}/boards")
    public List<Board> boards(@PathParam("id") String id, @Context SecurityContext security) {
        return profiles.boards(Caller.of(security), id);
    }

    @POST
    @Path("{id}/boards")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createBoard(@PathParam("id") String id, Board input, @Context SecurityContext security) {
        Board b = profiles.createBoard(Caller.of(security), id, required(input, "a board such as {\"name\":\"…\"}"));
        return Response.created(URI.create("profiles/" + id + "/boards/" + b.id())).entity(b).build();
    }

    /** Imports an Open Board Format ({@code .obf}) board as a new board. */
    @POST
    @Path("{id}/boards/import")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM, "application/x-obf"})
    public Response importBoard(@PathParam("id") String id, InputStream body, @Context SecurityContext security)
            throws IOException {
        Caller caller = Caller.of(security);
        profiles.get(caller, id);
        int max = profiles.maxObfBytes();
        byte[] bytes = body.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new ClientErrorException("the board is larger than " + max + " bytes (maxObfBytes)", 413);
        }
        JsonNode obf;
        try {
            obf = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("", "not an .obf board: malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        Obf.Imported in = profiles.importBoard(caller, id, obf);
        return Response.created(URI.create("profiles/" + id + "/boards/" + in.board().id()))
                .entity(new ImportedBoard(in.board(), in.skipped())).build();
    }

    @GET
    @Path("{id}/boards/{board}")
    public Board board(@PathParam("id") String id, @PathParam("board") String board,
                       @Context SecurityContext security) {
        return profiles.board(Caller.of(security), id, board);
    }

    /** The board as an Open Board Format ({@code .obf}) file. */
    @GET
    @Path("{id}/boards/{board}/obf")
    public Response exportBoard(@PathParam("id") String id, @PathParam("board") String board,
                                @Context SecurityContext security) {
        Board b = profiles.board(Caller.of(security), id, board);
        String file = b.name().replaceAll("[^\\p{L}\\p{N}._-]+", "-") + ".obf";
        return Response.ok(Obf.write(b), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encode(file)).build();
    }

    @PUT
    @Path("{id}/boards/{board}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Board replaceBoard(@PathParam("id") String id, @PathParam("board") String board, Board input,
                              @Context SecurityContext security) {
        return profiles.replaceBoard(Caller.of(security), id, board, required(input, "the board"));
    }

    @DELETE
    @Path("{id}/boards/{board}")
    public Response deleteBoard(@PathParam("id") String id, @PathParam("board") String board,
                                @Context SecurityContext security) {
        profiles.deleteBoard(Caller.of(security), id, board);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/boards/{board}/phrases")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addPhrase(@PathParam("id") String id, @PathParam("board") String board, Phrase input,
                              @Context SecurityContext security) {
        Phrase p = profiles.addPhrase(Caller.of(security), id, board,
                required(input, "a phrase such as {\"label\":\"Water\",\"vocalization\":\"I am thirsty\"}"));
        return Response.created(URI.create("profiles/" + id + "/boards/" + board + "/phrases/" + p.id()))
                .entity(p).build();
    }

    @PUT
    @Path("{id}/boards/{board}/phrases/{phrase}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Phrase replacePhrase(@PathParam("id") String id, @PathParam("board") String board,
                                @PathParam("phrase") String phrase, Phrase input, @Context SecurityContext security) {
        return profiles.replacePhrase(Caller.of(security), id, board, phrase, required(input, "the phrase"));
    }

    @DELETE
    @Path("{id}/boards/{board}/phrases/{phrase}")
    public Response deletePhrase(@PathParam("id") String id, @PathParam("board") String board,
                                 @PathParam("phrase") String phrase, @Context SecurityContext security) {
        profiles.deletePhrase(Caller.of(security), id, board, phrase);
        return Response.noContent().build();
    }

    /**
     * The person picks a phrase: it is spoken ({@code audio/wav}), or, when the profile composes quietly, added to
     * the sentence being composed ({@code application/json} {@code {"text"}}) without a sound.
     */
    @POST
    @Path("{id}/boards/{board}/phrases/{phrase}/speak")
    @Produces({"audio/wav", MediaType.APPLICATION_JSON})
    public Response speakPhrase(@PathParam("id") String id, @PathParam("board") String board,
                                @PathParam("phrase") String phrase, @Context SecurityContext security)
            throws InterruptedException {
        Caller caller = Caller.of(security);
        Profile p = profiles.get(caller, id);
        Board b = profiles.board(caller, id, board);
        Phrase ph = VoiceProfiles.phrase(b, phrase);
        if (p.quietCompose()) {
            String so = profiles.compose(caller, id);
            String joined = join(so, ph.spoken());
            profiles.setCompose(caller, id, joined);
            return Response.ok(new Compose(joined), MediaType.APPLICATION_JSON).build();
        }
        return say(caller, id, p, ph.spoken(), b.locale());
    }

    // ---- composing

    @GET
    @Path("{id}/compose")
    public Compose compose(@PathParam("id") String id, @Context SecurityContext security) {
        return new Compose(profiles.compose(Caller.of(security), id));
    }

    @PUT
    @Path("{id}/compose")
    @Consumes(MediaType.APPLICATION_JSON)
    public Compose setCompose(@PathParam("id") String id, Compose input, @Context SecurityContext security) {
        if (input == null || input.text() == null) {
            throw new InvalidInputException("text", "is missing: send {\"text\":\"…\"}");
        }
        profiles.setCompose(Caller.of(security), id, input.text());
        return input;
    }

    @DELETE
    @Path("{id}/compose")
    public Response clearCompose(@PathParam("id") String id, @Context SecurityContext security) {
        profiles.setCompose(Caller.of(security), id, "");
        return Response.noContent().build();
    }

    /** Speaks the composed sentence ({@code audio/wav}) and clears it. */
    @POST
    @Path("{id}/compose/speak")
    @Produces({"audio/wav", MediaType.APPLICATION_JSON})
    public Response speakCompose(@PathParam("id") String id, @QueryParam("language") String language,
                                 @Context SecurityContext security) throws InterruptedException {
        Caller caller = Caller.of(security);
        Profile p = profiles.get(caller, id);
        String text = profiles.compose(caller, id);
        if (text.isBlank()) {
            throw new InvalidInputException("text", "nothing is composed yet: pick phrases or PUT the text first");
        }
        Response r = say(caller, id, p, text, language);
        profiles.setCompose(caller, id, "");
        return r;
    }

    // ---- history and prediction

    @GET
    @Path("{id}/history")
    public List<HistoryEntry> history(@PathParam("id") String id, @QueryParam("language") String language,
                                      @QueryParam("offset") @DefaultValue("0") int offset,
                                      @QueryParam("limit") @DefaultValue("100") int limit,
                                      @Context SecurityContext security) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "must be 1 to 1000");
        }
        return profiles.history(Caller.of(security), id, language, offset, limit);
    }

    @DELETE
    @Path("{id}/history")
    public Map<String, Integer> deleteHistory(@PathParam("id") String id, @Context SecurityContext security) {
        return Map.of("deleted", profiles.deleteHistory(Caller.of(security), id));
    }

    @DELETE
    @Path("{id}/history/{entry}")
    public Response deleteHistoryEntry(@PathParam("id") String id, @PathParam("entry") String entry,
                                       @Context SecurityContext security) {
        profiles.deleteHistoryEntry(Caller.of(security), id, entry);
        return Response.noContent().build();
    }

    /** Next words, or the rest of the word being typed, and whole phrases, from the person's history. */
    @GET
    @Path("{id}/predict")
    public Predictor.Prediction predict(@PathParam("id") String id, @QueryParam("text") @DefaultValue("") String text,
                                        @QueryParam("language") String language,
                                        @QueryParam("limit") @DefaultValue("5") int limit,
                                        @Context SecurityContext security) {
        return profiles.predict(Caller.of(security), id, language, text, limit);
    }

    private Response say(Caller caller, String id, Profile p, String text, String language)
            throws InterruptedException {
        SpeechProfiles.Applied applied = profiles.apply(p, new SpeechRequest(text, false,
                language == null || language.isBlank() ? null : language.strip(), null, 1, 1, 1, Map.of()));
        return speaker.stream(applied.request(), applied.explicitLabel(),
                () -> profiles.spoken(caller, id, applied.request()));
    }

    /** Joins composed words: with a space, except between Chinese or Japanese characters. */
    static String join(String so, String next) {
        if (so.isBlank()) {
            return next;
        }
        int last = so.codePointBefore(so.length());
        int first = next.codePointAt(0);
        boolean ideographic = Character.UnicodeScript.of(last) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN
                || "。，！？".indexOf(last) >= 0;
        return ideographic ? so + next : so.stripTrailing() + " " + next;
    }

    private static <T> T required(T input, String what) {
        if (input == null) {
            throw new InvalidInputException("", "the body is empty: send " + what);
        }
        return input;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
