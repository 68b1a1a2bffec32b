package org.atelier.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.NoSuchElementException;

import org.atelier.runtime.ApiKeys.Created;
import org.atelier.runtime.ApiKeys.Role;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysImplTest {

    @TempDir
    Path dir;
    JdbcDataSource db;
    ApiKeysImpl keys;
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        keys = new ApiKeysImpl(db, Clock.systemUTC());
    }

    private PrintStream out() {
        return new PrintStream(console, true, StandardCharsets.UTF_8);
    }

    @Test
    void theFirstStartMakesAnAdminKeyReadableByItsOwnerOnlyAndPrintsItOnce() throws Exception {
        Path file = dir.resolve("atelier/admin.key");
        keys.bootstrap(null, file, out());

        String secret = Files.readString(file).strip();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(keys.authenticate(secret)).hasValueSatisfying(k -> assertThat(k.role()).isEqualTo(Role.ADMIN));
        assertThat(console.toString(StandardCharsets.UTF_8)).contains(secret).contains(file.toString());

        console.reset();
        new ApiKeysImpl(db, Clock.systemUTC()).bootstrap(null, file, out());
        assertThat(console.toString(StandardCharsets.UTF_8)).as("printed once").isEmpty();
        assertThat(Files.readString(file).strip()).isEqualTo(secret);
        assertThat(keys.list()).hasSize(1);
    }

    @Test
    void aNewEmptyDatabaseGetsItsOwnKeyFileAndTheOtherDatabasesFileIsKept() throws Exception {
        Path file = dir.resolve("atelier/admin.key");
        keys.bootstrap(null, file, out());
        String first = Files.readString(file).strip();

        // the datasource now points at another, empty database
        JdbcDataSource other = new JdbcDataSource();
        other.setURL("jdbc:h2:mem:postgres-stand-in;DB_CLOSE_DELAY=-1");
        console.reset();
        ApiKeysImpl otherKeys = new ApiKeysImpl(other, Clock.systemUTC());
        otherKeys.bootstrap(null, file, out());

        assertThat(Files.readString(file).strip()).as("the first database's key file is kept").isEqualTo(first);
        assertThat(keys.authenticate(first)).as("and its key still works there").isPresent();
        Path second = dir.resolve("atelier/admin-h2-postgres-stand-in.key");
        String made = Files.readString(second).strip();
        assertThat(made).isNotEqualTo(first);
        assertThat(otherKeys.authenticate(made)).isPresent();
        assertThat(Files.getPosixFilePermissions(second)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(console.toString(StandardCharsets.UTF_8)).as("printed once, with where it is")
                .contains(made).contains(second.toString());
    }

    @Test
    void keyFilesAreNamedAfterTheirDatabase() {
        assertThat(ApiKeysImpl.databaseName("jdbc:postgresql://127.0.0.1:5432/atelier?ssl=false"))
                .isEqualTo("postgresql-127.0.0.1-5432-atelier");
        assertThat(ApiKeysImpl.databaseName("jdbc:h2:file:/x/data/atelier/db/atelier;WRITE_DELAY=0"))
                .isEqualTo("h2-atelier");
        assertThat(ApiKeysImpl.databaseName(null)).isEqualTo("database");
        Path taken = dir.resolve("admin.key");
        assertThat(ApiKeysImpl.freeKeyFile(taken, "h2-atelier")).isEqualTo(taken);
    }

    @Test
    void aSecondDatabaseOfTheSameNameGetsANumberedFile() throws Exception {
        Files.writeString(dir.resolve("admin.key"), "x");
        Files.writeString(dir.resolve("admin-h2-atelier.key"), "y");
        assertThat(ApiKeysImpl.freeKeyFile(dir.resolve("admin.key"), "h2-atelier"))
                .isEqualTo(dir.resolve("admin-h2-atelier-2.key"));
    }

    @Test
    void anOperatorsKeyBecomesTheFirstAdminKeyAndIsIgnoredOnceThereIsOne() throws Exception {
        Path file = dir.resolve("admin.key");
        keys.bootstrap("my-own-long-admin-key-1", file, out());
        assertThat(keys.authenticate("my-own-long-admin-key-1")).isPresent();
        assertThat(file).doesNotExist();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();

        keys.bootstrap("another-long-admin-key-2", file, out());
        assertThat(keys.authenticate("another-long-admin-key-2")).isEmpty();
        assertThat(keys.list()).hasSize(1);
    }

    @Test
    void aWeakOperatorsKeyIsRefusedAndAKeyIsMadeInstead() throws Exception {
        Path file = dir.resolve("admin.key");
        keys.bootstrap("short", file, out());
        assertThat(keys.authenticate("short")).isEmpty();
        assertThat(keys.authenticate(Files.readString(file).strip())).isPresent();
        assertThat(ApiKeysImpl.checkGiven("has a space in it, long")).contains("without spaces");
    }

    @Test
    void onlyTheHashIsStoredAndARevokedKeyStopsWorkingAtOnce() throws Exception {
        keys.bootstrap(null, dir.resolve("admin.key"), out());
        Created user = keys.create("  music app  ", Role.USER);
        assertThat(user.secret()).startsWith("atl_").hasSizeGreaterThan(40);
        assertThat(user.key().name()).isEqualTo("music app");
        assertThat(keys.authenticate(user.secret())).hasValueSatisfying(k -> {
            assertThat(k.id()).isEqualTo(user.key().id());
            assertThat(k.role()).isEqualTo(Role.USER);
        });
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM atelier_api_keys")) {
            while (r.next()) {
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    assertThat(String.valueOf(r.getObject(i))).doesNotContain(user.secret());
                }
            }
        }

        assertThat(keys.revoke(user.key().id()).revoked()).isNotNull();
        assertThat(keys.authenticate(user.secret())).isEmpty();
        assertThat(keys.authenticate("atl_guessed")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.list()).extracting(k -> k.id()).contains(user.key().id());
    }

    @Test
    void theLastAdminKeyCannotBeRevokedAndBadRequestsAreNamed() throws Exception {
        keys.bootstrap(null, dir.resolve("admin.key"), out());
        String admin = keys.list().get(0).id();
        assertThatThrownBy(() -> keys.revoke(admin)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("last valid admin key");
        Created second = keys.create("second admin", Role.ADMIN);
        assertThat(keys.revoke(admin).revoked()).isNotNull();
        assertThat(keys.authenticate(second.secret())).isPresent();

        assertThatThrownBy(() -> keys.revoke("k0")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> keys.create("", Role.USER)).hasMessageContaining("name");
        assertThatThrownBy(() -> keys.create("x".repeat(201), Role.USER)).hasMessageContaining("name");
        assertThatThrownBy(() -> keys.create("tab\there", Role.USER)).hasMessageContaining("name");
        assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("user or admin");
    }
}
