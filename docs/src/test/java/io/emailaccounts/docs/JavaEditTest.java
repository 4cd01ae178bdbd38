package io.emailaccounts.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A walk-through's Java block lands as a person would add it: imports with the imports, members at the class's end. */
class JavaEditTest {

    private static final String SOURCE = """
            package things;

            import java.util.List;
            import java.util.Optional;

            /** Things. */
            class Things {

                Optional<String> first(List<String> all) {
                    return all.stream().findFirst();
                }
            }
            """;

    private static final String SNIPPET = """
            import java.util.Map;
            import java.util.Optional;

            /** How many there are. */
            int count(Map<String, String> all) {
                return all.size();
            }
            """;

    @Test
    void shouldAddTheMissingImportsAndTheMembersAtTheEndOfTheClass() {
        String edited = JavaEdit.apply(SOURCE, SNIPPET);

        assertThat(edited).isEqualTo("""
                package things;

                import java.util.List;
                import java.util.Optional;
                import java.util.Map;

                /** Things. */
                class Things {

                    Optional<String> first(List<String> all) {
                        return all.stream().findFirst();
                    }

                    /** How many there are. */
                    int count(Map<String, String> all) {
                        return all.size();
                    }
                }
                """);
    }

    @Test
    void shouldLeaveAFileThatHasTheMembersAlready() {
        String edited = JavaEdit.apply(SOURCE, SNIPPET);

        assertThat(JavaEdit.apply(edited, SNIPPET)).isEqualTo(edited);
    }
}
