package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Engagements;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.Needs;
import org.sectorcrm.tck.fixtures.Notes;
import org.sectorcrm.tck.fixtures.Partners;
import org.sectorcrm.tck.fixtures.Records;
import org.sectorcrm.tck.fixtures.StaffUsers;

/**
 * The search index on one engine: every type found by every word of its searchable text and gone once deleted,
 * words cut exactly as {@link SearchTerms#tokens} cuts them (Unicode separators included), no stopwords and no
 * length limits of the engine's own, texts far longer than a page, many hits paged, note visibility, and the
 * index filled from the documents when a migration asks for it.
 */
abstract class SearchIndexTestBase {
    private String url;
    private JdbcCrmStorage storage;

    abstract TestDatabase db();

    @BeforeEach
    void open() {
        url = db().url();
        storage = db().builderFor(url).build();
        if (db().dialect() != Dialect.SQLITE) {
            db().clear();
        }
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private void write(java.util.function.Consumer<StorageTransaction> work) {
        storage.inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    private static <T extends Aggregate<?>> List<T> search(AggregateStore<?, T, ?> store, String query, Reader reader) {
        List<T> out = new ArrayList<>();
        Page<T> page = store.search(SearchTerms.parse(query), reader, PageRequest.first(7));
        out.addAll(page.items());
        while (page.hasNext()) {
            page = store.search(SearchTerms.parse(query), reader, PageRequest.after(page.nextCursor(), 7));
            out.addAll(page.items());
        }
        return out;
    }

    /** The kit's typical and full record of every type, referencing {@code employer} and {@code partner}. */
    private static List<Aggregate<?>> everyType(Employer employer, Partner partner) {
        List<Aggregate<?>> records = new ArrayList<>();
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            records.add(Records.typical(type, employer.id(), partner.id()));
            records.add(Records.full(type, employer.id(), partner.id()));
        }
        return records;
    }

    @Test
    void everyTypeIsFoundByEveryWordOfItsSearchableTextAndGoneOnceDeleted() {
        Partner partner = Partners.aPartner().build();
        Employer employer = Employers.anEmployer().build();
        List<Aggregate<?>> records = everyType(employer, partner);
        write(tx -> {
            tx.partners().save(partner, 0);
            tx.employers().save(employer, 0);
            records.forEach(r -> save(tx, r));
        });
        storage.read((StorageTransaction tx) -> {
            records.forEach(r -> expectFound(tx, r, true));
            return null;
        });
        write(tx -> {
            for (int i = records.size() - 1; i >= 0; i--) {
                delete(tx, records.get(i));
            }
        });
        storage.read((StorageTransaction tx) -> {
            records.forEach(r -> expectFound(tx, r, false));
            return null;
        });
    }

    private static <I extends Id, T extends Aggregate<I>> void save(StorageTransaction tx, Aggregate<?> record) {
        @SuppressWarnings("unchecked")
        T t = (T) record;
        tx.store(AggregateTypes.of(t)).save(t, 0);
    }

    private static <I extends Id, T extends Aggregate<I>> void delete(StorageTransaction tx, Aggregate<?> record) {
        @SuppressWarnings("unchecked")
        T t = (T) record;
        tx.store(AggregateTypes.of(t)).delete(t.id(), t.version());
    }

    private static <I extends Id, T extends Aggregate<I>> void expectFound(StorageTransaction tx, Aggregate<?> record, boolean found) {
        @SuppressWarnings("unchecked")
        T t = (T) record;
        AggregateType<I, T, ?> type = AggregateTypes.of(t);
        List<String> words = SearchTerms.tokens(type.searchableText(t, Reader.EVERYONE)).stream().filter(w -> w.length() >= SearchTerms.MIN_WORD)
                .distinct().toList();
        assertThat(words).as("test self-check: %s has searchable words", type).isNotEmpty();
        for (String word : words) {
            List<T> hits = search(tx.store(type), word, Reader.EVERYONE);
            if (found) {
                assertThat(hits).as("%s by '%s'", type, word).contains(t);
            } else {
                assertThat(hits).as("%s by '%s' after its delete", type, word).doesNotContain(t);
            }
        }
        if (found) {
            assertThat(search(tx.store(type), String.join(" ", words.subList(0, Math.min(words.size(), SearchTerms.MAX_WORDS))), Reader.EVERYONE))
                    .as("%s by all its words at once", type).contains(t);
        }
    }

    @Test
    void wordsAreCutExactlyAsSearchTermsTokensCutsThemWithNoStopwordsAndNoEngineLimits() {
        String text = "Zoë’s\u00a0Bakery—Main\u2013Street\u2011Works\u202fthe about com www and into 123 2026 ab "
                + "x".repeat(90) + " Ærøskøbing 東京精密 O'Neil";
        Employer e = Employers.anEmployer().named(text).withTradeNames().withTags().build();
        Employer decoy = Employers.anEmployer().named("Decoy Enterprises").withTradeNames().withTags().build();
        write(tx -> List.of(e, decoy).forEach(x -> tx.employers().save(x, 0)));
        List<String> tokens = SearchTerms.tokens(text).stream().filter(w -> w.length() >= SearchTerms.MIN_WORD).toList();
        assertThat(tokens).as("test self-check: the separators split").contains("zoë", "bakery", "main", "street", "works", "the", "neil");
        storage.read((StorageTransaction tx) -> {
            for (String token : tokens) {
                assertThat(search(tx.employers(), token, Reader.EVERYONE)).as("'%s'", token).containsExactly(e);
            }
            // Words are whole: no prefix or infix match, and the separators never glue words together.
            for (String query : List.of("zoës", "bakerymain", "mainstreet", "bak", "streetworks")) {
                assertThat(search(tx.employers(), query, Reader.EVERYONE)).as("'%s'", query).isEmpty();
            }
            return null;
        });
    }

    @Test
    void aTextFarLongerThanAPageIsFoundByItsLastWordAndOnlyByTheReadersOfItsNote() {
        Partner pa = Partners.aPartner().build();
        Partner pb = Partners.aPartner().build();
        StaffUser author = StaffUsers.aStaffUser().of(pa.id()).build();
        StaffUser colleague = StaffUsers.aStaffUser().of(pa.id()).build();
        StaffUser outsider = StaffUsers.aStaffUser().of(pb.id()).build();
        Employer employer = Employers.anEmployer().build();
        StringBuilder filler = new StringBuilder();
        for (int i = 0; filler.length() < 19_000; i++) {
            filler.append("filler").append(i).append(' ');
        }
        Engagement g = Engagements.anEngagement().forEmployer(employer.id()).by(author.id(), pa.id()).withSummary("Plant tour").withNotes(
                note(author, pa, Visibility.SHARED, filler + "sharedtailword"), note(author, pa, Visibility.PARTNER, filler + "partnertailword"),
                note(author, pa, Visibility.PRIVATE, filler + "privatetailword")).build();
        write(tx -> {
            List.of(pa, pb).forEach(p -> tx.partners().save(p, 0));
            List.of(author, colleague, outsider).forEach(u -> tx.staffUsers().save(u, 0));
            tx.employers().save(employer, 0);
            tx.engagements().save(g, 0);
        });
        record Case(String word, Reader reader, boolean found) {
        }
        Reader everyone = Reader.EVERYONE;
        Reader a = Reader.of(author.id(), pa.id());
        Reader c = Reader.of(colleague.id(), pa.id());
        Reader o = Reader.of(outsider.id(), pb.id());
        List<Case> cases = List.of(new Case("sharedtailword", everyone, true), new Case("sharedtailword", o, true), new Case("partnertailword", everyone, false),
                new Case("partnertailword", c, true), new Case("partnertailword", o, false), new Case("privatetailword", a, true),
                new Case("privatetailword", c, false), new Case("privatetailword", everyone, false), new Case("plant privatetailword partnertailword", a, true),
                new Case("plant privatetailword partnertailword", c, false), new Case("filler1234 tour", o, true));
        storage.read((StorageTransaction tx) -> {
            for (Case k : cases) {
                List<Engagement> hits = search(tx.engagements(), k.word(), k.reader());
                if (k.found()) {
                    assertThat(hits).as("'%s' for %s", k.word(), k.reader()).containsExactly(g);
                } else {
                    assertThat(hits).as("'%s' for %s", k.word(), k.reader()).isEmpty();
                }
            }
            return null;
        });
    }

    private static Note note(StaffUser author, Partner partner, Visibility v, String text) {
        return Notes.aNote().by(author.id(), partner.id()).visibleTo(v).saying(text).build();
    }

    /** A need that the search "cnc operators" finds. */
    private static BusinessNeed cncNeed(Employer employer) {
        return Needs.aNeed().of(employer.id()).describedAs("Twelve CNC operators by summer").build();
    }

    @Test
    void manyHitsPageInIdOrderAndAnUpdateOrARolledBackWriteIsIndexedAsItEnds() {
        Employer employer = Employers.anEmployer().build();
        List<BusinessNeed> needs = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            needs.add(cncNeed(employer));
        }
        write(tx -> {
            tx.employers().save(employer, 0);
            needs.forEach(n -> tx.needs().save(n, 0));
        });
        List<BusinessNeed> sorted = needs.stream().sorted(Comparator.comparing(n -> n.id().asString())).toList();
        assertThat(storage.read((StorageTransaction tx) -> search(tx.needs(), "cnc operators", Reader.EVERYONE))).containsExactlyElementsOf(sorted);
        BusinessNeed first = sorted.get(0);
        BusinessNeed renamed = new BusinessNeed(first.id(), first.stamp().next(Fixtures.NOW), first.employer(), first.partnership(), first.category(),
                "Welders wanted", first.urgency(), first.status(), first.raisedOn(), first.closedOn());
        write(tx -> {
            tx.needs().save(renamed, 1);
            assertThat(search(tx.needs(), "welders", Reader.EVERYONE)).as("inside the writing transaction").containsExactly(renamed);
            assertThat(search(tx.needs(), "cnc", Reader.EVERYONE)).hasSize(22);
        });
        Throwable t = catchThrowable(() -> write(tx -> {
            tx.needs().delete(renamed.id(), 2);
            assertThat(search(tx.needs(), "welders", Reader.EVERYONE)).isEmpty();
            throw new IllegalStateException("rolled back");
        }));
        assertThat(t).hasMessage("rolled back");
        assertThat(storage.read((StorageTransaction tx) -> search(tx.needs(), "welders", Reader.EVERYONE))).containsExactly(renamed);
        assertThat(storage.read((StorageTransaction tx) -> search(tx.needs(), "cnc", Reader.EVERYONE))).hasSize(22);
    }

    @Test
    void theIndexIsFilledFromTheDocumentsWhenAMigrationAsksForItResumingFromItsCursor() throws SQLException {
        // "präzision" finds the employer once the index is filled again.
        Employer employer = Employers.anEmployer().withTradeNames("Rock-River Präzision").build();
        List<BusinessNeed> needs = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            needs.add(cncNeed(employer));
        }
        Partner partner = Partners.aPartner().build();
        write(tx -> {
            tx.partners().save(partner, 0);
            tx.employers().save(employer, 0);
            needs.forEach(n -> tx.needs().save(n, 0));
        });
        List<BusinessNeed> sorted = needs.stream().sorted(Comparator.comparing(n -> n.id().asString())).toList();
        // What V003 leaves: an empty index and the request to fill it; here, a request resuming after the 600th need.
        execute("DELETE FROM crm_search_word");
        execute("INSERT INTO crm_search_reindex (id, record_type, after_id) VALUES (1, 'need', '" + sorted.get(599).id().asString() + "')");
        storage.close();
        storage = db().builderFor(url).build();
        assertThat(storage.read((StorageTransaction tx) -> search(tx.needs(), "cnc operators", Reader.EVERYONE))).as("the needs after the cursor")
                .containsExactlyElementsOf(sorted.subList(600, sorted.size()));
        assertThat(storage.read((StorageTransaction tx) -> search(tx.employers(), "präzision", Reader.EVERYONE))).as("types before the cursor's").isEmpty();
        // From the start: every type.
        execute("INSERT INTO crm_search_reindex (id) VALUES (1)");
        storage.close();
        storage = db().builderFor(url).build();
        assertThat(storage.read((StorageTransaction tx) -> search(tx.needs(), "cnc operators", Reader.EVERYONE))).containsExactlyElementsOf(sorted);
        assertThat(storage.read((StorageTransaction tx) -> search(tx.employers(), "präzision", Reader.EVERYONE))).containsExactly(employer);
        assertThat(storage.read((StorageTransaction tx) -> search(tx.partners(), partner.name(), Reader.EVERYONE))).containsExactly(partner);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db().connect(db().dialect() == Dialect.SQLITE ? url : db().schema()); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
