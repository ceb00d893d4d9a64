package nl.dunwise.dunning;

/** An active scenario of a division that a credit manager may pin a debtor to. */
public record ScenarioOption(long id, String code, String name) {
}
