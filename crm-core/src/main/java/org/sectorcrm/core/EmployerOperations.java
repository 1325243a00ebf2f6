package org.sectorcrm.core;

import java.util.ArrayList;
import java.util.List;
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
        Employer result = e;
        if (e.sector() == null && e.naics() != null) {
            List<Sector> sectors = new ArrayList<>();
            Page<Sector> page = changes.tx.sectors().query(SectorFilter.ALL, PageRequest.first(PageRequest.MAX_LIMIT));
            sectors.addAll(page.items());
            while (page.hasNext()) {
                page = changes.tx.sectors().query(SectorFilter.ALL, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
                sectors.addAll(page.items());
            }
            result = Sector.deriveFor(e.naics(), sectors).map(s -> e.withSector(s.id())).orElse(e);
        }
        List<Establishment> establishments = new ArrayList<>();
        for (Establishment s : result.establishments()) {
            establishments.add(s.id() == null ? s.withId(new EstablishmentId(changes.newId())) : s);
        }
        return result.withEstablishments(establishments);
    }

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
