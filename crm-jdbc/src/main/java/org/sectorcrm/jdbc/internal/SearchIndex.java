package org.sectorcrm.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jdbi.v3.core.argument.Argument;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;

/**
 * The search index of every aggregate type: {@code crm_search_word} holds one row per (type, record, scope,
 * word). The words are those of {@link SearchWords} (cut by {@code SearchTerms.tokens}, the contract's own
 * tokenizer), taken from the descriptor's {@code searchableText(record, Reader.EVERYONE)} under scope
 * {@value #EVERYONE}, and from the layout's {@link Table.RestrictedText} under the scope of the readers who
 * may read it: {@code partner:<id>} (an engagement's PARTNER notes) or {@code staff:<id>} (PRIVATE notes).
 *
 * <p>Why a table of words rather than each engine's full-text index: it is exact on every engine (no stopword
 * list, no minimum token length, no tokenizer of the engine's own), a transaction sees its own rows at once
 * (InnoDB's FULLTEXT index does not until commit), one table serves every type, and the visibility of text is
 * a plain condition next to the word. The rows are written and deleted with the record, in its transaction.
 */
final class SearchIndex {
    /** The scope of text every reader may read. */
    static final String EVERYONE = "*";
    static final String TABLE = "crm_search_word";
    /** Its columns, in the order {@link #insert} writes them. */
    static final List<String> COLUMNS = List.of("record_type", "record_id", "scope", "word");

    private SearchIndex() {
    }

    static String partnerScope(PartnerId partner) {
        return "partner:" + partner.asString();
    }

    static String staffScope(StaffUserId staff) {
        return "staff:" + staff.asString();
    }

    /** The scopes {@code reader} may read. */
    static List<String> scopes(Reader reader) {
        if (reader.user() == null) {
            return List.of(EVERYONE);
        }
        return List.of(EVERYONE, partnerScope(reader.partner()), staffScope(reader.user()));
    }

    /** The index rows of {@code record}, as (scope, word) pairs: each word once per scope, restricted words only where not public. */
    static <I extends Id, T extends Aggregate<I>> List<String[]> entries(Table<I, T, ?> table, T record) {
        Set<String> everyone = SearchWords.of(table.type.searchableText(record, Reader.EVERYONE));
        List<String[]> entries = new ArrayList<>();
        for (String w : everyone) {
            entries.add(new String[] {EVERYONE, w});
        }
        if (table.restrictedText != null) {
            Set<String> seen = new TreeSet<>();
            for (Table.RestrictedText r : table.restrictedText.apply(record)) {
                for (String w : SearchWords.of(r.text())) {
                    if (!everyone.contains(w) && seen.add(r.scope() + " " + w)) {
                        entries.add(new String[] {r.scope(), w});
                    }
                }
            }
        }
        return entries;
    }

    /** Writes the index rows of {@code record}; {@code replace}: after deleting those of its previous version. */
    static <I extends Id, T extends Aggregate<I>> void write(TxState s, Table<I, T, ?> table, T record, boolean replace) {
        if (replace) {
            remove(s, table, record.id());
        }
        insert(s, List.of(record), table);
    }

    /** Inserts the index rows of {@code records}, in one batch. */
    static <I extends Id, T extends Aggregate<I>> void insert(TxState s, List<T> records, Table<I, T, ?> table) {
        SqlDialect d = s.dialect();
        List<List<Argument>> rows = new ArrayList<>();
        for (T record : records) {
            for (String[] e : entries(table, record)) {
                rows.add(List.of(d.arg(ColumnType.TEXT, table.recordType()), d.arg(ColumnType.TEXT, record.id().asString()), d.arg(ColumnType.TEXT, e[0]),
                        d.arg(ColumnType.TEXT, e[1])));
            }
        }
        s.batch("INSERT INTO " + TABLE + " (" + String.join(", ", COLUMNS) + ") VALUES (?, ?, ?, ?)", rows);
    }

    /** Deletes the index rows of the records {@code ids}, in one batch. */
    static void removeAll(TxState s, Table<?, ?, ?> table, List<? extends Id> ids) {
        SqlDialect d = s.dialect();
        List<List<Argument>> rows = new ArrayList<>(ids.size());
        for (Id id : ids) {
            rows.add(List.of(d.arg(ColumnType.TEXT, table.recordType()), d.arg(ColumnType.TEXT, id.asString())));
        }
        s.batch("DELETE FROM " + TABLE + " WHERE record_type = ? AND record_id = ?", rows);
    }

    /** Deletes the index rows of one record. */
    static void remove(TxState s, Table<?, ?, ?> table, Id id) {
        SqlDialect d = s.dialect();
        s.update(new Sql("DELETE FROM crm_search_word WHERE record_type = ? AND record_id = ?", d.arg(ColumnType.TEXT, table.recordType()),
                d.arg(ColumnType.TEXT, id.asString())));
    }

    /**
     * The condition on {@code t.id} for rows whose readable text holds every word of {@code terms}: one
     * {@code t.id IN (...)} per word, each over the reader's scopes, so the words may come from different scopes (the
     * summary and a note). Why not one subquery {@code WHERE word IN (...) GROUP BY record_id HAVING COUNT(DISTINCT
     * word) = n}: SQLite then reads the group in record order through {@code crm_search_word_record}, i.e. every index
     * row of the type, instead of the few rows of each word through the primary key (issue 13: 14 times slower than
     * the raw INTERSECT on 5,000 employers). Each per-word subquery is a primary-key range on every engine.
     */
    static Sql condition(SqlDialect d, Table<?, ?, ?> table, SearchTerms terms, Reader reader) {
        List<String> words = SearchWords.of(terms);
        List<String> scopes = scopes(reader);
        Sql sql = new Sql("(");
        for (int i = 0; i < words.size(); i++) {
            sql.add((i == 0 ? "" : " AND ") + "t.id IN (SELECT " + d.idFromText("w.record_id", table.idType())
                    + " FROM crm_search_word w WHERE w.record_type = ?", d.arg(ColumnType.TEXT, table.recordType()));
            sql.add(" AND w.word = ?", d.arg(ColumnType.TEXT, words.get(i)));
            in(sql, " AND w.scope IN (", scopes, d);
            sql.add(")");
        }
        return sql.add(")");
    }

    private static void in(Sql sql, String prefix, List<String> values, SqlDialect d) {
        sql.add(prefix);
        for (int i = 0; i < values.size(); i++) {
            sql.add(i == 0 ? "?" : ", ?", d.arg(ColumnType.TEXT, values.get(i)));
        }
        sql.add(")");
    }
}
