package nl.dunwise.dunning.bounce;

/** How bad a bounce is, after the Action and Status of the report (RFC 3464, RFC 3463). */
public enum BounceKind {
    /** Action failed with a permanent status (5.x.x): the message did not arrive and will not. */
    HARD,
    /** Action delayed, or failed with a transient status (4.x.x): the address may well work next time. */
    SOFT
}
