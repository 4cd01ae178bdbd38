package io.emailaccounts.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Adds a YAML snippet to a YAML document as a person does, in its text: at a place named by its keys
 * ({@code components.schemas.EmailAccountFields.properties}), the snippet's entries go at the end of the mapping
 * there, its items at the end of the sequence there, and an entry whose key the place already has, with a mapping or
 * a sequence as its value, adds to that one; one with its value on its line (a scalar) replaces that value. The rest
 * of the document, comments and layout included, is left as it was.
 */
final class YamlEdit {

    private YamlEdit() {
    }

    /**
     * Whether the document has the snippet at the place already: every entry of a mapping, every item of a list (an
     * item that is a mapping is there when a mapping of the list holds all of it), every value equal.
     */
    static boolean isApplied(String document, String place, String snippet) {
        YAMLMapper yaml = YAMLMapper.builder().build();
        JsonNode target = yaml.readTree(document);
        for (String key : place.split("\\.")) {
            target = target.path(key);
        }
        return contains(target, yaml.readTree(snippet.stripIndent()));
    }

    private static boolean contains(JsonNode target, JsonNode part) {
        if (part.isObject()) {
            for (String name : part.propertyNames()) {
                if (!target.has(name) || !contains(target.get(name), part.get(name))) {
                    return false;
                }
            }
            return target.isObject();
        }
        if (part.isArray()) {
            for (JsonNode item : part) {
                if (target.valueStream().noneMatch(candidate -> contains(candidate, item))) {
                    return false;
                }
            }
            return target.isArray();
        }
        return target.asString().equals(part.asString()) && target.isMissingNode() == part.isMissingNode();
    }

    /** A place in the document: the key's line (-1 for the root), and the lines of its value. */
    private record Block(int keyLine, int indent, int start, int end) {
    }

    /**
     * @param place the keys leading to the place, separated by dots
     * @throws IllegalArgumentException naming the key the document lacks, or the snippet's entry that it cannot add
     */
    static String apply(String document, String place, String snippet) {
        List<String> lines = new ArrayList<>(Arrays.asList(document.split("\n", -1)));
        Block block = new Block(-1, -1, 0, lines.size());
        for (String key : place.split("\\.")) {
            block = child(lines, block, key)
                    .orElseThrow(() -> new IllegalArgumentException("the document has no " + place + " (no key " + key + ")"));
        }
        add(lines, block, snippet.stripIndent().lines().toList(), place);
        return String.join("\n", lines);
    }

    private static void add(List<String> lines, Block block, List<String> snippet, String place) {
        List<String> content = String.join("\n", snippet).stripIndent().lines().dropWhile(String::isBlank).toList();
        if (content.isEmpty()) {
            return;
        }
        boolean sequence = content.get(0).startsWith("- ");
        int childIndent = childIndent(lines, block);
        boolean blockIsSequence = firstContent(lines, block) >= 0 && lines.get(firstContent(lines, block)).trim().startsWith("- ");
        if (sequence) {
            if (!blockIsSequence && firstContent(lines, block) >= 0) {
                throw new IllegalArgumentException(place + " is not a list: cannot add the items " + content);
            }
            insert(lines, endOf(lines, block), content, childIndent);
            return;
        }
        if (blockIsSequence) {
            throw new IllegalArgumentException(place + " is a list: cannot add the entries " + content);
        }
        for (List<String> entry : entries(content)) {
            String key = entry.get(0).substring(0, entry.get(0).indexOf(':')).trim();
            String inline = entry.get(0).substring(entry.get(0).indexOf(':') + 1).trim();
            Optional<Block> existing = child(lines, block, key);
            if (existing.isPresent() && inline.isEmpty()) {
                add(lines, existing.get(), entry.subList(1, entry.size()), place + "." + key);
            } else if (existing.isPresent() && entry.size() == 1 && firstContent(lines, existing.get()) < 0) {
                lines.set(existing.get().keyLine(), " ".repeat(childIndent) + entry.get(0)); // a scalar: its new value
            } else if (existing.isPresent()) {
                throw new IllegalArgumentException(place + " has " + key + " already");
            } else {
                insert(lines, endOf(lines, block), entry, childIndent);
            }
            block = refreshed(lines, block);
        }
    }

    /** The snippet's top-level entries, each its key's line and the lines of its value. */
    private static List<List<String>> entries(List<String> content) {
        List<List<String>> entries = new ArrayList<>();
        for (String line : content) {
            if (!line.isBlank() && !line.startsWith(" ") && !line.startsWith("#")) {
                entries.add(new ArrayList<>());
            }
            if (!entries.isEmpty()) {
                entries.get(entries.size() - 1).add(line);
            }
        }
        return entries;
    }

    /** The block of a key directly within another, if it has one. */
    private static Optional<Block> child(List<String> lines, Block parent, String key) {
        int indent = childIndent(lines, parent);
        Pattern keyLine = Pattern.compile(" ".repeat(Math.max(indent, 0)) + "(['\"]?)" + Pattern.quote(key) + "\\1:(\\s.*)?");
        for (int i = parent.start(); i < parent.end(); i++) {
            if (keyLine.matcher(lines.get(i)).matches()) {
                int end = i + 1;
                while (end < parent.end() && belongsTo(lines.get(end), indent)) {
                    end++;
                }
                return Optional.of(new Block(i, indent, i + 1, end));
            }
        }
        return Optional.empty();
    }

    /** Whether a line after a key at this indent is part of its value: blank, a comment, deeper, or its list's item. */
    private static boolean belongsTo(String line, int keyIndent) {
        if (line.isBlank()) {
            return true;
        }
        int indent = indentOf(line);
        return indent > keyIndent || (indent == keyIndent && line.trim().startsWith("- "));
    }

    /** The block again, its end moved past lines just inserted. */
    private static Block refreshed(List<String> lines, Block block) {
        if (block.keyLine() < 0) {
            return new Block(-1, -1, 0, lines.size());
        }
        int end = block.keyLine() + 1;
        while (end < lines.size() && belongsTo(lines.get(end), block.indent())) {
            end++;
        }
        return new Block(block.keyLine(), block.indent(), block.start(), end);
    }

    /** The indent of the block's own entries or items; two deeper than its key when it has none yet. */
    private static int childIndent(List<String> lines, Block block) {
        int first = firstContent(lines, block);
        return first >= 0 ? indentOf(lines.get(first)) : block.indent() + 2;
    }

    private static int firstContent(List<String> lines, Block block) {
        for (int i = block.start(); i < block.end(); i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).trim().startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    /** Where the block's last line of content ends (trailing blank lines belong to what follows). */
    private static int endOf(List<String> lines, Block block) {
        int end = block.end();
        while (end > block.start() && lines.get(end - 1).isBlank()) {
            end--;
        }
        return end;
    }

    private static void insert(List<String> lines, int at, List<String> snippet, int indent) {
        List<String> indented = snippet.stream().map(line -> line.isBlank() ? "" : " ".repeat(indent) + line).toList();
        lines.addAll(at, indented);
    }

    private static int indentOf(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        return indent;
    }
}
