package org.sectorcrm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.spi.CrmStorage;

/**
 * Keeps docs/implementing-a-store.md true: its Java snippets are the tagged regions ({@code // tag::name[]} ...
 * {@code // end::name[]}) of this module's compiled tests, and the versions it states are the current ones.
 * (CapabilitiesAreSkippedLoudlyTest checks the skip reason it shows against the kit's.)
 */
class ImplementingAStoreDocTest {
    static final Path ROOT = repositoryRoot();
    static final Path DOC = ROOT.resolve("docs/implementing-a-store.md");
    static final Path TESTS = ROOT.resolve("crm-tck/src/test/java/org/sectorcrm/tck");

    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/implementing-a-store.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("docs/implementing-a-store.md not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void theTwoTestClassesAreShownAsCompiled() throws IOException {
        assertThat(Files.readString(DOC)).contains(javaBlock(TESTS.resolve("InMemoryCrmStorageCompatibilityTest.java"), "compatibility-test"))
                .contains(javaBlock(TESTS.resolve("InMemoryCrmStorageModelTest.java"), "model-test"));
    }

    @Test
    void theCapabilitiesSnippetIsShownAsCompiled() throws IOException {
        assertThat(Files.readString(DOC)).contains(javaBlock(TESTS.resolve("mutants/CapabilitiesAreSkippedLoudlyTest.java"), "capabilities"));
    }

    @Test
    void theVersionsStatedAreTheCurrentOnes() throws IOException {
        String doc = Files.readString(DOC);
        assertThat(doc).contains("`CrmStorage.SPI_VERSION` (now " + CrmStorage.SPI_VERSION + ")")
                .contains("`org.sectorcrm.tck.KitVersion.VERSION`, now `" + KitVersion.VERSION + "`")
                .contains("kit `" + KitVersion.CHECKED_SPI_VERSION + ".x`\n  checks SPI " + KitVersion.CHECKED_SPI_VERSION);
    }

    /** The tagged region of a source file, without its common indentation, as a fenced Java block. */
    static String javaBlock(Path source, String tag) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int start = lines.indexOf(lines.stream().filter(l -> l.strip().equals("// tag::" + tag + "[]")).findFirst()
                .orElseThrow(() -> new AssertionError("no tag::" + tag + " in " + source)));
        int end = lines.indexOf(lines.stream().filter(l -> l.strip().equals("// end::" + tag + "[]")).findFirst()
                .orElseThrow(() -> new AssertionError("no end::" + tag + " in " + source)));
        List<String> region = lines.subList(start + 1, end);
        int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder sb = new StringBuilder("```java\n");
        region.forEach(l -> sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return sb.append("```").toString();
    }
}
