package org.sectorcrm.core.matching.internal;

import java.util.List;

import org.sectorcrm.core.matching.MatchRecord;

/** A {@link MatchRecord} normalised once, so that each of its many comparisons only compares. */
public final class Profile {
    final MatchRecord record;
    final NameForm[] names;
    final String fein;
    final String phone;
    final String domain;
    final String ui;
    final String naics;
    final Site site;

    private Profile(MatchRecord record) {
        this.record = record;
        List<List<String>> variants = Names.variants(record.names());
        this.names = variants.stream().map(NameForm::new).toArray(NameForm[]::new);
        this.fein = Identifiers.fein(record.fein());
        this.phone = Identifiers.phone(record.phone());
        this.domain = Identifiers.domain(record.website());
        this.ui = Identifiers.uiAccount(record.uiAccount());
        this.naics = Identifiers.naics(record.naics());
        this.site = Site.of(record.street(), record.city(), record.state(), record.zip());
    }

    public static Profile of(MatchRecord record) {
        return new Profile(record);
    }

    public MatchRecord record() {
        return record;
    }

    String fein() {
        return fein;
    }

    Site site() {
        return site;
    }

    /** Whether two profiles hold the same evidence (their records may still differ in the key or in spelling). */
    boolean sameEvidence(Profile o) {
        if (names.length != o.names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (!names[i].joined.equals(o.names[i].joined)) {
                return false;
            }
        }
        return java.util.Objects.equals(fein, o.fein) && java.util.Objects.equals(phone, o.phone) && java.util.Objects.equals(domain, o.domain)
                && java.util.Objects.equals(ui, o.ui) && java.util.Objects.equals(naics, o.naics) && java.util.Objects.equals(site.number, o.site.number)
                && java.util.Objects.equals(site.street, o.site.street) && java.util.Objects.equals(site.poBox, o.site.poBox)
                && java.util.Objects.equals(site.city, o.site.city) && java.util.Objects.equals(site.zip5, o.site.zip5);
    }
}
