package org.sectorcrm.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.CodegenConstants;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * openapi-generator's Java {@code native} client of an OpenAPI document, generated into a folder and compiled there with
 * the JDK's compiler, exactly as a new integrator would get it: the generator's defaults but for the package names, no
 * edit of what it writes. Extra sources (a scenario written against the generated API) are compiled with it, so a
 * renamed operation or model fails to compile.
 */
final class GeneratedClient {
    static final String PACKAGE = "org.example.sectorcrm.client";

    private GeneratedClient() {
    }

    /** Generates the client of {@code spec} into {@code out}/generated; returns the Java sources written. */
    static List<Path> generate(Path spec, Path out) {
        CodegenConfigurator config = new CodegenConfigurator().setGeneratorName("java").setLibrary("native").setInputSpec(spec.toString())
                .setOutputDir(out.resolve("generated").toString()).setInvokerPackage(PACKAGE).setApiPackage(PACKAGE + ".api")
                .setModelPackage(PACKAGE + ".model").setValidateSpec(true)
                .addAdditionalProperty(CodegenConstants.HIDE_GENERATION_TIMESTAMP, true)
                .addAdditionalProperty("useJakartaEe", true);
        ClientOptInput input = config.toClientOptInput();
        DefaultGenerator generator = new DefaultGenerator();
        // sources only: no documentation, no generated test stubs (they need JUnit on the integrator's side)
        generator.setGeneratorPropertyDefault(CodegenConstants.API_DOCS, "false");
        generator.setGeneratorPropertyDefault(CodegenConstants.MODEL_DOCS, "false");
        generator.setGeneratorPropertyDefault(CodegenConstants.API_TESTS, "false");
        generator.setGeneratorPropertyDefault(CodegenConstants.MODEL_TESTS, "false");
        generator.opts(input).generate();
        try (Stream<Path> files = Files.walk(out.resolve("generated").resolve("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code sources} into {@code classes}; returns the compiler's errors (empty when it compiled). */
    static List<String> compile(List<Path> sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Files.createDirectories(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-nowarn", "-encoding", "UTF-8", "-d", classes.toString(),
                    "-classpath", System.getProperty("java.class.path"));
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add((d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ")
                            + d.getMessage(Locale.ROOT));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add("javac failed without an error message");
            }
            return errors;
        }
    }

    /** A class loader over the compiled client, child of the test's (which has Jackson and the annotations). */
    static URLClassLoader loader(Path classes) throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedClient.class.getClassLoader());
    }
}
