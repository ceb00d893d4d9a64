package nl.dunwise.portal;

import java.io.Serializable;

/** Which debtor a portal visitor may see: the division is part of the identity, never implied. */
public record DebtorRef(int division, long debtorId) implements Serializable {
}
