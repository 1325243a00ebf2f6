package org.sectorcrm.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.ReferenceFilters.SectorFilter;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * Employers: FEIN unique when present; the sector derives from the NAICS code by longest prefix when not set;
 * establishments get ids when they have none; region, sector and lead partner must exist.
 */
public final class EmployerOperations extends RecordOperations<EmployerId, Employer, EmployerFilter, Employer> {
    EmployerOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.EMPLOYER);
    }

    @Override
    Employer prepare(Changes changes, Employer e, Employer stored) {
        Check c = Check.of(key());
        if (e.region() != null && changes.tx.regions().find(e.region()).isEmpty()) {
            c.fail("region", "region " + e.region() + " does not exist");
        }
        if (e.sector() != null && changes.tx.sectors().find(e.sector()).isEmpty()) {
            c.fail("sector", "sector " + e.sector() + " does not exist");
        }
        if (e.lead() != null && changes.tx.partners().find(e.lead().partner()).isEmpty()) {
            c.fail("lead.partner", "partner " + e.lead().partner() + " does not exist");
        }
        if (e.lead() != null && e.lead().staff() != null) {
            var staff = changes.tx.staffUsers().find(e.lead().staff());
            c.that(staff.isPresent() && staff.get().partner().equals(e.lead().partner()), "lead.staff",
                    "must be a staff user of the lead partner " + e.lead().partner());
        }
        c.throwIfInvalid();
        Employer result = e.withDoNotContact(DoNotContacts.decidedBy(actor, e.doNotContact(), stored == null ? null : stored.doNotContact()));
        if (e.sector() == null && e.naics() != null) {
            List<Sector> sectors = new ArrayList<>();
            Page<Sector> page = changes.tx.sectors().query(SectorFilter.ALL, PageRequest.first(PageRequest.MAX_LIMIT));
            sectors.addAll(page.items());
            while (page.hasNext()) {
                page = changes.tx.sectors().query(SectorFilter.ALL, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
                sectors.addAll(page.items());
            }
            Employer flagged = result;
            result = Sector.deriveFor(e.naics(), sectors).map(s -> flagged.withSector(s.id())).orElse(flagged);
        }
        List<Establishment> establishments = new ArrayList<>();
        for (Establishment s : result.establishments()) {
            establishments.add(s.id() == null ? s.withId(new EstablishmentId(changes.newId())) : s);
        }
        return result.withEstablishments(establishments);
    }

    /**
     * The stored employers {@code draft} may duplicate, best first (at most ten), each with the matcher's level, score and
     * reasons; nothing is stored. Candidates are found by blocking through the store (same FEIN, a worksite in one of
     * the draft's ZIP codes, a distinctive name word in the search index), never by reading every employer, and read
     * as this session's user reads employers. A stored draft (with an id) is not its own duplicate.
     *
     * @since 2
     */
    public List<org.sectorcrm.core.matching.LikelyDuplicate> likelyDuplicates(Employer draft) {
        require(key(), "record", draft);
        return crm.storage().read(tx -> EmployerDuplicates.find(tx, MATCHER, draft));
    }

    /**
     * Creates {@code draft} unless it likely duplicates a stored employer: then nothing is stored and the answer lists the
     * candidates with their reasons ({@link #likelyDuplicates}). The caller uses the existing employer, adds the worksite
     * to it ({@link #addAsEstablishment}) or creates anyway ({@link #createAnyway}). The check and the create are one
     * transaction.
     *
     * @since 2
     */
    public EmployerCreation createIfNew(Employer draft) {
        require(key(), "record", draft);
        actor.require(writeRole(), "create a " + key());
        return crm.write(actor, changes -> {
            List<org.sectorcrm.core.matching.LikelyDuplicate> found = EmployerDuplicates.find(changes.tx, MATCHER, draft);
            if (!found.isEmpty()) {
                return new EmployerCreation(null, found);
            }
            return new EmployerCreation(store(changes, draft), List.of());
        });
    }

    /**
     * Creates {@code draft} although it may duplicate stored employers: like {@link #create}, and when there are likely
     * duplicates the audit trail records, beside the creation, an entry {@code CREATED_DESPITE_DUPLICATES} naming each
     * candidate with its reasons.
     *
     * @since 2
     */
    public Employer createAnyway(Employer draft) {
        require(key(), "record", draft);
        actor.require(writeRole(), "create a " + key());
        return crm.write(actor, changes -> {
            List<org.sectorcrm.core.matching.LikelyDuplicate> found = EmployerDuplicates.find(changes.tx, MATCHER, draft);
            Employer created = store(changes, draft);
            if (!found.isEmpty()) {
                List<String> named = new ArrayList<>();
                for (var d : found) {
                    named.add(d.employer().id() + " " + d.employer().legalName() + " (" + d.result().level() + ": " + d.result().explanation() + ")");
                }
                changes.audit(CREATED_DESPITE_DUPLICATES, key(), created.id().asString(), "created although likely duplicating " + String.join("; ", named));
            }
            return created;
        });
    }

    /** The audit action of {@link #createAnyway} when it overrode likely duplicates. */
    public static final String CREATED_DESPITE_DUPLICATES = "CREATED_DESPITE_DUPLICATES";

    /**
     * Adds the worksites of {@code draft} (a new record found to duplicate {@code existing}) to the stored employer as new
     * establishments, read at {@code expectedVersion}; a legal or trade name of the draft the employer does not have yet
     * becomes a trade name. Other fields of the draft are not taken (the stored employer's win). One update, audited as such.
     *
     * @throws ValidationException when the draft has no establishment
     * @since 2
     */
    public Employer addAsEstablishment(EmployerId existing, long expectedVersion, Employer draft) {
        require(key(), "record", draft);
        requireId(existing);
        if (draft.establishments().isEmpty()) {
            throw ValidationException.of(key(), "establishments", "the new record has no worksite to add to employer " + existing);
        }
        actor.require(writeRole(), "change a " + key());
        return crm.write(actor, changes -> {
            Employer stored = loadForWrite(changes, existing, expectedVersion);
            List<Establishment> sites = new ArrayList<>(stored.establishments());
            for (Establishment s : draft.establishments()) {
                Establishment site = s.withId(null);
                sites.add(stored.establishments().isEmpty() ? site : site.withPrimary(false));
            }
            List<String> trade = new ArrayList<>(stored.tradeNames());
            List<String> offered = new ArrayList<>();
            offered.add(draft.legalName());
            offered.addAll(draft.tradeNames());
            for (String n : offered) {
                if (!n.equalsIgnoreCase(stored.legalName()) && trade.stream().noneMatch(n::equalsIgnoreCase)) {
                    trade.add(n);
                }
            }
            Employer next = stored.withEstablishments(sites).withTradeNames(trade);
            return saveChanged(changes, stored, prepareUpdate(changes, stored, next), false);
        });
    }

    /**
     * The employer with this id, or, when it was merged into another, the survivor (following later merges too): the
     * returned record's id then differs from {@code id}. {@link #find} stays exact (empty for a merged id).
     */
    @Override
    public Employer get(EmployerId id) {
        requireId(id);
        // A stored employer is one SELECT (CrmStorage.find, which a cache answers without a transaction); only an id
        // that is not stored is followed through the merge records (issue 13: resolving first read every employer twice).
        Optional<Employer> stored = crm.storage().find(AggregateTypes.EMPLOYER, id);
        if (stored.isPresent()) {
            return stored.get();
        }
        return crm.storage().read(tx -> DedupeOperations.resolve(tx, id).flatMap(r -> tx.employers().find(r)))
                .orElseThrow(() -> new NotFoundException(key(), id));
    }

    private Employer store(Changes changes, Employer draft) {
        Employer complete = prepareCreate(changes, draft);
        store(changes.tx).save(complete, 0);
        changes.created(type, complete.id(), complete.version());
        return complete;
    }

    private static final org.sectorcrm.core.matching.Matcher MATCHER = org.sectorcrm.core.matching.Matcher.withDefaults();

    /** Employers whose legal name, trade names or tags contain every word of the query (3+ letters each). */
    public Page<Employer> search(String query, PageRequest page) {
        SearchTerms terms = SearchTerms.parse(query);
        require(key(), "page", page);
        return crm.storage().read(tx -> tx.employers().search(terms, org.sectorcrm.core.search.Reader.EVERYONE, page));
    }

    /** Employers per region and sector, counted by the storage. */
    public List<org.sectorcrm.core.spi.ReportQueries.GroupCount> countByRegionAndSector(EmployerFilter filter) {
        require(key(), "filter", filter);
        return crm.storage().read(tx -> tx.reports().countByRegionAndSector(filter));
    }
}
