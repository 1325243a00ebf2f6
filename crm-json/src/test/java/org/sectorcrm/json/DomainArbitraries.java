package org.sectorcrm.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentId;
import org.sectorcrm.core.appointment.AppointmentStatus;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditId;
import org.sectorcrm.core.audit.FieldChange;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.employer.RelationshipLead;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.engagement.NoteId;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.PhoneNumber;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.ReferralId;

/**
 * Valid random domain values for round-trip properties: unicode text up to the {@link Limits} (with leading and trailing
 * blanks), every optional field sometimes absent, instants and wall-clock times to the nanosecond.
 */
final class DomainArbitraries {
    private static final List<String> FEIN_PREFIXES = List.of("01", "06", "10", "16", "20", "27", "30", "39", "40", "48", "50", "68",
            "71", "77", "80", "88", "90", "95", "98", "99");

    private DomainArbitraries() {
    }

    static <T> Arbitrary<T> id(Function<UUID, T> create) {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((a, b) -> create.apply(new UUID(a, b)));
    }

    /** Non-blank text of 1 to {@code max} UTF-16 units: ASCII, Latin, CJK, JSON-special characters and sometimes an emoji. */
    static Arbitrary<String> text(int max) {
        Arbitrary<String> body = Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u024f').withCharRange('\u4e00', '\u4e7f')
                .withChars('\n', '\t', '\r', '"', '\\', '/', '\u2028', '\u2029').ofMinLength(1).ofMaxLength(max);
        Arbitrary<String> emoji = Arbitraries.of("", "", "😀", "👩‍🏭");
        // with a visible character: crm-core refuses a required text of blanks and invisible ones (U+00A0, U+00AD) only
        return Combinators.combine(emoji, body).as((e, b) -> (e + b).length() <= max ? e + b : b)
                .filter(s -> s.codePoints().anyMatch(c -> c > ' ' && c != 0xA0 && c != 0xAD && c != 0x2028 && c != 0x2029));
    }

    static Arbitrary<String> optionalText(int max) {
        return text(max).injectNull(0.3);
    }

    static Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(0, 4_102_444_800L), Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
    }

    static Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 60_000).map(d -> LocalDate.of(1990, 1, 1).plusDays(d));
    }

    static Arbitrary<Stamp> stamps() {
        return Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE), instants(), Arbitraries.longs().between(0, 10_000_000_000L),
                id(PartnerId::new)).as((v, created, later, by) -> new Stamp(v, created, created.plusMillis(later), by));
    }

    static Arbitrary<Fein> feins() {
        return Combinators.combine(Arbitraries.of(FEIN_PREFIXES), Arbitraries.strings().numeric().ofLength(7)).as((p, d) -> new Fein(p + d));
    }

    static Arbitrary<NaicsCode> naics() {
        return Arbitraries.of(new ArrayList<>(NaicsCode.sixDigitCodes())).map(NaicsCode::new);
    }

    static Arbitrary<String> tags() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('0', '9').with('Ä', 'é', '工');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '.', '_', '-', 'ß', '場').ofMaxLength(99);
        return Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    static Arbitrary<String> codes() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').withChars('.', '_', '-').ofMaxLength(63).map(s -> "R" + s);
    }

    static Arbitrary<Address> addresses() {
        Arbitrary<String> state = Arbitraries.of(new ArrayList<>(Address.STATES)).injectNull(0.3); // USPS codes only
        Arbitrary<String> zip = Combinators.combine(Arbitraries.strings().numeric().ofLength(5), Arbitraries.strings().numeric().ofLength(4).injectNull(0.5))
                .as((z, plus) -> plus == null ? z : z + "-" + plus).injectNull(0.3);
        return Combinators.combine(optionalText(Limits.NAME), optionalText(Limits.NAME), state, zip).as(Address::new);
    }

    /** Web addresses as crm-core accepts them: http(s), a host, no blanks; sometimes an international domain or path. */
    static Arbitrary<String> websites() {
        return Combinators.combine(Arbitraries.of("https://", "http://", "HTTPS://"), Arbitraries.strings().withCharRange('a', 'z').withChars('ä', '工')
                .ofMinLength(1).ofMaxLength(30), Arbitraries.of("", "/", "/about", "/p?q=1&r=%C3%BC", "/ü/工場#x"))
                .as((scheme, host, path) -> scheme + host + ".example" + path).injectNull(0.3);
    }

    static Arbitrary<Establishment> establishments() {
        return Combinators.combine(id(EstablishmentId::new).injectNull(0.2), text(Limits.NAME), addresses().injectNull(0.2), optionalText(Limits.NAME),
                optionalText(Limits.CODE), naics().injectNull(0.5)).as((id, name, address, county, ui, naics) ->
                new Establishment(id, name, address, county, ui, naics, false));
    }

    static Arbitrary<List<Establishment>> establishmentLists() {
        // Ids must be distinct when present (jqwik's edge cases repeat them); any number may be null.
        return establishments().list().ofMaxSize(4).uniqueElements(e -> e.id() == null ? new Object() : e.id()).flatMap(list -> list.isEmpty()
                ? Arbitraries.just(list)
                : Arbitraries.integers().between(0, list.size() - 1).map(primary -> {
                    List<Establishment> marked = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        marked.add(list.get(i).withPrimary(i == primary));
                    }
                    return marked;
                }));
    }

    static Arbitrary<Employer> employers() {
        Arbitrary<Employer> core = Combinators.combine(id(EmployerId::new).injectNull(0.2), stamps().injectNull(0.2), text(Limits.NAME),
                text(Limits.NAME).list().ofMaxSize(3), feins().injectNull(0.3), naics().injectNull(0.3),
                codes().map(SectorCode::new).injectNull(0.3), codes().map(RegionCode::new).injectNull(0.3))
                .as((id, stamp, name, trade, fein, naics, sector, region) -> new Employer(id, stamp, name, trade, fein, naics, sector, region,
                        List.of(), null, null, EmployerStatus.PROSPECT, null, null, null));
        Arbitrary<RelationshipLead> leads = Combinators.combine(id(PartnerId::new), id(StaffUserId::new).injectNull(0.5)).as(RelationshipLead::new);
        return Combinators.combine(core, establishmentLists(), Arbitraries.integers().between(0, 5_000_000).injectNull(0.3),
                websites(), Arbitraries.of(EmployerStatus.class), tags().set().ofMaxSize(4), leads.injectNull(0.4),
                Arbitraries.maps(text(Limits.CODE), text(Limits.DESCRIPTION)).ofMaxSize(3))
                .as((e, establishments, employees, website, status, tags, lead, custom) -> e.withEstablishments(establishments).withEmployees(employees)
                        .withWebsite(website).withStatus(status).withTags(tags).withLead(lead).withCustomFields(custom))
                .flatMap(e -> phones().injectNull(0.4).map(e::withPhone));
    }

    static Arbitrary<PhoneNumber> phones() {
        Arbitrary<String> nxx = Combinators.combine(Arbitraries.integers().between(2, 9), Arbitraries.strings().numeric().ofLength(2)).as((d, r) -> d + r);
        Arbitrary<String> extension = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6).injectNull(0.6);
        return Combinators.combine(nxx, nxx, Arbitraries.strings().numeric().ofLength(4), extension)
                .as((area, exchange, line, ext) -> new PhoneNumber("+1" + area + exchange + line, ext));
    }

    /** Wall-clock times from 1990 to 2150 with any nanosecond, including times in a daylight-saving gap or overlap. */
    static Arbitrary<LocalDateTime> localDateTimes() {
        return Combinators.combine(Arbitraries.longs().between(0, 160L * 366 * 86_400), Arbitraries.integers().between(0, 999_999_999))
                .as((seconds, nanos) -> LocalDateTime.of(1990, 1, 1, 0, 0).plusSeconds(seconds).withNano(nanos));
    }

    /** Region ids of the JDK's time-zone database, fixed offsets (to the second) and UTC. */
    static Arbitrary<ZoneId> zones() {
        Arbitrary<ZoneId> regions = Arbitraries.of(new java.util.TreeSet<>(ZoneId.getAvailableZoneIds())).map(ZoneId::of);
        Arbitrary<ZoneId> offsets = Arbitraries.integers().between(-18 * 3600, 18 * 3600).map(ZoneOffset::ofTotalSeconds);
        return Arbitraries.frequencyOf(Tuple.of(6, regions), Tuple.of(3, offsets), Tuple.of(1, Arbitraries.just(ZoneId.of("UTC"))));
    }

    static Arbitrary<Appointment> appointments() {
        Arbitrary<String> videoLinks = Combinators.combine(Arbitraries.of("https://", "http://", "HTTPS://"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20), Arbitraries.of("", "/room", "/r?id=42&x=%C3%BC", "/ü/工場"))
                .as((scheme, host, path) -> scheme + host + ".example" + path).injectNull(0.4);
        Arbitrary<Appointment> core = Combinators.combine(id(AppointmentId::new).injectNull(0.2), stamps().injectNull(0.2), id(EmployerId::new),
                id(PartnerId::new), id(StaffUserId::new), text(Limits.NAME), localDateTimes(), Arbitraries.longs().between(1, 40L * 86_400_000_000_000L))
                .as((id, stamp, employer, partner, organizer, title, start, nanos) -> new Appointment(id, stamp, employer, null, null, null, partner,
                        organizer, title, start, start.plusNanos(nanos), ZoneId.of("UTC"), null, null, Set.of(), Set.of(), AppointmentStatus.SCHEDULED,
                        null, null));
        Arbitrary<Appointment> placed = Combinators.combine(core, zones(), optionalText(Limits.NAME), videoLinks, id(ContactId::new).set().ofMaxSize(3),
                id(StaffUserId::new).set().ofMaxSize(3), id(ReferralId::new).injectNull(0.5), id(EngagementId::new).injectNull(0.5))
                .as((a, zone, location, video, contacts, staff, referral, engagement) -> a.reschedule(a.start(), a.end(), zone).at(location, video)
                        .attendedBy(contacts, staff).about(referral, engagement, null))
                .flatMap(a -> id(PartnershipId::new).injectNull(0.5).map(p -> a.about(a.referral(), a.engagement(), p)));
        return Combinators.combine(placed, Arbitraries.of(AppointmentStatus.class), optionalText(Limits.DESCRIPTION), id(EngagementId::new).injectNull(0.5))
                .as((a, status, reason, produced) -> switch (status) {
                    case SCHEDULED -> a;
                    case HELD -> a.hold(produced);
                    case CANCELLED -> a.cancel(reason);
                    case NO_SHOW -> a.noShow();
                });
    }

    static Arbitrary<FieldChange> fieldChanges() {
        // Values are any text, blank and padded included: an audit trail keeps what the field held.
        Arbitrary<String> value = Arbitraries.oneOf(text(Limits.NOTE), Arbitraries.of(" ", "", "  padded  ", "\t")).injectNull(0.3);
        Arbitrary<String> restriction = Arbitraries.of(FieldChange.PII, "NOTE PRIVATE 0190f5a2-7c3e-7abc-8def-000000000003 "
                + "0190f5a2-7c3e-7abc-8def-000000000001").injectNull(0.6);
        return Combinators.combine(text(Limits.NAME), value, value, restriction).as(FieldChange::new);
    }

    static Arbitrary<AuditEntry> auditEntries() {
        return Combinators.combine(id(AuditId::new), instants(), id(StaffUserId::new), id(PartnerId::new), text(Limits.CODE), text(Limits.CODE),
                optionalText(Limits.CODE), text(Limits.NAME).list().ofMaxSize(3))
                .as((id, at, actor, partner, action, type, recordId, fields) -> new AuditEntry(id, at, actor, partner, action, type, recordId, fields, null))
                .flatMap(e -> Combinators.combine(optionalText(Limits.DESCRIPTION), fieldChanges().list().ofMaxSize(4)).as((detail, changes) ->
                        new AuditEntry(e.id(), e.at(), e.actor(), e.partner(), e.action(), e.recordType(), e.recordId(), e.changedFields(), detail, changes)));
    }

    static Arbitrary<Note> notes() {
        return Combinators.combine(id(NoteId::new).injectNull(0.2), id(StaffUserId::new), id(PartnerId::new), Arbitraries.of(Visibility.class),
                text(Limits.NOTE), instants()).as(Note::new);
    }

    static Arbitrary<Engagement> engagements() {
        Arbitrary<Engagement> core = Combinators.combine(id(EngagementId::new).injectNull(0.2), stamps().injectNull(0.2), id(EmployerId::new),
                id(EstablishmentId::new).injectNull(0.5), id(PartnershipId::new).injectNull(0.5), id(PartnerId::new), id(StaffUserId::new), dates())
                .as((id, stamp, employer, establishment, partnership, partner, staff, date) -> new Engagement(id, stamp, employer, establishment,
                        partnership, partner, staff, date, Channel.MEETING, false, "s", null, null, null, null, null, null));
        return Combinators.combine(core, Arbitraries.of(Channel.class), Arbitraries.of(true, false), text(Limits.DESCRIPTION),
                notes().list().ofMaxSize(3).uniqueElements(n -> n.id() == null ? new Object() : n.id()), id(ContactId::new).set().ofMaxSize(3),
                Arbitraries.of(EseCategory.class).set(), id(NeedId::new).set().ofMaxSize(3))
                .as((e, channel, assisted, summary, notes, contacts, services, needs) -> new Engagement(e.id(), e.stamp(), e.employer(),
                        e.establishment(), e.partnership(), e.partner(), e.staff(), e.date(), channel, assisted && channel.canBeStaffAssisted(),
                        summary, notes, contacts, services, needs, null, null))
                .flatMap(e -> Combinators.combine(Arbitraries.integers().between(0, 400).injectNull(0.4), optionalText(Limits.CODE))
                        .as((days, external) -> e.withFollowUpDue(days == null ? null : e.date().plusDays(days)).withExternalId(external)));
    }
}
