package nl.dunwise.audit;

import java.io.Serializable;
import java.util.Objects;

/** Who did something: a staff member by login name, a debtor by its id, or the system itself. */
public record Actor(ActorKind kind, String name) implements Serializable {

    public static final Actor SYSTEM = new Actor(ActorKind.SYSTEM, "system");

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static Actor staff(String login) {
        return new Actor(ActorKind.STAFF, login);
    }

    public static Actor debtor(long debtorId) {
        return new Actor(ActorKind.DEBTOR, "debtor:" + debtorId);
    }
}
