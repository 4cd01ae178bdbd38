package io.emailaccounts.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adds a Java snippet to a class as a person does: its {@code import} lines join the file's imports (those it has
 * already are not added twice), and the rest (a method, with its comment) goes at the end of the file's class, indented
 * as a member. A file that holds the snippet's members already is left as it is.
 */
final class JavaEdit {

    private JavaEdit() {
    }

    /** @throws IllegalArgumentException when the file has no imports or no closing brace to add to */
    static String apply(String source, String snippet) {
        List<String> imports = snippet.lines().filter(line -> line.startsWith("import ")).toList();
        String members = snippet.lines().filter(line -> !line.startsWith("import "))
                .dropWhile(String::isBlank).map(line -> line.isBlank() ? "" : "    " + line)
                .reduce((a, b) -> a + "\n" + b).orElse("").stripTrailing();
        if (members.isEmpty() || squeezed(source).contains(squeezed(members))) {
            return source;
        }
        List<String> lines = new ArrayList<>(Arrays.asList(source.split("\n", -1)));
        int lastImport = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("import ")) {
                lastImport = i;
            }
        }
        int closing = lines.size() - 1;
        while (closing >= 0 && !lines.get(closing).equals("}")) {
            closing--;
        }
        if (lastImport < 0 || closing < 0) {
            throw new IllegalArgumentException("the file has no imports or no class to add to");
        }
        lines.add(closing, "");
        lines.addAll(closing + 1, members.lines().toList());
        if (lines.get(closing - 1).isBlank()) {
            lines.remove(closing);
        }
        List<String> missing = imports.stream().filter(line -> !lines.contains(line)).toList();
        lines.addAll(lastImport + 1, missing);
        return String.join("\n", lines);
    }

    /** Text with its whitespace runs made one space, to find a snippet however it was indented. */
    private static String squeezed(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
