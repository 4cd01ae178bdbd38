package io.emailaccounts.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.emailaccounts.contract.GeneratorTemplates.Insertion;

/** The generator's model templates, given a comment before each method they write none for. */
class GeneratorTemplatesTest {

    private static final List<Insertion> SETTER = List.of(new Insertion("  public void {{setter}}(", "setterDoc"));

    @Test
    void shouldIncludeThePartialBeforeTheDeclarationAndItsAnnotations() {
        List<String> template = List.of("  }", "{{#jackson}}", "  @JsonProperty(JSON_PROPERTY_{{nameInSnakeCase}})",
                "{{> jackson_annotations}}", "{{/jackson}}", "", "  public void {{setter}}({{{datatypeWithEnum}}} {{name}}) {",
                "  }", "");
        List<String> commented = new ArrayList<>(template);
        commented.add(1, "{{>setterDoc}}");

        assertThat(GeneratorTemplates.withComments("pojo.mustache", String.join("\n", template), SETTER))
                .isEqualTo(String.join("\n", commented));
    }

    /** A blank line above a declaration without annotations stays above its comment. */
    @Test
    void shouldPutTheCommentRightAboveADeclarationWithoutAnnotations() {
        assertThat(GeneratorTemplates.withComments("pojo.mustache", "  }\n\n  public void {{setter}}(Long {{name}}) {\n", SETTER))
                .isEqualTo("  }\n\n{{>setterDoc}}\n  public void {{setter}}(Long {{name}}) {\n");
    }

    /** A section around the method is not the method's: the comment goes inside it, as the method does. */
    @Test
    void shouldKeepTheCommentInsideTheSectionThatHoldsTheMethod() {
        String template = String.join("\n", "  {{^isReadOnly}}", "  public void {{setter}}(String {{name}}) {", "  }",
                "  {{/isReadOnly}}", "  public void {{setter}}(Long {{name}}) {", "  }");

        assertThat(GeneratorTemplates.withComments("pojo.mustache", template, SETTER)).isEqualTo(String.join("\n",
                "  {{^isReadOnly}}", "{{>setterDoc}}", "  public void {{setter}}(String {{name}}) {", "  }", "  {{/isReadOnly}}",
                "{{>setterDoc}}", "  public void {{setter}}(Long {{name}}) {", "  }"));
    }

    /** After a generator upgrade that moved a method, the build stops and says where to look. */
    @Test
    void shouldRefuseATemplateWithoutTheLineACommentGoesBefore() {
        assertThatThrownBy(() -> GeneratorTemplates.withComments("pojo.mustache", "  public void set{{name}}(", SETTER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pojo.mustache has no line beginning with   public void {{setter}}(")
                .hasMessageContaining(GeneratorTemplates.class.getName());
    }

    /** Each comment is a partial of the client's templates, included by name. */
    @Test
    void shouldNameAPartialOfTheClientsTemplatesForEachComment() {
        GeneratorTemplates.COMMENTS.values().stream().flatMap(List::stream).forEach(insertion -> assertThat(
                Path.of("../client/src/main/templates", insertion.partial() + ".mustache"))
                .as(insertion.line()).isRegularFile());
    }
}
