package nl.dunwise.sandbox.exact.seed;

import java.util.List;

/**
 * Word lists for believable company names and addresses. Cities carry their postcode prefix and, in
 * Belgium, their language, so that a debtor in Liège gets French letters and one in Gent Dutch ones.
 */
final class NamePools {

    private NamePools() {
    }

    record City(String name, String postcodeBase, String phoneArea, String language) {
    }

    static final List<String> NL_SURNAMES = List.of(
            "De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "De Boer", "Mulder", "De Groot", "Bos",
            "Vos", "Peters", "Hendriks", "Van Leeuwen", "Dekker", "Brouwer", "De Wit", "Dijkstra", "Smits",
            "De Graaf", "Van der Meer", "Van der Linden", "Kok", "Jacobs", "De Haan", "Vermeulen", "Van den Berg",
            "Van Dijk", "Schouten", "Hoekstra", "Van Beek", "Kuipers", "Verhoeven", "Postma", "Willems", "Veenstra");

    static final List<String> NL_TRADES = List.of(
            "Installatietechniek", "Bouwmaterialen", "Transport", "Logistiek", "Kantoorartikelen", "Metaalbewerking",
            "Schilderwerken", "Elektrotechniek", "Drukkerij", "Houthandel", "Catering", "Tuincentrum", "Autoservice",
            "Bloemenhandel", "Koeltechniek", "Dakwerken", "Verpakkingen", "Schoonmaakdiensten", "Machinebouw",
            "Groothandel", "Tegelhandel", "Zonwering", "Bakkerij", "Slagerij", "Fietsenhandel", "Interieurbouw");

    static final List<String> NL_INVENTED = List.of(
            "Noordhoek", "Zuiderlicht", "Groenhart", "Polderkracht", "Hollandia", "Duinzicht", "Waterkant",
            "Molenwiek", "Eikenhof", "Kustlijn", "Lindeboom", "Veldzicht", "Brugwachter", "Dijkhuis", "Havenkwartier");

    static final List<City> NL_CITIES = List.of(
            new City("Amsterdam", "10", "20", "NL"), new City("Rotterdam", "30", "10", "NL"),
            new City("Utrecht", "35", "30", "NL"), new City("Den Haag", "25", "70", "NL"),
            new City("Eindhoven", "56", "40", "NL"), new City("Groningen", "97", "50", "NL"),
            new City("Tilburg", "50", "13", "NL"), new City("Almere", "13", "36", "NL"),
            new City("Breda", "48", "76", "NL"), new City("Nijmegen", "65", "24", "NL"),
            new City("Zwolle", "80", "38", "NL"), new City("Leiden", "23", "71", "NL"),
            new City("Haarlem", "20", "23", "NL"), new City("Arnhem", "68", "26", "NL"),
            new City("Amersfoort", "38", "33", "NL"), new City("Apeldoorn", "73", "55", "NL"),
            new City("Enschede", "75", "53", "NL"), new City("Maastricht", "62", "43", "NL"),
            new City("Delft", "26", "15", "NL"), new City("Alkmaar", "18", "72", "NL"),
            new City("Venlo", "59", "77", "NL"), new City("Leeuwarden", "89", "58", "NL"));

    static final List<String> NL_STREETS = List.of(
            "Industrieweg", "Stationsstraat", "Kerkstraat", "Havenweg", "Dorpsstraat", "Nijverheidsweg",
            "Marktplein", "Handelsweg", "Energieweg", "Ambachtsweg", "Transportweg", "Molenstraat", "Parallelweg");

    static final List<String> BE_SURNAMES_NL = List.of(
            "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
            "De Smet", "Vermeulen", "Van Damme", "De Clercq", "Verstraete");

    static final List<String> BE_SURNAMES_FR = List.of(
            "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Leclercq", "Lejeune", "Renard", "Michel");

    static final List<String> FR_TRADES = List.of(
            "Construction", "Transports", "Menuiserie", "Électricité", "Imprimerie", "Boulangerie",
            "Fournitures de bureau", "Toitures", "Chauffage", "Jardinerie");

    static final List<City> BE_CITIES = List.of(
            new City("Antwerpen", "2000", "3", "NL"), new City("Gent", "9000", "9", "NL"),
            new City("Brugge", "8000", "50", "NL"), new City("Leuven", "3000", "16", "NL"),
            new City("Mechelen", "2800", "15", "NL"), new City("Hasselt", "3500", "11", "NL"),
            new City("Kortrijk", "8500", "56", "NL"), new City("Liège", "4000", "4", "FR"),
            new City("Namur", "5000", "81", "FR"), new City("Charleroi", "6000", "71", "FR"),
            new City("Mons", "7000", "65", "FR"));

    static final List<String> BE_STREETS_NL = List.of("Kerkstraat", "Stationsstraat", "Industriepark", "Nijverheidslaan", "Kouter");
    static final List<String> BE_STREETS_FR = List.of("Rue de la Gare", "Rue de l'Industrie", "Avenue des Combattants", "Chaussée de Bruxelles", "Rue du Commerce");

    static final List<String> DE_SURNAMES = List.of(
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
            "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Braun", "Zimmermann");

    static final List<String> DE_TRADES = List.of(
            "Haustechnik", "Logistik", "Baustoffe", "Metallbau", "Elektrotechnik", "Druckerei", "Holzhandel",
            "Maschinenbau", "Verpackung", "Gebäudereinigung", "Fahrzeugteile", "Kältetechnik");

    static final List<City> DE_CITIES = List.of(
            new City("Düsseldorf", "40", "211", "DE"), new City("Köln", "50", "221", "DE"),
            new City("Aachen", "52", "241", "DE"), new City("Münster", "48", "251", "DE"),
            new City("Essen", "45", "201", "DE"), new City("Duisburg", "47", "203", "DE"),
            new City("Krefeld", "47", "2151", "DE"), new City("Bochum", "44", "234", "DE"));

    static final List<String> DE_STREETS = List.of("Hauptstraße", "Bahnhofstraße", "Industriestraße", "Gewerbering", "Am Hafen", "Lindenallee");

    static final List<String> FIRST_NAMES = List.of(
            "Anna", "Bram", "Carla", "Daan", "Eva", "Femke", "Gert", "Hanna", "Iris", "Jeroen", "Karin", "Lars",
            "Marieke", "Niels", "Olga", "Pieter", "Ruth", "Sven", "Tessa", "Wouter", "Claire", "Luc", "Jonas", "Heike");

    static final List<String> INVOICE_TEXTS = List.of(
            "Levering volgens order %s", "Levering week %s", "Onderhoudscontract %s", "Installatiewerkzaamheden %s",
            "Huur materieel %s", "Dienstverlening %s", "Projectfactuur %s", "Levering onderdelen %s",
            "Termijnfactuur %s", "Advieswerkzaamheden %s");

    static final List<String> CREDIT_TEXTS = List.of(
            "Creditnota retour goederen %s", "Creditnota prijscorrectie %s", "Creditnota bonus %s",
            "Creditnota dubbel gefactureerd %s");
}
