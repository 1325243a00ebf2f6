package org.sectorcrm.examples.records;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.RecordOperations;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * The application operations of any aggregate type, reached from its descriptor: how the REST routes, the search and
 * the exchange export get "the operations of type X, as this user" without a list of types.
 *
 * <p><b>A local adapter</b> until crm-core offers {@code CrmSession.records(AggregateType)} and a search on every
 * {@code RecordOperations}: it finds, once, which public accessor of {@link CrmSession} (or of an area it hands out,
 * such as {@code reference()}) returns the operations of each type, from the type arguments of the operations class
 * ({@code extends RecordOperations<EmployerId, Employer, EmployerFilter, Employer>}). No type is named here, and a type
 * without operations fails the first use with its name, so a new aggregate cannot be silently left out of the API.
 */
public final class SessionRecords {
    /** For each type: the accessor chain from a session to its operations, and what a reader receives (the view class). */
    private record Access(List<Method> path, Class<?> view) {
    }

    private static final Map<AggregateType<?, ?, ?>, Access> ACCESS = discover();

    private SessionRecords() {
    }

    /** The operations of {@code type} as the session's user, with every rule of crm-core. */
    @SuppressWarnings("unchecked")
    public static <I extends Id, T extends Aggregate<I>, F> RecordOperations<I, T, F, ?> of(CrmSession session, AggregateType<I, T, F> type) {
        Object target = session;
        try {
            for (Method m : access(type).path()) {
                target = m.invoke(target);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reach the operations of " + type, e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return (RecordOperations<I, T, F, ?>) target;
    }

    /** What a reader receives of {@code type}: the record class, or a view around it (a contact with PII masked). */
    public static Class<?> viewClass(AggregateType<?, ?, ?> type) {
        return access(type).view();
    }

    /** The record inside what the operations returned: the record itself, or the component of its view that holds it. */
    public static <T extends Aggregate<?>> T record(AggregateType<?, T, ?> type, Object view) {
        if (type.recordClass().isInstance(view)) {
            return type.cast(view);
        }
        for (RecordComponent c : view.getClass().getRecordComponents() == null ? new RecordComponent[0] : view.getClass().getRecordComponents()) {
            if (c.getType() == type.recordClass()) {
                try {
                    return type.cast(c.getAccessor().invoke(view));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + view.getClass().getName(), e);
                }
            }
        }
        throw new IllegalStateException(view.getClass().getName() + " holds no " + type.recordClass().getName());
    }

    /**
     * The records of {@code type} matching every word of {@code query}, as the session's user may see them, paged like a
     * list. Operations with a search of their own run it (contacts: a VIEWER's hit through a masked e-mail does not
     * count; engagements: only notes the user may read); for the others the store's search for this reader runs and each
     * hit is read again through the operations, so whatever the operations hide stays hidden.
     */
    @SuppressWarnings("unchecked")
    public static <I extends Id, T extends Aggregate<I>, F> Page<?> search(CrmSession session, CrmStorage storage, AggregateType<I, T, F> type,
            String query, PageRequest page) {
        RecordOperations<I, T, F, ?> ops = of(session, type);
        Optional<Method> own = ownSearch(ops.getClass());
        if (own.isPresent()) {
            try {
                return (Page<?>) own.get().invoke(ops, query, page);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot search " + type, e);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        SearchTerms terms = SearchTerms.parse(query);
        Reader reader = Reader.of(session.actor().user(), session.actor().partner());
        Page<T> hits = storage.read(tx -> tx.store(type).search(terms, reader, page));
        List<Object> visible = new ArrayList<>();
        for (T hit : hits.items()) {
            ops.find(hit.id()).ifPresent(visible::add);
        }
        return new Page<>(visible, hits.nextCursor());
    }

    private static Optional<Method> ownSearch(Class<?> operations) {
        try {
            Method m = operations.getMethod("search", String.class, PageRequest.class);
            return m.getReturnType() == Page.class ? Optional.of(m) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static Access access(AggregateType<?, ?, ?> type) {
        Access a = ACCESS.get(type);
        if (a == null) {
            throw new IllegalStateException("crm-core's CrmSession offers no operations for the aggregate type " + type.key()
                    + ": the API, the search and the export cannot reach it");
        }
        return a;
    }

    private static Map<AggregateType<?, ?, ?>, Access> discover() {
        Map<AggregateType<?, ?, ?>, Access> found = new IdentityHashMap<>();
        for (Method m : accessors(CrmSession.class)) {
            if (RecordOperations.class.isAssignableFrom(m.getReturnType())) {
                add(found, List.of(m));
            } else {
                // an area of operations, like reference(): one level down
                for (Method inner : accessors(m.getReturnType())) {
                    if (RecordOperations.class.isAssignableFrom(inner.getReturnType())) {
                        add(found, List.of(m, inner));
                    }
                }
            }
        }
        return found;
    }

    private static List<Method> accessors(Class<?> owner) {
        List<Method> out = new ArrayList<>();
        if (!owner.getPackageName().startsWith("org.sectorcrm.core")) {
            return out;
        }
        for (Method m : owner.getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == owner) {
                out.add(m);
            }
        }
        return out;
    }

    private static void add(Map<AggregateType<?, ?, ?>, Access> found, List<Method> path) {
        Type[] args = typeArguments(path.get(path.size() - 1).getReturnType());
        if (args == null || !(args[1] instanceof Class<?> record) || !(args[3] instanceof Class<?> view)) {
            return;
        }
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            if (type.recordClass() == record) {
                found.putIfAbsent(type, new Access(path, view));
            }
        }
    }

    /** The {@code <I, T, F, V>} an operations class gives {@link RecordOperations}. */
    private static Type[] typeArguments(Class<?> operations) {
        for (Class<?> c = operations; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType p && p.getRawType() == RecordOperations.class) {
                return p.getActualTypeArguments();
            }
        }
        return null;
    }
}
