package dev.berth.planner.tree;

import java.util.ArrayList;
import java.util.List;

/** A YAML sequence. */
public record SeqNode(List<Node> items, Location location, Directive directive) implements Node {

    public SeqNode {
        items = List.copyOf(items);
        directive = Directive.orNone(directive);
    }

    public static SeqNode of(List<? extends Node> items, Location location) {
        return new SeqNode(List.copyOf(items), location, Directive.NONE);
    }

    public int size() {
        return items.size();
    }

    public Node get(int i) {
        return items.get(i);
    }

    /** This sequence with {@code newItems}; this sequence itself when they are its own items, in order. */
    public SeqNode withItems(List<? extends Node> newItems) {
        if (sameItems(newItems)) {
            return this;
        }
        return new SeqNode(List.copyOf(newItems), location, directive);
    }

    @Override
    public SeqNode withDirective(Directive d) {
        return Directive.orNone(d) == directive ? this : new SeqNode(items, location, d);
    }

    private boolean sameItems(List<? extends Node> newItems) {
        if (newItems.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            if (newItems.get(i) != items.get(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object toPlain() {
        List<Object> out = new ArrayList<>(items.size());
        for (Node n : items) {
            out.add(n.toPlain());
        }
        return out;
    }

    @Override
    public String kind() {
        return "sequence";
    }
}
