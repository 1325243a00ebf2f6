package org.sectorcrm.core.matching;

import java.util.ArrayList;
import java.util.List;

import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;

/**
 * What the matcher knows of one employer record at one place, as text the way files and forms hold it: nothing is
 * validated (a FEIN with a typo, a ZIP+4 or a phone number with an extension are evidence, not errors).
 * {@code names} holds the legal name first, then trade names; a name may itself carry a DBA ("X LLC dba Y").
 */
public record MatchRecord(String key, List<String> names, String fein, String naics, String street, String city, String state,
        String zip, String phone, String website, String uiAccount) {
    public MatchRecord {
        if (key == null) {
            throw org.sectorcrm.core.ValidationException.of("match record", "key", "is required");
        }
        names = names == null ? List.of() : names.stream().filter(n -> n != null && !n.isBlank()).toList();
    }

    public static Builder builder(String key) {
        return new Builder(key);
    }

    /**
     * One record per establishment of a stored employer (key {@code employerId/establishmentId}), or one without an
     * address (key {@code employerId}) when it has none, so a new worksite is compared with each of the employer's.
     */
    public static List<MatchRecord> of(Employer e) {
        String id = e.id() == null ? "new" : e.id().toString();
        List<String> names = new ArrayList<>();
        names.add(e.legalName());
        names.addAll(e.tradeNames());
        Builder base = builder(id).names(names).fein(e.fein() == null ? null : e.fein().value())
                .naics(e.naics() == null ? null : e.naics().value()).phone(e.phone() == null ? null : e.phone().e164())
                .website(e.website());
        if (e.establishments().isEmpty()) {
            return List.of(base.build());
        }
        List<MatchRecord> out = new ArrayList<>();
        for (int i = 0; i < e.establishments().size(); i++) {
            Establishment site = e.establishments().get(i);
            Address a = site.address() == null ? new Address(null, null, null, null) : site.address();
            String naics = site.naics() != null ? site.naics().value() : e.naics() == null ? null : e.naics().value();
            out.add(base.key(id + "/" + (site.id() == null ? String.valueOf(i) : site.id().toString())).naics(naics)
                    .address(a.street(), a.city(), a.state(), a.zip()).uiAccount(site.uiAccountNumber()).build());
        }
        return out;
    }

    /** Builds a record field by field; every field is optional but the key. */
    public static final class Builder {
        private String key;
        private List<String> names = List.of();
        private String fein;
        private String naics;
        private String street;
        private String city;
        private String state;
        private String zip;
        private String phone;
        private String website;
        private String uiAccount;

        private Builder(String key) {
            this.key = key;
        }

        public Builder key(String key) {
            this.key = key;
            return this;
        }

        public Builder names(List<String> names) {
            this.names = List.copyOf(names.stream().filter(n -> n != null).toList());
            return this;
        }

        public Builder name(String legalName, String... tradeNames) {
            List<String> all = new ArrayList<>();
            all.add(legalName);
            all.addAll(List.of(tradeNames));
            return names(all);
        }

        public Builder fein(String fein) {
            this.fein = fein;
            return this;
        }

        public Builder naics(String naics) {
            this.naics = naics;
            return this;
        }

        public Builder address(String street, String city, String state, String zip) {
            this.street = street;
            this.city = city;
            this.state = state;
            this.zip = zip;
            return this;
        }

        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        public Builder website(String website) {
            this.website = website;
            return this;
        }

        public Builder uiAccount(String uiAccount) {
            this.uiAccount = uiAccount;
            return this;
        }

        public MatchRecord build() {
            return new MatchRecord(key, names, fein, naics, street, city, state, zip, phone, website, uiAccount);
        }
    }
}
