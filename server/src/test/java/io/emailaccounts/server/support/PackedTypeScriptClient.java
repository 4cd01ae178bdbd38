package io.emailaccounts.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * The packed TypeScript client (the npm package the client module makes, its .tgz as npm installs it) as one script a
 * browser page loads: each of its CommonJS modules a function, loaded by a require of a dozen lines, so that the page
 * needs no bundler and only what browsers have.
 */
public final class PackedTypeScriptClient {

    private static final Path PACKAGE = Path.of("..", "client", "target", "typescript").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PackedTypeScriptClient() {
    }

    /**
     * The script: the package's modules, then {@code program}, the body of an async function that has the package as
     * {@code client} and {@code nodeBuiltIns} (whether Buffer, process or require exist) and returns what the page
     * reports. The page shows the result as JSON in its {@code <pre id="result">}, or {@code failed: ...}.
     */
    public static String script(String program) throws IOException, InterruptedException {
        StringBuilder definitions = new StringBuilder();
        packedModules().forEach((path, source) -> definitions.append(JSON.writeValueAsString(path))
                .append(": function (exports, require, module) {\n").append(source).append("\n},\n"));
        return """
                // The package's CommonJS modules (as tsc emits them), each a function, loaded with a require of a dozen lines.
                const sources = {
                %s};
                const loaded = {};
                function load(path) {
                    if (loaded[path]) return loaded[path].exports;
                    const module = { exports: {} };
                    loaded[path] = module;
                    const directory = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
                    sources[path](module.exports, spec => load(resolve(directory, spec)), module);
                    return module.exports;
                }
                function resolve(directory, spec) {
                    const parts = [];
                    for (const part of (directory + spec).split('/')) {
                        if (part === '..') parts.pop(); else if (part !== '.' && part !== '') parts.push(part);
                    }
                    const path = parts.join('/');
                    for (const candidate of [path, path + '.js', path + '/index.js']) {
                        if (candidate in sources) return candidate;
                    }
                    throw new Error('no module ' + spec + ' from ' + directory);
                }
                (async () => {
                    const nodeBuiltIns = typeof Buffer !== 'undefined' || typeof process !== 'undefined' || typeof require !== 'undefined';
                    const client = load('index.js');
                %s
                })().then(result => { document.getElementById('result').textContent = JSON.stringify(result); },
                          failure => { document.getElementById('result').textContent = 'failed: ' + failure + '\\n' + failure.stack; });
                """.formatted(definitions, program);
    }

    /** A page that loads {@code script} (a file beside it: a strict Content-Security-Policy allows no inline script). */
    public static String page(String title, String script) {
        return """
                <!doctype html>
                <html><head><meta charset="utf-8"><title>%s</title></head>
                <body><pre id="result">pending</pre>
                <script src="%s"></script>
                </body></html>
                """.formatted(title, script);
    }

    /** What the page reported in its {@code <pre id="result">}, unescaped. */
    public static String result(String dom) {
        return dom.replaceAll("(?s).*<pre id=\"result\">(.*?)</pre>.*", "$1").replace("&quot;", "\"");
    }

    /** The JavaScript files of the packed client, by path under dist/src. */
    private static Map<String, String> packedModules() throws IOException, InterruptedException {
        Path tarball;
        try (Stream<Path> files = Files.list(PACKAGE)) {
            tarball = files.filter(file -> file.toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no packed client in " + PACKAGE + " (mvn package -pl client)"));
        }
        Path unpacked = Files.createTempDirectory("packed-client");
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()).inheritIO().start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0).as("tar -xzf " + tarball).isTrue();
        Path sources = unpacked.resolve("package/dist/src");
        Map<String, String> modules = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".js")).toList()) {
                modules.put(sources.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return modules;
    }
}
