package io.emailaccounts.contract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the contract whole: every example with {@code x-composed} also carries, as its {@code value}, the value
 * {@link ContractExamples} composes, so that a tool reading {@code api/openapi.yaml} as it is (a linter, an editor's
 * preview, a Postman import, a mock server) finds a value for every example. Only the {@code value} entries that differ
 * are rewritten, in place: every other line of the file, comments and layout included, is left as it was.
 *
 * <p>Run by the api module's build after compiling ({@code mvn -pl api process-classes -DskipTests} is enough); with
 * {@code CI=true} in the environment it writes nothing, and fails when a value is stale, naming that command.
 */
public final class ComposedValues {

    /** The command that refreshes the values, as the failure under CI names it. */
    public static final String REFRESH_COMMAND = "mvn -q -pl api process-classes -DskipTests";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 ._@/+-]*[A-Za-z0-9.]|[A-Za-z]");
    private static final Set<String> YAML_11_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

    /** One change to the text: the characters from {@code start} to {@code end} become {@code text}. */
    private record Edit(int start, int end, String text, String example) {
    }

    private ComposedValues() {
    }

    /** {@code ComposedValues CONTRACT_FILE}: refreshes the file's composed values, or under {@code CI=true} checks them. */
    public static void main(String[] args) {
        String done = refresh(Path.of(args[0]), "true".equalsIgnoreCase(System.getenv("CI")));
        if (!done.isEmpty()) {
            System.out.println(done);
        }
    }

    /**
     * Writes the missing or stale values of a contract file's composed examples into it, or only checks them.
     *
     * @param checkOnly write nothing, and fail when a value is stale (as under CI)
     * @return what was refreshed, in a sentence; empty when nothing was stale
     * @throws IllegalStateException when only checking and a value is stale, naming the examples and the command that
     *                               refreshes them
     */
    public static String refresh(Path file, boolean checkOnly) {
        String text = read(file);
        List<Edit> edits = edits(text);
        if (edits.isEmpty()) {
            return "";
        }
        String stale = String.join(", ", edits.stream().map(Edit::example).toList());
        if (checkOnly) {
            throw new IllegalStateException(file + ": the values of its composed examples (x-composed) are stale: "
                    + stale + ". Run `" + REFRESH_COMMAND
                    + "` (any local build does it) and commit the refreshed file with the change.");
        }
        try {
            Files.writeString(file, applied(text, edits));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file + ": the values of " + stale
                + " were refreshed from their properties' examples (x-composed); commit the file with the change";
    }

    /** The contract's text with the value of every composed example written as its {@code value}. */
    public static String refreshed(String text) {
        return applied(text, edits(text));
    }

    /** The text with the edits made, the last first so that each one's offsets still hold. */
    private static String applied(String text, List<Edit> edits) {
        List<Edit> lastFirst = new ArrayList<>(edits);
        lastFirst.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder out = new StringBuilder(text);
        for (Edit edit : lastFirst) {
            out.replace(edit.start(), edit.end(), edit.text());
        }
        return out.toString();
    }

    /** The names of the composed examples whose {@code value} is missing or differs from the composed one. */
    public static List<String> stale(String text) {
        return edits(text).stream().map(Edit::example).toList();
    }

    private static List<Edit> edits(String text) {
        ApiContract contract = ApiContract.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        Node root = new Compose(LoadSettings.builder().setLabel("openapi.yaml").build()).composeString(text)
                .orElseThrow(() -> new IllegalArgumentException("The contract is an empty document"));
        List<Edit> edits = new ArrayList<>();
        for (ContractExamples.Example example : new ContractExamples(contract).all()) {
            JsonNode written = contract.document().at(example.pointer());
            if (!written.has(ContractExamples.COMPOSED) || example.value().equals(written.get("value"))) {
                continue;
            }
            MappingNode exampleNode = (MappingNode) at(root, example.pointer());
            edits.add(edit(text, exampleNode, example));
        }
        return edits;
    }

    /** The change that gives an Example Object's mapping its composed {@code value}: replaced, or added as its last entry. */
    private static Edit edit(String text, MappingNode exampleNode, ContractExamples.Example example) {
        int indent = exampleNode.getValue().get(0).getKeyNode().getStartMark().orElseThrow().getColumn();
        String rendered = render(example.value(), indent);
        for (NodeTuple entry : exampleNode.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode key && key.getValue().equals("value")) {
                return new Edit(offset(text, key.getEndMark()), end(text, entry.getValueNode()), ":" + rendered, example.name());
            }
        }
        int last = text.indexOf('\n', end(text, exampleNode)); // after a comment that ends the line
        last = last < 0 ? text.length() : last;
        String margin = "\n" + " ".repeat(indent);
        return new Edit(last, last, margin + "# Written by the build from x-composed: change the properties' examples, not this."
                + margin + "value:" + rendered, example.name());
    }

    /** A value as it follows {@code value:} at the given indentation: a scalar on the line, a collection beneath it. */
    private static String render(JsonNode value, int indent) {
        if (!value.isContainer() || value.isEmpty()) {
            return " " + scalar(value);
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines(value)) {
            out.append('\n').append(" ".repeat(indent + 2)).append(line);
        }
        return out.toString();
    }

    /** A non-empty collection as block YAML lines, two spaces a level, a sequence's items indented under their key. */
    private static List<String> lines(JsonNode value) {
        List<String> lines = new ArrayList<>();
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                String key = scalar(JSON.getNodeFactory().stringNode(entry.getKey())) + ":";
                if (entry.getValue().isContainer() && !entry.getValue().isEmpty()) {
                    lines.add(key);
                    lines(entry.getValue()).forEach(line -> lines.add("  " + line));
                } else {
                    lines.add(key + " " + scalar(entry.getValue()));
                }
            }
        } else {
            for (JsonNode item : value) {
                if (item.isContainer() && !item.isEmpty()) {
                    List<String> itemLines = lines(item);
                    for (int i = 0; i < itemLines.size(); i++) {
                        lines.add((i == 0 ? "- " : "  ") + itemLines.get(i));
                    }
                } else {
                    lines.add("- " + scalar(item));
                }
            }
        }
        return lines;
    }

    /**
     * A scalar (or an empty collection) as YAML: a string plain only where every YAML reader, 1.1 ones included, reads
     * it back as that string (so no date, number, boolean or null look-alikes), otherwise double-quoted as JSON writes
     * it, which YAML reads the same.
     */
    private static String scalar(JsonNode value) {
        if (value.isString()) {
            String text = value.asString();
            boolean plain = PLAIN.matcher(text).matches() && !text.contains(": ") && !text.contains(" #")
                    && !YAML_11_WORDS.contains(text.toLowerCase(Locale.ROOT));
            return plain ? text : JSON.writeValueAsString(value);
        }
        return JSON.writeValueAsString(value);
    }

    /** The node a JSON pointer names. */
    private static Node at(Node root, String pointer) {
        Node node = root;
        for (String step : pointer.substring(1).split("/")) {
            String name = step.replace("~1", "/").replace("~0", "~");
            if (node instanceof MappingNode mapping) {
                node = mapping.getValue().stream()
                        .filter(entry -> entry.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name))
                        .findFirst().map(NodeTuple::getValueNode)
                        .orElseThrow(() -> new IllegalStateException("No " + pointer + " in the contract's text"));
            } else if (node instanceof SequenceNode sequence) {
                node = sequence.getValue().get(Integer.parseInt(name));
            } else {
                throw new IllegalStateException("No " + pointer + " in the contract's text");
            }
        }
        return node;
    }

    /**
     * Where a node's text ends: a scalar's or flow collection's own end, a block collection's last entry's (a block
     * collection's own end mark is where the next token starts, past comments and blank lines that are not its own).
     */
    private static int end(String text, Node node) {
        if (node instanceof MappingNode mapping && mapping.getFlowStyle() == FlowStyle.BLOCK) {
            return end(text, mapping.getValue().get(mapping.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode sequence && sequence.getFlowStyle() == FlowStyle.BLOCK) {
            return end(text, sequence.getValue().get(sequence.getValue().size() - 1));
        }
        int end = offset(text, node.getEndMark());
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) { // a block scalar's end is past its line break
            end--;
        }
        return end;
    }

    /** A mark's place in the text as a char index (marks count code points). */
    private static int offset(String text, Optional<Mark> mark) {
        return text.offsetByCodePoints(0, mark.orElseThrow().getIndex());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
