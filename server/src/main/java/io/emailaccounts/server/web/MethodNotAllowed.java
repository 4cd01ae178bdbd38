package io.emailaccounts.server.web;

import java.util.Collection;
import java.util.List;

/** The words and the {@code Allow} header of a 405, the same whoever answers it: the advice, or Tomcat's valve. */
final class MethodNotAllowed {

    private MethodNotAllowed() {
    }

    /** "Method PATCH is not supported here; use DELETE or GET." */
    static String message(String method, Collection<String> allowed) {
        List<String> sorted = allowed.stream().sorted().toList();
        return "Method " + method + " is not supported here" + (sorted.isEmpty() ? "." : "; use " + alternatives(sorted) + ".");
    }

    /** "DELETE, GET": the methods in one order, so that the same request is always answered alike. */
    static String allow(Collection<String> allowed) {
        return String.join(", ", allowed.stream().sorted().toList());
    }

    /** "GET", "GET or PUT", "GET, POST or PUT". */
    private static String alternatives(List<String> choices) {
        return choices.size() == 1
                ? choices.get(0)
                : String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
    }
}
