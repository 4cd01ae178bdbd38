package io.emailaccounts.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed between the released contracts, newest first, and what the working contract has beyond the last
 * release ("Unreleased"), in Markdown: each step compared as the breaking-change gate compares (openapi-diff, with the
 * project's own reading of merges, open enums and narrowed inputs), so that the changelog and the gate never disagree.
 * A step that breaks clients of the version before says so at its head. A release's written notes (why it was made,
 * how to upgrade: {@code api/released/VERSION.md}, or {@code api/upgrade-notes.md} for what is not released yet) come
 * above its machine diff.
 */
public final class Changelog {

    private Changelog() {
    }

    /**
     * @param releases the released contracts, oldest first
     * @param working  the contract as it is now
     */
    public static String markdown(Releases releases, Path working) {
        List<String> sections = new ArrayList<>();
        List<Releases.Release> all = releases.all();
        Releases.Release last = all.get(all.size() - 1);
        sections.add(section("Unreleased", "in `api/openapi.yaml`, beyond " + last.version(),
                ContractCompatibility.compare(ContractCompatibility.read(last.file()), ContractCompatibility.read(working)),
                notes(working.resolveSibling(UNRELEASED_NOTES))));
        for (int i = all.size() - 1; i > 0; i--) {
            Releases.Release earlier = all.get(i - 1);
            Releases.Release later = all.get(i);
            sections.add(section(later.version(), "compared with " + earlier.version(),
                    ContractCompatibility.compare(ContractCompatibility.read(earlier.file()), ContractCompatibility.read(later.file())),
                    notes(later.notes())));
        }
        sections.add("### " + all.get(0).version() + "\n\n" + notes(all.get(0).notes()) + "The first released contract.\n");
        return String.join("\n", sections);
    }

    /** The upgrade notes of what {@code api/openapi.yaml} has beyond the last release, beside it. */
    public static final String UNRELEASED_NOTES = "upgrade-notes.md";

    /** The notes of this file, ended by a blank line; none when there is no such file. */
    private static String notes(Path file) {
        try {
            String notes = Files.isRegularFile(file) ? Files.readString(file).strip() : "";
            return notes.isEmpty() ? "" : notes + "\n\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String section(String title, String against, ContractCompatibility.Verdict verdict, String notes) {
        String head = "### " + title + "\n\n" + notes + (verdict.breaking()
                ? "**Breaking** for clients of the version before (" + against + "): read the changes marked below before upgrading.\n"
                : "Compatible (" + against + "): clients of the version before keep working.\n");
        String changes = verdict.changes().equals("(no changes)") ? "No changes.\n" : verdict.changes().strip() + "\n";
        return head + "\n" + changes;
    }
}
