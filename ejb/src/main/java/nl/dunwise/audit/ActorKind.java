package nl.dunwise.audit;

public enum ActorKind {
    STAFF, DEBTOR, SYSTEM
}
