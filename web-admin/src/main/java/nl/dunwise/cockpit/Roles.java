package nl.dunwise.cockpit;

/** The staff roles of the realm (see keycloak/dunwise-realm.json). */
public final class Roles {

    public static final String CREDIT_MANAGER = "credit-manager";
    public static final String COLLECTOR = "collector";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
