package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;

import io.emailaccounts.documentation.Documentation;

/**
 * The Java client's reference (its Javadoc, published in the site) says what each class and method the README and the
 * guides use does: every class their Java imports or names, and every method they call or name that such a class
 * declares, has a first sentence. The hand-written classes' comments are written here; the generated ones' come from
 * the contract's descriptions and the generator's templates (src/main/templates, and the comments GeneratorTemplates
 * adds to the generator's model template: a model's setters, {@code businessId(...)} among them).
 */
class JavadocTest {

    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"),
            Path.of("target/generated-sources/openapi/src/main/java"));
    private static final Pattern IMPORTED = Pattern.compile("import io\\.emailaccounts\\.client(?:\\.\\w+)*\\.([A-Z]\\w*);");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern NAME = Pattern.compile("\\b([A-Z]\\w*)\\b");
    private static final Pattern CALLED = Pattern.compile("\\.?\\b([a-z]\\w*)\\(");
    private static final Pattern CONSTRUCTED = Pattern.compile("\\bnew\\s+([A-Z]\\w*)\\s*\\(");
    /** How a constructor is named here: {@code new EmailAccountUpdate}. */
    private static final String CONSTRUCTOR = "new ";

    /**
     * A public class or method of the client and its Javadoc's first sentence (empty when it has none); whether it is
     * a model's, whether it overrides (its comment is then the overridden method's), and the client's classes its
     * result is or holds (a method's).
     */
    private record Declared(String type, String method, String firstSentence, boolean model, boolean overrides,
            Set<String> returns) {
    }

    @Test
    void shouldSayWhatEveryClassAndMethodTheGuidesUseDoes() throws IOException {
        List<Declared> declared = declarations();
        Set<String> types = new TreeSet<>(declared.stream().map(Declared::type).toList());
        Set<String> usedTypes = new TreeSet<>();
        Set<String> usedMethods = new TreeSet<>();
        for (Documentation.Page page : Documentation.of(Path.of("..")).pages()) {
            List<String> code = new ArrayList<>(page.blocks("java"));
            code.forEach(block -> IMPORTED.matcher(block).results().forEach(match -> usedTypes.add(match.group(1))));
            CODE_SPAN.matcher(page.text()).results().map(match -> match.group(1)).forEach(span -> {
                NAME.matcher(span).results().map(match -> match.group(1)).filter(types::contains).forEach(usedTypes::add);
                code.add(span);
            });
            for (String text : code) {
                CALLED.matcher(text).results().forEach(match -> usedMethods.add(match.group(1)));
                CONSTRUCTED.matcher(text).results().forEach(match -> usedMethods.add(CONSTRUCTOR + match.group(1)));
            }
        }

        assertThat(usedTypes).as("the client's classes the guides use").contains("NexudusClients", "EmailAccounts",
                "ClientOptions", "EmailAccountsApi", "ApiException");
        // The class of the object a method is called on is not known here: the classes used are those the guides
        // name, and those a method they call on one of them returns (query() gives a request's builder).
        boolean more = true;
        while (more) {
            more = false;
            for (Declared declaration : declared) {
                if (declaration.method() != null && usedTypes.contains(declaration.type())
                        && usedMethods.contains(declaration.method())) {
                    for (String returned : declaration.returns()) {
                        more |= types.contains(returned) && usedTypes.add(returned);
                    }
                }
            }
        }
        List<String> undescribed = new ArrayList<>();
        for (Declared declaration : declared) {
            boolean used = usedTypes.contains(declaration.type())
                    && (declaration.method() == null || usedMethods.contains(declaration.method()));
            if (used && declaration.firstSentence().isBlank()) {
                undescribed.add(declaration.type() + (declaration.method() == null ? "" : "." + declaration.method()));
            }
        }
        assertThat(undescribed).as("classes and methods the guides use, without a sentence that says what they do").isEmpty();
    }

    @Test
    void shouldSayWhatEveryMethodOfAModelDoes() throws IOException {
        List<String> undescribed = declarations().stream()
                .filter(declaration -> declaration.model() && declaration.method() != null && !declaration.overrides()
                        && declaration.firstSentence().isBlank())
                .map(declaration -> declaration.type() + "." + declaration.method()).toList();
        assertThat(undescribed).as("the models' methods without a sentence that says what they do").isEmpty();
    }

    /** Every public class and public method of the client's sources, hand-written and generated. */
    private static List<Declared> declarations() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : SOURCES) {
            assertThat(root).as("the client's sources (generated by mvn generate-sources)").isDirectory();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(file -> file.toString().endsWith(".java")).forEach(files::add);
            }
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<Declared> declared = new ArrayList<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) compiler.getTask(null, fileManager, diagnostic -> { }, List.of("-proc:none"), null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            DocTrees docs = DocTrees.instance(task);
            Map<ClassTree, String> names = new HashMap<>();
            for (CompilationUnitTree unit : task.parse()) {
                boolean model = unit.getPackageName() != null && unit.getPackageName().toString().endsWith(".model");
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitClass(ClassTree type, Void nothing) {
                        if (type.getModifiers().getFlags().contains(Modifier.PUBLIC)) {
                            names.put(type, type.getSimpleName().toString());
                            declared.add(new Declared(type.getSimpleName().toString(), null,
                                    firstSentence(docs.getDocCommentTree(getCurrentPath())), model, false, Set.of()));
                            if (type.getKind() == Tree.Kind.RECORD) {
                                declared.addAll(implicitAccessors(type, model));
                            }
                        }
                        return super.visitClass(type, nothing);
                    }

                    @Override
                    public Void visitMethod(MethodTree method, Void nothing) {
                        String type = names.get((ClassTree) getCurrentPath().getParentPath().getLeaf());
                        if (type != null && method.getModifiers().getFlags().contains(Modifier.PUBLIC)) {
                            boolean overrides = method.getModifiers().getAnnotations().stream()
                                    .anyMatch(annotation -> annotation.getAnnotationType().toString().equals("Override"));
                            String name = method.getName().contentEquals("<init>") ? CONSTRUCTOR + type : method.getName().toString();
                            Set<String> returns = new TreeSet<>();
                            if (method.getReturnType() != null) {
                                NAME.matcher(method.getReturnType().toString()).results().forEach(match -> returns.add(match.group(1)));
                            }
                            declared.add(new Declared(type, name,
                                    firstSentence(docs.getDocCommentTree(getCurrentPath())), model, overrides, returns));
                        }
                        return null;
                    }
                }.scan(unit, null);
            }
        }
        return declared;
    }

    /**
     * A record's accessors that its source does not declare: Javadoc gives them no sentence of their own ("Returns the
     * value of the ... record component"), so they count as undescribed.
     */
    private static List<Declared> implicitAccessors(ClassTree record, boolean model) {
        List<Declared> implicit = new ArrayList<>();
        for (Tree member : record.getMembers()) {
            // A record has no instance field but its components.
            if (member instanceof VariableTree component && !component.getModifiers().getFlags().contains(Modifier.STATIC)
                    && record.getMembers().stream().noneMatch(other -> other instanceof MethodTree method
                            && method.getName().contentEquals(component.getName()) && method.getParameters().isEmpty())) {
                Set<String> returns = new TreeSet<>();
                NAME.matcher(component.getType().toString()).results().forEach(match -> returns.add(match.group(1)));
                implicit.add(new Declared(record.getSimpleName().toString(), component.getName().toString(), "", model, false,
                        returns));
            }
        }
        return implicit;
    }

    private static String firstSentence(DocCommentTree comment) {
        return comment == null ? "" : comment.getFirstSentence().toString();
    }
}
