package io.emailaccounts.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.ToolProvider;

/** Compiles Java shown to users (README, the contract's code samples) against the test classpath, client included. */
public final class JavaSnippets {

    private JavaSnippets() {
    }

    /** Compiles one source file into {@code directory}; fails the test with javac's messages if it does not compile. */
    public static void compile(Path directory, String className, String source) {
        try {
            Path file = directory.resolve(className + ".java");
            Files.writeString(file, source);
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            int result = ToolProvider.getSystemJavaCompiler().run(null, null, diagnostics, "-d", directory.toString(),
                    "-classpath", System.getProperty("java.class.path"), file.toString());
            assertThat(result).as("%s does not compile:%n%s", className, diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
