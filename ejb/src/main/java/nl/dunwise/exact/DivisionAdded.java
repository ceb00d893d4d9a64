package nl.dunwise.exact;

/** A CDI event: Dunwise started to manage a division; other features set up their defaults for it. */
public record DivisionAdded(Division division) {
}
