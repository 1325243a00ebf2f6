package org.sectorcrm.jdbc.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jdbi.v3.core.argument.Argument;

/** A piece of SQL with its positional arguments, built up in order. */
public final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Argument> args = new ArrayList<>();

    public Sql() {
    }

    public Sql(String text, Argument... args) {
        add(text, args);
    }

    public Sql add(String fragment, Argument... arguments) {
        text.append(fragment);
        Collections.addAll(args, arguments);
        return this;
    }

    public Sql add(Sql other) {
        text.append(other.text);
        args.addAll(other.args);
        return this;
    }

    public String text() {
        return text.toString();
    }

    public List<Argument> args() {
        return args;
    }

    public boolean isEmpty() {
        return text.length() == 0;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
