package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

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
import org.sectorcrm.core.engagement.NoteId;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * The search index on one engine: every type found by every word of its searchable text and gone once deleted,
 * words cut exactly as {@link SearchTerms#tokens} cuts them (Unicode separators included), no stopwords and no
 * length limits of the engine's own, texts far longer than a page, many hits paged, note visibility, and the
 * index filled from the documents when a migration asks for it.
 */
abstract class SearchIndexTestBase {
    private String url;
    private JdbcCrmStorage storage;
    private final Samples samples = new Samples(13);

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

    /** One record of every type, each referencing what it needs. */
    private List<Aggregate<?>> oneOfEach(Partner partner, StaffUser staff, Employer employer) {
        Engagement engagement = samples.engagement(employer.id(), partner.id(), staff.id());
        var solution = samples.solution(employer.id(), partner.id());
        List<Aggregate<?>> records = List.of(samples.region("IL-EDR-3"), samples.sector("HEALTH", "62"), partner, staff, employer,
                samples.contact(employer.id()), samples.partnership(partner.id(), employer.id()), samples.need(employer.id()), engagement, solution,
                samples.referral(employer.id(), partner.id(), staff.id(), new PartnerId(samples.uuid()), LocalDate.of(2026, 2, 1)),
                samples.appointment(employer.id(), partner.id(), staff.id(), LocalDateTime.of(2026, 3, 10, 10, 0), ZoneId.of("America/Chicago")),
                samples.outcome(employer.id()), samples.feedback(employer.id(), engagement.id()));
        assertThat(records.stream().map(r -> AggregateTypes.of(r).key()).toList()).as("test self-check: a record of every type")
                .containsExactlyInAnyOrderElementsOf(AggregateTypes.all().stream().map(AggregateType::key).toList());
        return records;
    }

    @Test
    void everyTypeIsFoundByEveryWordOfItsSearchableTextAndGoneOnceDeleted() {
        Partner partner = samples.partner();
        StaffUser staff = samples.staff(partner.id());
        List<Aggregate<?>> records = oneOfEach(partner, staff, samples.employer());
        write(tx -> records.forEach(r -> save(tx, r)));
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
        Employer e = samples.employer().withLegalName(text).withTradeNames(List.of()).withTags(Set.of());
        Employer decoy = samples.employer().withLegalName("Decoy Enterprises").withTradeNames(List.of()).withTags(Set.of());
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
        Partner pa = samples.partner();
        Partner pb = samples.partner();
        StaffUser author = samples.staff(pa.id());
        StaffUser colleague = samples.staff(pa.id());
        StaffUser outsider = samples.staff(pb.id());
        Employer employer = samples.employer();
        StringBuilder filler = new StringBuilder();
        for (int i = 0; filler.length() < 19_000; i++) {
            filler.append("filler").append(i).append(' ');
        }
        Engagement g = samples.engagement(employer.id(), pa.id(), author.id()).withSummary("Plant tour").withNotes(List.of(
                note(author, pa, Visibility.SHARED, filler + "sharedtailword"), note(author, pa, Visibility.PARTNER, filler + "partnertailword"),
                note(author, pa, Visibility.PRIVATE, filler + "privatetailword")));
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

    private Note note(StaffUser author, Partner partner, Visibility v, String text) {
        return new Note(new NoteId(samples.uuid()), author.id(), partner.id(), v, text, Samples.NOW);
    }

    @Test
    void manyHitsPageInIdOrderAndAnUpdateOrARolledBackWriteIsIndexedAsItEnds() {
        Employer employer = samples.employer();
        List<BusinessNeed> needs = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            needs.add(samples.need(employer.id()));
        }
        write(tx -> {
            tx.employers().save(employer, 0);
            needs.forEach(n -> tx.needs().save(n, 0));
        });
        List<BusinessNeed> sorted = needs.stream().sorted(Comparator.comparing(n -> n.id().asString())).toList();
        assertThat(storage.read((StorageTransaction tx) -> search(tx.needs(), "cnc operators", Reader.EVERYONE))).containsExactlyElementsOf(sorted);
        BusinessNeed first = sorted.get(0);
        BusinessNeed renamed = new BusinessNeed(first.id(), first.stamp().next(Samples.NOW), first.employer(), first.partnership(), first.category(),
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
        Employer employer = samples.employer();
        List<BusinessNeed> needs = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            needs.add(samples.need(employer.id()));
        }
        Partner partner = samples.partner();
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
