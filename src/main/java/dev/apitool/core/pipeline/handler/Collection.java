package dev.apitool.core.pipeline.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Responses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory resource, the state behind {@code collection} routes (as json-server keeps one
 * per top-level key): JSON objects by id, in insertion order, ids assigned 1, 2, 3… on create. A
 * {@code collection} service names one and may seed it ({@code items:}); routes that name none
 * share one per route name. Thread-safe; bounded to {@link #MAX_ITEMS} items.
 */
public final class Collection {

    /** The most items one collection holds; a create beyond it is refused (507). */
    public static final int MAX_ITEMS = 100_000;

    private final String idField;
    private final Map<String, ObjectNode> items = new LinkedHashMap<>();
    private long nextId = 1;

    Collection(String idField) {
        this.idField = idField;
    }

    /** Returns the collection a {@code collection} service describes, or null after recording problems. */
    public static Collection from(Node n) {
        Collection c = new Collection(n.text("id", "id"));
        for (Node item : n.list("items")) {
            if (!item.json().isObject()) {
                item.error("expected an item (a mapping), got " + item.kind());
                continue;
            }
            c.create((ObjectNode) Responses.JSON.valueToTree(item.json()));
        }
        return c;
    }

    /** Returns the id field's name. */
    public String idField() {
        return idField;
    }

    /** Returns the number of items. */
    public synchronized int size() {
        return items.size();
    }

    /** Returns items {@code from} (0-based) up to {@code count} of them, copies. */
    public synchronized List<ObjectNode> slice(long from, long count) {
        List<ObjectNode> out = new ArrayList<>();
        long i = 0;
        for (ObjectNode o : items.values()) {
            if (i >= from && out.size() < count) {
                out.add(o.deepCopy());
            }
            i++;
        }
        return out;
    }

    /** Returns the item {@code id}, a copy, or null. */
    public synchronized ObjectNode get(String id) {
        ObjectNode o = items.get(id);
        return o == null ? null : o.deepCopy();
    }

    /** Adds {@code item}, keeping its id when it has an unused one, else assigning the next; returns the stored copy, or null when full. */
    public synchronized ObjectNode create(ObjectNode item) {
        if (items.size() >= MAX_ITEMS) {
            return null;
        }
        JsonNode given = item.get(idField);
        String id = given != null && given.isValueNode() && !items.containsKey(given.asText()) ? given.asText() : null;
        if (id == null) {
            while (items.containsKey(Long.toString(nextId))) {
                nextId++;
            }
            id = Long.toString(nextId++);
            ObjectNode copy = Responses.JSON.createObjectNode().put(idField, Long.parseLong(id));
            copy.setAll((ObjectNode) item.deepCopy().without(idField));
            item = copy;
        }
        items.put(id, item.deepCopy());
        return item;
    }

    /** Replaces item {@code id} with {@code item} (its id kept); returns the stored copy, or null when there is none. */
    public synchronized ObjectNode replace(String id, ObjectNode item) {
        ObjectNode old = items.get(id);
        if (old == null) {
            return null;
        }
        ObjectNode copy = Responses.JSON.createObjectNode();
        copy.set(idField, old.get(idField));
        copy.setAll((ObjectNode) item.deepCopy().without(idField));
        items.put(id, copy);
        return copy.deepCopy();
    }

    /** Removes item {@code id}; returns whether there was one. */
    public synchronized boolean delete(String id) {
        return items.remove(id) != null;
    }
}
