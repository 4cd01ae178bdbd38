package io.emailaccounts.contract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.openapitools.openapidiff.core.model.ChangedMetadata;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.DiffContext;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import io.swagger.v3.oas.models.media.Schema;

/**
 * openapi-diff's Markdown, with every change that breaks clients marked where it is listed ({@link #MARK}): a removed
 * operation, a changed operation openapi-diff judges incompatible, within it each changed property it judges so, and
 * each property removed from an answer (a client that reads it loses it). What is not marked is compatible.
 */
final class MarkedChangesRender extends MarkdownRender {

    static final String MARK = "**Breaking:** ";

    private boolean listingRemovedOperations;
    private boolean listingPropertiesRemovedFromAnswers;
    private final Deque<ChangedOperation> changedOperations = new ArrayDeque<>();

    @Override
    protected String listEndpoints(String title, List<Endpoint> endpoints) {
        listingRemovedOperations = "What's Deleted".equals(title);
        try {
            return super.listEndpoints(title, endpoints);
        } finally {
            listingRemovedOperations = false;
        }
    }

    @Override
    protected String itemEndpoint(String method, String path, String summary) {
        String item = super.itemEndpoint(method, path, summary);
        return listingRemovedOperations ? marked(item) : item;
    }

    @Override
    protected String listEndpoints(List<ChangedOperation> operations) {
        changedOperations.clear();
        if (operations != null) {
            changedOperations.addAll(operations);
        }
        return super.listEndpoints(operations);
    }

    /** Called once for each changed operation, in the order they are listed. */
    @Override
    protected String itemEndpoint(String method, String path, ChangedMetadata summary) {
        String item = super.itemEndpoint(method, path, summary);
        ChangedOperation operation = changedOperations.poll();
        return operation != null && operation.isChanged().isIncompatible() ? marked(item) : item;
    }

    @Override
    protected String property(int deepness, String name, ChangedSchema schema) {
        String item = super.property(deepness, name, schema);
        return schema.isChanged().isIncompatible() ? item.replaceFirst("\\* Changed property", "* " + quoted(MARK) + "Changed property") : item;
    }

    @Override
    protected String properties(int deepness, String title, Map<String, Schema<?>> properties, boolean showContent, DiffContext context) {
        listingPropertiesRemovedFromAnswers = "Deleted property".equals(title) && context != null && context.isResponse();
        try {
            return super.properties(deepness, title, properties, showContent, context);
        } finally {
            listingPropertiesRemovedFromAnswers = false;
        }
    }

    @Override
    protected String property(int deepness, String title, String name, String type, String description) {
        return super.property(deepness, listingPropertiesRemovedFromAnswers ? MARK + title : title, name, type, description);
    }

    /** A heading ({@code ##### `GET` /path}) or list item marked as breaking. */
    private static String marked(String item) {
        return item.replaceFirst("^(#+ |\\s*\\* )", "$1" + quoted(MARK));
    }

    private static String quoted(String replacement) {
        return replacement.replace("\\", "\\\\").replace("$", "\\$");
    }
}
