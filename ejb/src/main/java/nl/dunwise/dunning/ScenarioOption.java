package nl.dunwise.dunning;

import java.io.Serializable;

/** An active scenario of a division that a credit manager may pin a debtor to. */
public record ScenarioOption(long id, String code, String name) implements Serializable {
}
