package org.atelier.runtime.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.atelier.runtime.ApiKeys;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys in the database, stored as their SHA-256 (a key is 256 random bits, so a fast hash is enough: there is
 * nothing to guess). At the first start the first admin key comes from {@code ATELIER_ADMIN_KEY} (or the system
 * property {@code atelier.admin.key}); without it one is made, written to {@code ${karaf.data}/atelier/admin.key}
 * readable by its owner only, and printed once.
 *
 * <p>A key file is never overwritten: it holds the key of the database that made it. When a database without an
 * admin key is met while {@code admin.key} exists (the datasource was pointed at a new, empty database), the new
 * key goes to a file named after that database, {@code admin-<database>.key}, so switching back keeps working.
 */
@Component(service = ApiKeys.class, immediate = true)
public final class ApiKeysImpl implements ApiKeys {

    static final String ENV = "ATELIER_ADMIN_KEY";
    static final String PROPERTY = "atelier.admin.key";
    static final int MIN_GIVEN_LENGTH = 16;
    /** How long a key found valid is believed without asking the database again; a revoke here clears it at once. */
    static final Duration TRUST = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeysImpl.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Trusted(Key key, Instant until) {
    }

    private final Database db;
    private final Clock clock;
    private final Map<String, Trusted> trusted = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong revocations = new java.util.concurrent.atomic.AtomicLong();

    @Activate
    public ApiKeysImpl(BundleContext context, @Reference(target = "(dataSourceName=atelier)") DataSource dataSource,
                       @Reference DatabaseGate.Ready databaseAnswers)
            throws SQLException, IOException {
        this(dataSource, Clock.systemUTC());
        String data = context.getProperty("karaf.data");
        Path file = data != null ? Path.of(data, "atelier", "admin.key") : context.getDataFile("admin.key").toPath();
        String given = System.getenv(ENV);
        if (given == null || given.isBlank()) {
            given = context.getProperty(PROPERTY);
        }
        bootstrap(given, file, System.out);
    }

    ApiKeysImpl(DataSource dataSource, Clock clock) throws SQLException {
        this.db = new Database(dataSource);
        this.clock = clock;
    }

    /**
     * Makes the first admin key when there is no valid one.
     *
     * @param given the key an operator chose, or {@code null}
     * @param file where a made key is written
     * @param console where a made key is printed, once
     */
    synchronized void bootstrap(String given, Path file, PrintStream console) throws IOException {
        boolean hasAdmin = list().stream().anyMatch(k -> k.role() == Role.ADMIN && k.revoked() == null);
        if (hasAdmin) {
            if (given != null && !given.isBlank() && authenticate(given).isEmpty()) {
                LOG.warn("{} is ignored: there is an admin key already; make or revoke keys with atelier:keys", ENV);
            }
            return;
        }
        if (given != null && !given.isBlank()) {
            String problem = checkGiven(given);
            if (problem == null) {
                insert(newId(), "first admin key (" + ENV + ")", Role.ADMIN, given);
                LOG.info("The first admin key is the one {} gave", ENV);
                return;
            }
            LOG.error("{} is not used: {}; an admin key is made instead, see {}", ENV, problem, file);
        }
        // the file first, the record after: a key nobody can read must never become the only admin key
        String secret = newSecret();
        file = freeKeyFile(file, databaseName());
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".admin-", ".key", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, secret + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        insert(newId(), "first admin key", Role.ADMIN, secret);
        console.println("Atelier: the first admin API key is " + secret);
        console.println("Atelier: it is saved in " + file + " (readable by this user only); send it as "
                + "'Authorization: Bearer KEY'. It is not shown again.");
        LOG.warn("An admin API key was made and saved in {} (readable by its owner only)", file);
    }

    /**
     * The file a new admin key goes to: {@code preferred} when it does not exist, else one beside it named after the
     * database ({@code admin-h2-atelier.key}, {@code admin-postgresql-127.0.0.1-5432-atelier.key}), numbered when
     * that exists too. An existing key file belongs to another database and is never replaced.
     */
    static Path freeKeyFile(Path preferred, String database) {
        if (!Files.exists(preferred, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return preferred;
        }
        String name = preferred.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String base = stem + "-" + database;
        Path candidate = preferred.resolveSibling(base + ext);
        for (int n = 2; Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = preferred.resolveSibling(base + "-" + n + ext);
        }
        return candidate;
    }

    /** A file-name-safe name of the database behind the data source, from its JDBC URL: product, host, port, name. */
    String databaseName() {
        String url;
        try {
            url = db.call(c -> c.getMetaData().getURL());
        } catch (SQLException e) {
            url = null;
        }
        return databaseName(url);
    }

    static String databaseName(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            return "database";
        }
        String rest = jdbcUrl.substring(5);
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            rest = rest.substring(0, semi);
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        int colon = rest.indexOf(':');
        String product = colon > 0 ? rest.substring(0, colon) : rest;
        String where = colon > 0 ? rest.substring(colon + 1) : "";
        if (product.equals("h2")) {
            // jdbc:h2:file:/x/data/atelier/db/atelier, jdbc:h2:mem:name: the last path element names it
            where = where.substring(where.lastIndexOf(':') + 1);
            where = where.substring(where.lastIndexOf('/') + 1);
        }
        String name = (product + "-" + where).replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        return name.length() > 80 ? name.substring(0, 80) : name;
    }

    static String checkGiven(String given) {
        if (given.length() < MIN_GIVEN_LENGTH) {
            return "it has " + given.length() + " characters, fewer than " + MIN_GIVEN_LENGTH;
        }
        if (given.length() > 512 || given.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            return "it must be at most 512 printable ASCII characters without spaces";
        }
        return null;
    }

    @Override
    public Optional<Key> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 512) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Instant now = clock.instant();
        Trusted t = trusted.get(hash);
        if (t != null && t.until().isAfter(now)) {
            return Optional.of(t.key());
        }
        long revocationsBefore = revocations.get();
        Optional<Key> key = query("SELECT * FROM atelier_api_keys WHERE hash = ? AND revoked IS NULL", hash)
                .stream().findFirst();
        // a revoke between the query and here must not be undone by trusting what the query saw
        if (key.isPresent() && revocations.get() == revocationsBefore) {
            trusted.put(hash, new Trusted(key.get(), now.plus(TRUST)));
        } else {
            trusted.remove(hash);
        }
        return key;
    }

    @Override
    public Created create(String name, Role role) {
        if (name == null || name.isBlank() || name.length() > 200 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("name must be 1 to 200 printable characters");
        }
        if (role == null) {
            throw new IllegalArgumentException("role is user or admin");
        }
        String secret = newSecret();
        String id = newId();
        Key key = insert(id, name.strip(), role, secret);
        return new Created(key, secret);
    }

    @Override
    public List<Key> list() {
        return query("SELECT * FROM atelier_api_keys ORDER BY created, id", null);
    }

    @Override
    public synchronized Key revoke(String id) {
        Key key = id == null ? null : query("SELECT * FROM atelier_api_keys WHERE id = ?", id).stream().findFirst()
                .orElse(null);
        if (key == null) {
            throw new NoSuchElementException("no key " + id);
        }
        if (key.revoked() != null) {
            return key;
        }
        if (key.role() == Role.ADMIN && list().stream().noneMatch(
                k -> k.role() == Role.ADMIN && k.revoked() == null && !k.id().equals(id))) {
            throw new IllegalStateException("the last valid admin key cannot be revoked: make another admin key first");
        }
        Instant now = clock.instant();
        try {
            db.call(c -> {
                try (PreparedStatement p = c.prepareStatement(
                        "UPDATE atelier_api_keys SET revoked = ? WHERE id = ? AND revoked IS NULL")) {
                    p.setObject(1, Database.time(now));
                    p.setString(2, id);
                    return p.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw JobStore.failure(e);
        }
        revocations.incrementAndGet();
        trusted.values().removeIf(t -> t.key().id().equals(id));
        return new Key(key.id(), key.name(), key.role(), key.created(), now);
    }

    private Key insert(String id, String name, Role role, String secret) {
        Key key = new Key(id, name, role, clock.instant(), null);
        try {
            db.call(c -> {
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO atelier_api_keys (id, name, role, hash, created) VALUES (?, ?, ?, ?, ?)")) {
                    p.setString(1, id);
                    p.setString(2, name);
                    p.setString(3, role.wireName());
                    p.setString(4, hash(secret));
                    p.setObject(5, Database.time(key.created()));
                    return p.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw JobStore.failure(e);
        }
        return key;
    }

    private List<Key> query(String sql, String value) {
        List<Key> out = new ArrayList<>();
        try {
            db.call(c -> {
                out.clear(); // a retried attempt starts again
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    if (value != null) {
                        p.setString(1, value);
                    }
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            out.add(new Key(r.getString("id"), r.getString("name"), Role.parse(r.getString("role")),
                                    Database.instant(r, "created"), Database.instant(r, "revoked")));
                        }
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw JobStore.failure(e);
        }
        return out;
    }

    private static String newSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return "atl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String newId() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return "k" + HexFormat.of().formatHex(b);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
