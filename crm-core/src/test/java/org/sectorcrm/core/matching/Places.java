package org.sectorcrm.core.matching;

import java.util.List;

/** Real towns of Illinois and its neighbours with one of their ZIP codes, and street names, for the labelled data set. */
final class Places {
    record Town(String city, String state, String zip) {
    }

    static final List<Town> TOWNS = List.of(
            new Town("Chicago", "IL", "60607"), new Town("Chicago", "IL", "60632"), new Town("Rockford", "IL", "61101"),
            new Town("Peoria", "IL", "61602"), new Town("Springfield", "IL", "62701"), new Town("Champaign", "IL", "61820"),
            new Town("Urbana", "IL", "61801"), new Town("Bloomington", "IL", "61701"), new Town("Normal", "IL", "61761"),
            new Town("Decatur", "IL", "62521"), new Town("Joliet", "IL", "60432"), new Town("Aurora", "IL", "60505"),
            new Town("Elgin", "IL", "60120"), new Town("Naperville", "IL", "60540"), new Town("Waukegan", "IL", "60085"),
            new Town("Moline", "IL", "61265"), new Town("East Moline", "IL", "61244"), new Town("Rock Island", "IL", "61201"),
            new Town("Quincy", "IL", "62301"), new Town("Danville", "IL", "61832"), new Town("Kankakee", "IL", "60901"),
            new Town("DeKalb", "IL", "60115"), new Town("St. Charles", "IL", "60174"), new Town("Effingham", "IL", "62401"),
            new Town("Carbondale", "IL", "62901"), new Town("Marion", "IL", "62959"), new Town("Mount Vernon", "IL", "62864"),
            new Town("Galesburg", "IL", "61401"), new Town("Macomb", "IL", "61455"), new Town("Ottawa", "IL", "61350"),
            new Town("Freeport", "IL", "61032"), new Town("Sterling", "IL", "61081"), new Town("Dixon", "IL", "61021"),
            new Town("Pekin", "IL", "61554"), new Town("Jacksonville", "IL", "62650"), new Town("Tuscola", "IL", "61953"),
            new Town("Belleville", "IL", "62220"), new Town("Edwardsville", "IL", "62025"), new Town("Alton", "IL", "62002"),
            new Town("Mattoon", "IL", "61938"), new Town("Charleston", "IL", "61920"), new Town("Centralia", "IL", "62801"),
            new Town("Gary", "IN", "46402"), new Town("Hammond", "IN", "46320"), new Town("South Bend", "IN", "46601"),
            new Town("Fort Wayne", "IN", "46802"), new Town("Lafayette", "IN", "47901"), new Town("Terre Haute", "IN", "47807"),
            new Town("Evansville", "IN", "47708"), new Town("Valparaiso", "IN", "46383"), new Town("Indianapolis", "IN", "46204"),
            new Town("Milwaukee", "WI", "53202"), new Town("Kenosha", "WI", "53140"), new Town("Racine", "WI", "53403"),
            new Town("Madison", "WI", "53703"), new Town("Janesville", "WI", "53545"), new Town("Beloit", "WI", "53511"),
            new Town("La Crosse", "WI", "54601"), new Town("Green Bay", "WI", "54301"), new Town("Davenport", "IA", "52801"),
            new Town("Bettendorf", "IA", "52722"), new Town("Dubuque", "IA", "52001"), new Town("Burlington", "IA", "52601"),
            new Town("Iowa City", "IA", "52240"), new Town("Cedar Rapids", "IA", "52401"), new Town("Des Moines", "IA", "50309"),
            new Town("St. Louis", "MO", "63101"), new Town("St. Charles", "MO", "63301"), new Town("Hannibal", "MO", "63401"),
            new Town("Cape Girardeau", "MO", "63701"), new Town("Columbia", "MO", "65201"), new Town("Paducah", "KY", "42001"),
            new Town("Henderson", "KY", "42420"), new Town("Owensboro", "KY", "42301"), new Town("Louisville", "KY", "40202"),
            new Town("Mayfield", "KY", "42066"), new Town("Murray", "KY", "42071"));

    static final List<String> STREETS = List.of("Main", "Oak", "Elm", "Washington", "Lincoln", "Jefferson", "Jackson", "Grand",
            "Broadway", "Market", "State", "Walnut", "Maple", "Cedar", "Park", "Lake", "Hickory", "Prairie", "Industrial", "Commerce",
            "Enterprise", "Mill", "River", "Railroad", "Church", "Madison", "Monroe", "Adams", "Wabash", "Ridge", "Kennedy", "Division",
            "Harrison", "Veterans", "Airport", "University", "College", "Progress", "Technology", "Eastwood", "Sycamore", "Cherry");
    static final List<String> TYPES = List.of("Street", "Avenue", "Road", "Drive", "Boulevard", "Lane", "Court", "Parkway", "Highway");
    static final List<String> DIRECTIONS = List.of("", "", "", "North", "South", "East", "West");

    private Places() {
    }
}
