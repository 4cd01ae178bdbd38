package io.emailaccounts.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The templates the Java client is generated with: the project's own ({@code client/src/main/templates}) and, beside
 * them, the generator's templates of the models and of the API class with a Javadoc comment before each public
 * constructor, class and method they write none for (a model's constructors and setters, an inner enum's
 * {@code getValue} and {@code fromValue}, the API's constructors, an operation's parameters as one object and their
 * builder). The generator's templates have no place for a comment there, and a copy of their 1,600 lines would drift
 * from the generator they came from; so its own templates are read from its jar at each build, and a partial (one of
 * the project's templates) is included before each such declaration. If a template no longer has the line a comment goes before, this fails naming it: where the
 * comment goes must be looked at again after a generator upgrade, not silently dropped.
 *
 * <p>Usage: {@code GeneratorTemplates <generator's templates> <project's templates> <output>}; the generator's
 * templates are its jar's, unpacked by the client's build.
 */
public final class GeneratorTemplates {

    /**
     * A partial included before each declaration whose line begins with {@code line}. A declaration starts at its
     * first annotation ({@link #ANNOTATION}: blank lines and Jackson sections may lie between), which the comment goes
     * before.
     */
    record Insertion(String line, String partial) {
    }

    /**
     * A template line that may lie between a declaration and the comment above it: an annotation, a Jackson section, a
     * partial of annotations, a blank line.
     */
    static final Pattern ANNOTATION = Pattern.compile(
            "\\s*(@.*|\\{\\{[#/]jackson}}|\\{\\{> ?\\w*annotations}}(\\{\\{!.*}})?)?");

    /** Each generator template (its path in the jar) with the comments it is given. */
    static final Map<String, List<Insertion>> COMMENTS = Map.of(
            "Java/libraries/native/pojo.mustache", List.of(
                    new Insertion("  public {{classname}}() {", "modelConstructorDoc"),
                    new Insertion("  {{#jackson}}@JsonCreator{{/jackson}}", "modelCreatorDoc"),
                    new Insertion("  public {{classname}} {{name}}(", "modelFluentSetterDoc"),
                    new Insertion("  public {{classname}} add{{nameInPascalCase}}Item(", "modelAddItemDoc"),
                    new Insertion("  public {{classname}} put{{nameInPascalCase}}Item(", "modelPutItemDoc"),
                    // The plain setter's declaration starts with its optional extra annotation, written by this section.
                    new Insertion("{{#vendorExtensions.x-setter-extra-annotation}}", "modelSetterDoc"),
                    new Insertion("  public JsonNullable<{{{datatypeWithEnum}}}> {{getter}}_JsonNullable(", "modelNullableGetterDoc"),
                    new Insertion("  {{#isReadOnly}}private{{/isReadOnly}}{{^isReadOnly}}public{{/isReadOnly}} void {{setter}}_JsonNullable(",
                            "modelNullableSetterDoc")),
            "Java/modelInnerEnum.mustache", List.of(
                    new Insertion("    public {{{dataType}}} getValue(", "modelInnerEnumGetValueDoc"),
                    new Insertion("    public static {{{datatypeWithEnum}}}{{^datatypeWithEnum}}{{{classname}}}{{/datatypeWithEnum}} fromValue(",
                            "modelInnerEnumFromValueDoc")),
            // The API class, and an operation's parameters as one object (x-group-parameters) and their builder.
            "Java/libraries/native/api.mustache", List.of(
                    new Insertion("  public {{classname}}() {", "apiConstructorDoc"),
                    new Insertion("  public {{classname}}(ApiClient apiClient) {", "apiClientConstructorDoc"),
                    new Insertion("  public static final class API{{#lambda.titlecase}}{{operationId}}{{/lambda.titlecase}}Request {",
                            "apiRequestDoc"),
                    new Insertion("    public {{>nullableDataType}} {{paramName}}() {", "apiRequestParameterDoc"),
                    new Insertion("    public static Builder newBuilder() {", "apiRequestNewBuilderDoc"),
                    new Insertion("    public static class Builder {", "apiRequestBuilderDoc"),
                    new Insertion("      public Builder {{paramName}}(", "apiRequestBuilderSetterDoc"),
                    new Insertion("      public API{{#lambda.titlecase}}{{operationId}}{{/lambda.titlecase}}Request build() {",
                            "apiRequestBuildDoc")));

    private GeneratorTemplates() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException(
                    "Usage: GeneratorTemplates <generator's templates> <project's templates> <output>");
        }
        Path generator = Path.of(args[0]);
        Path project = Path.of(args[1]);
        Path output = Path.of(args[2]);
        // Made anew each time: a template removed from the project's does not stay behind to be used.
        delete(output);
        copy(project, output);
        for (Map.Entry<String, List<Insertion>> template : COMMENTS.entrySet()) {
            // The generator looks for a template in the project's directory first, at its path under Java/.
            Path written = output.resolve(template.getKey().substring("Java/".length()));
            Files.createDirectories(written.getParent());
            String text = Files.readString(generator.resolve(template.getKey()));
            Files.writeString(written, withComments(template.getKey(), text, template.getValue()));
        }
    }

    /**
     * The template with each insertion's partial included before its declarations.
     *
     * @throws IllegalStateException naming each insertion whose line the template does not have
     */
    static String withComments(String name, String template, List<Insertion> insertions) {
        List<String> lines = new ArrayList<>(template.lines().toList());
        List<String> missing = new ArrayList<>();
        for (Insertion insertion : insertions) {
            int found = 0;
            for (int index = 0; index < lines.size(); index++) {
                if (lines.get(index).startsWith(insertion.line())) {
                    int start = index;
                    for (int above = index - 1; above >= 0 && ANNOTATION.matcher(lines.get(above)).matches(); above--) {
                        if (!lines.get(above).isBlank()) {
                            start = above;
                        }
                    }
                    lines.add(start, "{{>" + insertion.partial() + "}}");
                    index++;
                    found++;
                }
            }
            if (found == 0) {
                missing.add(insertion.line());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The generator's " + name + " has no line beginning with "
                    + String.join(" or ", missing) + ": see where its comment now goes (" + GeneratorTemplates.class.getName()
                    + ")");
        }
        return String.join("\n", lines) + (template.endsWith("\n") ? "\n" : "");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
