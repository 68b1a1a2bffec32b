package org.atelier.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/** API keys: who may call what (the auth matrix), whose jobs and artifacts a key sees, and managing keys. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthIT extends AtelierTestSupport {

    private static final String ECHO = "{\"text\":\"mine\",\"times\":1}";

    private final List<Bundle> installed = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    @After
    public void uninstall() throws Exception {
        for (Bundle b : installed) {
            b.uninstall();
        }
    }

    private String newKey(String name, String role) {
        HttpResponse<String> made = post("/keys", "application/json",
                "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(made.headers().firstValue("Location").orElseThrow()).contains("/api/v1/keys/k");
        return field(made.body(), "key");
    }

    private static String field(String json, String name) {
        return json.replaceAll("^.*?\"" + name + "\":\"([^\"]+)\".*$", "$1");
    }

    private HttpRequest.Builder request(String method, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        return method.equals("POST") ? b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(path.startsWith("/keys") ? "{\"name\":\"x\"}" : ECHO))
                : b.method(method, HttpRequest.BodyPublishers.noBody());
    }

    @Test
    public void everyEndpointButHealthNeedsAKeyAndAdminEndpointsAnAdminKey() throws Exception {
        installed.add(installEcho("echo-a"));
        await("echo-a is listed", Duration.ofSeconds(30), () -> get("/itest/echo-a").statusCode() == 200);
        String user = newKey("matrix user", "user");
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("none", null);
        callers.put("bad", "atl_not-a-key");
        callers.put("user", user);
        callers.put("admin", adminKey());
        // endpoint -> expected status for none, bad, user, admin
        Map<String, List<Integer>> matrix = new LinkedHashMap<>();
        matrix.put("GET /health/live", List.of(200, 200, 200, 200));
        matrix.put("GET /health/ready", List.of(200, 200, 200, 200));
        matrix.put("GET /verticals", List.of(401, 401, 200, 200));
        matrix.put("GET /itest/echo-a", List.of(401, 401, 200, 200));
        matrix.put("POST /itest/echo-a", List.of(401, 401, 200, 200));
        matrix.put("GET /jobs", List.of(401, 401, 200, 200));
        matrix.put("GET /openapi.json", List.of(401, 401, 200, 200));
        matrix.put("GET /metrics", List.of(401, 401, 403, 200));
        matrix.put("GET /models", List.of(401, 401, 403, 200));
        matrix.put("GET /keys", List.of(401, 401, 403, 200));
        matrix.put("POST /keys", List.of(401, 401, 403, 201));
        matrix.put("GET /no-such-thing", List.of(404, 404, 404, 404));

        List<String> seen = new ArrayList<>();
        List<String> wanted = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : matrix.entrySet()) {
            String[] call = e.getKey().split(" ");
            int i = 0;
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                HttpResponse<String> r = sendAs(caller.getValue(), request(call[0], call[1]));
                seen.add(e.getKey() + " as " + caller.getKey() + " -> " + r.statusCode());
                wanted.add(e.getKey() + " as " + caller.getKey() + " -> " + e.getValue().get(i++));
                if (r.statusCode() == 401 || r.statusCode() == 403) {
                    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    assertThat(r.body()).contains("\"status\":" + r.statusCode()).doesNotContain("Exception");
                }
                if (r.statusCode() == 401) {
                    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"atelier\"");
                }
            }
        }
        assertThat(seen).containsExactlyElementsOf(wanted);

        HttpResponse<String> notBearer = sendAs(null, HttpRequest.newBuilder(URI.create(baseUrl() + "/verticals"))
                .header("Authorization", "Basic YWRtaW46YWRtaW4="));
        assertThat(notBearer.statusCode()).isEqualTo(401);
        assertThat(notBearer.body()).contains("Bearer KEY");
    }

    @Test
    public void aUserSeesItsOwnJobsAndArtifactsOnlyAndAnAdminSeesAll() throws Exception {
        installed.add(installEcho("echo-a"));
        await("echo-a is listed", Duration.ofSeconds(30), () -> get("/itest/echo-a").statusCode() == 200);
        String alice = newKey("alice", "user");
        String bob = newKey("bob", "user");

        HttpResponse<String> run = sendAs(alice, request("POST", "/itest/echo-a"));
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        String job = field(run.body(), "id");
        String artifact = run.body().replaceAll(".*\"artifacts\":\\[\\{\"id\":\"([^\"]+)\".*", "$1");

        assertThat(sendAs(alice, request("GET", "/jobs/" + job)).statusCode()).isEqualTo(200);
        assertThat(sendAs(alice, request("GET", "/artifacts/" + artifact)).statusCode()).isEqualTo(200);
        assertThat(sendAs(alice, request("GET", "/artifacts/" + artifact + "/label")).statusCode()).isEqualTo(200);
        assertThat(sendAs(alice, request("GET", "/jobs")).body()).contains(job);

        assertThat(sendAs(bob, request("GET", "/jobs/" + job)).statusCode()).isEqualTo(404);
        assertThat(sendAs(bob, request("DELETE", "/jobs/" + job)).statusCode()).isEqualTo(404);
        assertThat(sendAs(bob, request("GET", "/jobs/" + job + "/events")).statusCode()).isEqualTo(404);
        assertThat(sendAs(bob, request("GET", "/artifacts/" + artifact)).statusCode()).isEqualTo(404);
        assertThat(sendAs(bob, request("GET", "/artifacts/" + artifact + "/label")).statusCode()).isEqualTo(404);
        assertThat(sendAs(bob, request("GET", "/jobs")).body()).doesNotContain(job);

        HttpResponse<String> asAdmin = get("/jobs/" + job);
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body()).contains("\"owner\":\"k");
        assertThat(get("/jobs").body()).contains(job);
        assertThat(getBytes("/artifacts/" + artifact).statusCode()).isEqualTo(200);
    }

    @Test
    public void keysAreMadeAndRevokedOverRestAndTheShellAndBadRequestsAreNamed() throws Exception {
        Path file = Path.of(System.getProperty("karaf.data"), "atelier", "admin.key");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        String shellOut = executeCommand("atelier:keys --role user create from-the-shell");
        assertThat(shellOut).contains("atl_").contains("not shown again");
        String shellKey = shellOut.replaceAll("(?s).*(atl_[A-Za-z0-9_-]+).*", "$1");
        assertThat(sendAs(shellKey, request("GET", "/verticals")).statusCode()).isEqualTo(200);
        String listed = executeCommand("atelier:keys");
        assertThat(listed).contains("from-the-shell").contains("first admin key").doesNotContain(shellKey);
        assertThat(get("/keys").body()).contains("from-the-shell").doesNotContain(shellKey).doesNotContain("hash");

        String id = listed.lines().filter(l -> l.contains("from-the-shell")).findFirst().orElseThrow().split("\\s+")[0];
        HttpResponse<String> revoked = delete("/keys/" + id);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.body()).contains("\"revoked\":\"");
        assertThat(sendAs(shellKey, request("GET", "/verticals")).statusCode()).as("revoked at once").isEqualTo(401);
        assertThat(executeCommand("atelier:keys")).contains("revoked");

        String adminId = field(get("/keys").body(), "id");
        HttpResponse<String> last = delete("/keys/" + adminId);
        assertThat(last.statusCode()).as(last.body()).isEqualTo(409);
        assertThat(last.body()).contains("last valid admin key");
        assertThat(delete("/keys/k0000").statusCode()).isEqualTo(404);
        assertThat(executeCommand("atelier:keys revoke " + adminId)).contains("last valid admin key");
        assertThat(executeCommand("atelier:keys --role root create x")).contains("user or admin");

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("{\"name\":\"\"}", "\"field\":\"name\"");
        bad.put("{\"role\":\"user\"}", "\"field\":\"name\"");
        bad.put("{\"name\":\"x\",\"role\":\"root\"}", "\"field\":\"role\"");
        bad.put("{\"name\":\"x\",\"secret\":\"y\"}", "\"field\":\"secret\"");
        bad.put("{\"name\":\"" + "n".repeat(201) + "\"}", "\"field\":\"name\"");
        bad.put("{\"name\":", "malformed JSON");
        bad.put("[]", "\"status\":400");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            HttpResponse<String> r = post("/keys", "application/json", b.getKey());
            assertThat(r.statusCode()).as(b.getKey() + " -> " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(b.getKey()).contains(b.getValue());
        }
    }
}
