package org.sectorcrm.core;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.sectorcrm.core.dedupe.MergeChoices;
import org.sectorcrm.core.dedupe.MergePreview.FieldOutcome;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.internal.Components;
import org.sectorcrm.core.internal.Diff;

/**
 * Field-by-field survivorship of a merge, and its undoing. A single-valued field takes the chosen side, by default the
 * survivor's value when it has one, else the merged record's. Lists are joined: the merged record's legal and trade
 * names become trade names, its establishments are added (not primary when the survivor has one), tags and custom
 * fields are joined (the survivor's value of a custom field wins).
 */
final class EmployerSurvivorship {
    private EmployerSurvivorship() {
    }

    /** The survivor after merging {@code merged} into it, with the survivor's id and stamp. */
    static Employer merge(Employer survivor, Employer merged, MergeChoices choices) {
        Employer result = survivor;
        for (String field : MergeChoices.CHOOSABLE) {
            Object s = value(survivor, field);
            Object m = value(merged, field);
            MergeChoices.Side side = choices.of(field);
            boolean takeMerged = side == MergeChoices.Side.MERGED || (side == null && empty(s) && !empty(m));
            if (takeMerged) {
                result = Components.with(result, field, m);
            }
        }
        List<String> trade = new ArrayList<>(result.tradeNames());
        List<String> offered = new ArrayList<>();
        offered.add(survivor.legalName());
        offered.addAll(survivor.tradeNames());
        offered.add(merged.legalName());
        offered.addAll(merged.tradeNames());
        for (String n : offered) {
            if (!n.equalsIgnoreCase(result.legalName()) && trade.stream().noneMatch(n::equalsIgnoreCase)) {
                trade.add(n);
            }
        }
        List<Establishment> sites = new ArrayList<>(survivor.establishments());
        for (Establishment site : merged.establishments()) {
            sites.add(survivor.establishments().isEmpty() ? site : site.withPrimary(false));
        }
        Set<String> tags = new LinkedHashSet<>(survivor.tags());
        tags.addAll(merged.tags());
        Map<String, String> custom = new LinkedHashMap<>(merged.customFields());
        custom.putAll(survivor.customFields());
        return result.withTradeNames(trade).withEstablishments(sites).withTags(tags).withCustomFields(custom);
    }

    /** Every field on which survivor and merged record differ, with the winner and the resulting value. */
    static List<FieldOutcome> outcomes(Employer survivor, Employer merged, Employer result) {
        List<FieldOutcome> out = new ArrayList<>();
        for (RecordComponent c : Employer.class.getRecordComponents()) {
            String field = c.getName();
            if (field.equals("id") || field.equals("stamp")) {
                continue;
            }
            Object s = value(survivor, field);
            Object m = value(merged, field);
            if (Objects.equals(s, m)) {
                continue;
            }
            Object r = value(result, field);
            String winner = !MergeChoices.CHOOSABLE.contains(field) ? "BOTH" : Objects.equals(r, s) ? "SURVIVOR" : "MERGED";
            out.add(new FieldOutcome(field, Diff.text(s), Diff.text(m), winner, Diff.text(r)));
        }
        return out;
    }

    /**
     * The survivor as it was before the merge, keeping what changed on it since: a field still as the merge left it
     * returns to its value before the merge; a field edited since keeps the edit, less what the merge added to it (the
     * merged record's establishments, names, tags and custom fields).
     */
    static Employer unmerge(Employer now, Employer before, Employer after, Employer merged) {
        Employer result = now;
        for (RecordComponent c : Employer.class.getRecordComponents()) {
            String field = c.getName();
            if (field.equals("id") || field.equals("stamp")) {
                continue;
            }
            Object current = value(now, field);
            Object wasAfter = value(after, field);
            Object wasBefore = value(before, field);
            if (Objects.equals(current, wasAfter)) {
                result = Components.with(result, field, wasBefore);
            } else if (current instanceof Collection<?> || current instanceof Map<?, ?>) {
                result = Components.with(result, field, withoutAdded(field, current, wasBefore, wasAfter, merged));
            }
        }
        return result;
    }

    private static Object withoutAdded(String field, Object current, Object before, Object after, Employer merged) {
        if (field.equals("establishments")) {
            Set<EstablishmentId> theirs = new LinkedHashSet<>();
            merged.establishments().forEach(s -> theirs.add(s.id()));
            List<Establishment> kept = new ArrayList<>();
            for (Object o : (Collection<?>) current) {
                Establishment s = (Establishment) o;
                if (!theirs.contains(s.id())) {
                    kept.add(s);
                }
            }
            if (!kept.isEmpty() && kept.stream().noneMatch(Establishment::primary)) {
                kept.set(0, kept.get(0).withPrimary(true));
            }
            return kept;
        }
        if (current instanceof Map<?, ?> now) {
            Map<Object, Object> out = new LinkedHashMap<>(now);
            Map<?, ?> was = (Map<?, ?>) before;
            ((Map<?, ?>) after).forEach((k, v) -> {
                if (!was.containsKey(k) && Objects.equals(out.get(k), v)) {
                    out.remove(k);
                }
            });
            return out;
        }
        List<Object> added = new ArrayList<>((Collection<?>) after);
        added.removeAll((Collection<?>) before);
        List<Object> out = new ArrayList<>((Collection<?>) current);
        out.removeAll(added);
        return current instanceof Set<?> ? new LinkedHashSet<>(out) : out;
    }

    private static boolean empty(Object v) {
        return v == null || (v instanceof String s && s.isBlank());
    }

    static Object value(Employer e, String field) {
        for (RecordComponent c : Employer.class.getRecordComponents()) {
            if (c.getName().equals(field)) {
                try {
                    return c.getAccessor().invoke(e);
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        throw new IllegalArgumentException("employer has no field " + field);
    }
}
