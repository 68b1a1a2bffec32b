package org.atelier.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;

/**
 * The build rule that a bundle under {@code bundles-*}/ or {@code examples/} imports no {@code org.atelier.*} package
 * but the API: the rule is read from the parent pom's bnd instructions, as the build uses them, and applied by bnd to
 * two small bundles made here.
 */
class ApiOnlyImportsTest {

    private static final Path PARENT_POM = Path.of("../../pom.xml");

    @Test
    void aVerticalThatImportsTheRuntimeDoesNotBuild() throws Exception {
        try (Builder b = builder("org.atelier.apicheck.bad", true)) {
            b.build();
            assertThat(b.getImports().keySet().stream().map(Object::toString)).contains("org.atelier.runtime");
            assertThat(b.getErrors()).anySatisfy(e -> assertThat(e)
                    .contains("may import only org.atelier.api*")
                    .contains("org.atelier.runtime"));
        }
    }

    @Test
    void aVerticalOnTheApiBuildsAndSaysSo() throws Exception {
        try (Builder b = builder("org.atelier.apicheck.good", true)) {
            Jar jar = b.build();
            assertThat(b.getErrors()).isEmpty();
            Manifest m = jar.getManifest();
            assertThat(m.getMainAttributes().getValue("Atelier-API-Only")).isEqualTo("true");
            assertThat(m.getMainAttributes().getValue("Import-Package"))
                    .contains("org.atelier.api;").contains("org.atelier.api.storage;");
        }
    }

    @Test
    void thePlatformsOwnBundlesMayUseTheRuntime() throws Exception {
        try (Builder b = builder("org.atelier.apicheck.bad", false)) {
            Jar jar = b.build();
            assertThat(b.getErrors()).isEmpty();
            assertThat(jar.getManifest().getMainAttributes().getValue("Atelier-API-Only")).isNull();
        }
    }

    /** A bundle of one package of this module's test classes, with the parent's rule. */
    private static Builder builder(String pkg, boolean vertical) throws Exception {
        Builder b = new Builder();
        for (String line : rule()) {
            int colon = line.indexOf(':');
            // the pom's CDATA is a bnd file: a backslash escapes the next character
            b.setProperty(line.substring(0, colon).trim(), line.substring(colon + 1).trim().replace("\\\\", "\\"));
        }
        if (vertical) {
            b.setProperty("atelier.vertical", "true");
        }
        b.setProperty("Bundle-SymbolicName", "apicheck." + pkg.substring(pkg.lastIndexOf('.') + 1));
        b.setProperty("-includepackage", pkg);
        b.addClasspath(new File("target/test-classes"));
        b.addClasspath(new File("target/classes"));
        b.addClasspath(new File(org.atelier.api.Generator.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()));
        return b;
    }

    /** The rule's lines in the parent pom: the {@code atelier.*} properties and the header that names one. */
    private static List<String> rule() throws Exception {
        List<String> lines = Files.readAllLines(PARENT_POM).stream()
                .filter(l -> l.startsWith("atelier.") || l.startsWith("Atelier-API-Only:"))
                .toList();
        assertThat(lines).as("the rule in " + PARENT_POM.toAbsolutePath().normalize()).hasSize(5);
        return lines;
    }
}
