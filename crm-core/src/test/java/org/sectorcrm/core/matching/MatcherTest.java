package org.sectorcrm.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MatcherTest {
    private final Matcher matcher = Matcher.withDefaults();

    private static MatchRecord.Builder rec(String key, String name) {
        return MatchRecord.builder(key).name(name);
    }

    /** The route and grid-road forms of Illinois and its neighbours (IN, WI, IA, MO, KY): one road, however written; two roads apart. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} = {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "12 State Route 9|12 IL-9", "12 State Route 9|12 Illinois Route 9", "4567 US Highway 41|4567 US-41", "4567 U.S. Hwy 41|4567 Hwy 41",
        "N1234 County Road K|N1234 CTH K", "N1234 County Hwy K|N1234 County Trunk Highway K", "W5678 State Highway 33|W5678 STH 33",
        "W5678 State Hwy 33|W5678 WI-33", "1234 E 300 S|1234 E County Road 300 S", "5500 State Road 37|5500 IN-37", "800 KY Hwy 80|800 Kentucky 80",
        "3100 Iowa Highway 1|3100 IA-1", "1200 State Highway Z|1200 Route Z", "1500 North 2000 East Road|1500 N 2000E Rd",
        "4495 Staate Route 99|4495 State Route 99", "9627 N. Stae Ct.|9627 North State Court"})
    void oneRoadWrittenTwoWaysIsOneWorksite(String x, String y) {
        MatchResult r = matcher.compare(rec("a", "Becker Farm Supply LLC").address(x, "Quincy", "IL", "62301").build(),
                rec("b", "Becker Farm Supply").address(y, "Quincy", "IL", "62301").build());
        assertThat(r.level()).as(r.explanation()).isEqualTo(MatchLevel.ESTABLISHMENT);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} <> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "12 State Route 9|12 State Route 19", "4567 US Highway 41|4567 US Highway 45", "N1234 County Road K|N1234 County Road KK",
        "1234 E 300 S|1234 E 300 N", "1234 120th St|1234 12th St"})
    void twoRoadsAlikeInLettersAreTwoWorksites(String x, String y) {
        MatchResult r = matcher.compare(rec("a", "Becker Farm Supply LLC").address(x, "Quincy", "IL", "62301").phone("217-555-0101").build(),
                rec("b", "Becker Farm Supply").address(y, "Quincy", "IL", "62301").phone("217-555-0101").build());
        assertThat(r.level()).as(r.explanation()).isEqualTo(MatchLevel.COMPANY);
        assertThat(r.explanation()).contains("other street address");
    }

    @Test
    void legalSuffixesPunctuationAndAmpersandDoNotMatter() {
        MatchResult r = matcher.compare(rec("a", "Acme Tool & Die, Inc.").address("1200 N. Main Street", "Rockford", "IL", "61101").build(),
                rec("b", "ACME TOOL AND DIE").address("1200 North Main St", "Rockford", "IL", "61101-2233").build());
        assertThat(r.level()).isEqualTo(MatchLevel.ESTABLISHMENT);
        assertThat(r.explanation()).isEqualTo("name 1.00 + same street number + same ZIP");
    }

    @Test
    void sameFeinIsOneCompanyAtTwoWorksites() {
        MatchResult r = matcher.compare(rec("a", "Midwest Grain Co").fein("36-1234567").address("10 Elm St", "Peoria", "IL", "61602").build(),
                rec("b", "Midwest Grain Company").fein("361234567").address("400 Oak Ave", "Decatur", "IL", "62521").build());
        assertThat(r.level()).isEqualTo(MatchLevel.COMPANY);
        assertThat(r.reasons()).first().isEqualTo("same FEIN");
    }

    @Test
    void franchiseesOfOneBrandAreNotOneCompany() {
        MatchResult r = matcher.compare(
                rec("a", "Hometown Pizza").fein("36-1111111").website("https://www.hometownpizza.com/locations/peoria").address("1 Main St", "Peoria", "IL", "61602").build(),
                rec("b", "Hometown Pizza").fein("37-2222222").website("hometownpizza.com/locations/normal").address("9 Main St", "Normal", "IL", "61761").build());
        assertThat(r.level()).isEqualTo(MatchLevel.NONE);
        assertThat(r.reasons()).contains("same brand but different FEIN");
    }

    @Test
    void aFamilyFarmAndTheFamilysTruckingLlcAtOneAddressStayApart() {
        MatchResult r = matcher.compare(
                rec("a", "Miller Family Farms").naics("111150").address("2250 County Road 1200 N", "Tuscola", "IL", "61953").phone("217-555-0144").build(),
                rec("b", "Miller Trucking LLC").naics("484121").address("2250 CR 1200 North", "Tuscola", "IL", "61953").phone("(217) 555-0144").build());
        assertThat(r.level()).isEqualTo(MatchLevel.NONE);
    }

    @Test
    void oneNameInTwoTownsWithoutOtherEvidenceIsTwoEmployers() {
        MatchResult r = matcher.compare(rec("a", "Precision Machining Inc").address(null, "Effingham", "IL", "62401").build(),
                rec("b", "Precision Machining").address(null, "Quincy", "IL", "62301").build());
        assertThat(r.level()).isEqualTo(MatchLevel.NONE);
    }

    @Test
    void dbaTypoAbbreviationsSwappedWordsSuiteAndPhoneFormats() {
        MatchResult r = matcher.compare(
                rec("a", "Smith Holdings LLC d/b/a Joe's Family Restaurant").address("15 W. Lincoln Hwy, Suite 200", "DeKalb", "IL", "60115").phone("815-555-0199 x12").build(),
                rec("b", "Family Restaurant Joes").address("15 West Lincoln Highway #200", "De Kalb", "IL", null).phone("+1 (815) 555 0199").build());
        assertThat(r.level()).isEqualTo(MatchLevel.ESTABLISHMENT);
        assertThat(r.reasons()).contains("same phone");
    }

    @Test
    void aOneDigitFeinTypoIsWeakEvidenceNotAVeto() {
        MatchResult r = matcher.compare(rec("a", "Prairie State Mfg").fein("36-1234567").address(null, "Springfield", "IL", "62701").build(),
                rec("b", "Prairie State Manufacturing").fein("36-1234568").address(null, "Springfield", "IL", "62702").build());
        assertThat(r.isMatch()).isTrue();
        assertThat(r.reasons()).contains("FEIN one digit apart");
    }

    @Test
    void socialMediaPagesAreNotEvidence() {
        MatchResult r = matcher.compare(rec("a", "Corner Bakery").website("https://facebook.com/cornerbakery").address(null, "Peoria", "IL", null).build(),
                rec("b", "Corner Bakery").website("http://www.facebook.com/cornerbakery").address(null, "Moline", "IL", null).build());
        assertThat(r.level()).isEqualTo(MatchLevel.NONE);
    }

    @Test
    void unrelatedCompaniesAtOneAddressStayApart() {
        MatchResult r = matcher.compare(rec("a", "Lakeside Dental Associates").address("500 Lake St Ste 100", "Evanston", "IL", "60201").build(),
                rec("b", "Northshore Insurance Agency").address("500 Lake St Ste 220", "Evanston", "IL", "60201").build());
        assertThat(r.level()).isEqualTo(MatchLevel.NONE);
    }

    @Test
    void runClustersCompaniesAroundEstablishmentsAndNeverChainsTwoFeins() {
        List<MatchRecord> records = List.of(
                rec("1", "Hometown Pizza").fein("36-1111111").phone("309-555-0101").address("1 Main St", "Peoria", "IL", "61602").build(),
                rec("2", "Hometown Pizza Inc").phone("309-555-0101").address("1 Main Street", "Peoria", "IL", "61602").build(),
                rec("3", "Hometown Pizza").fein("37-2222222").address("1 Main St", "Peoria", "IL", "61602").build(),
                rec("4", "Hometown Pizza").fein("36-1111111").address("77 Oak St", "Normal", "IL", "61761").build());
        MatchRun run = matcher.run(records);
        assertThat(run.companyCluster(0)).isEqualTo(run.companyCluster(1)).isEqualTo(run.companyCluster(3));
        assertThat(run.companyCluster(2)).isNotEqualTo(run.companyCluster(0));
        assertThat(run.establishmentCluster(0)).isEqualTo(run.establishmentCluster(1));
        assertThat(run.establishmentCluster(3)).isNotEqualTo(run.establishmentCluster(0));
    }

    @Test
    void anIndexFindsTheStoredRecordANewOneDuplicates() {
        MatchIndex index = matcher.index(List.of(rec("e1", "Acme Tool & Die, Inc.").address("12 Elm St", "Rockford", "IL", "61101").build(),
                rec("e2", "Rockford Plating").address("90 Elm St", "Rockford", "IL", "61101").build()));
        List<MatchIndex.Candidate> found = index.matches(rec("new", "ACME TOOL AND DIE").address(null, "Rockford", "IL", "61101").build(), 5);
        assertThat(found).extracting(c -> c.record().key()).containsExactly("e1");
    }
}
