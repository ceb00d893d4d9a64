package nl.dunwise.portal;

import java.util.Optional;

/** The verdict on a payment link. An expired link still names its debtor, so we can offer to send a new one. */
public record LinkCheck(Verdict verdict, DebtorRef debtor) {

    public enum Verdict { VALID, EXPIRED, INVALID }

    static LinkCheck valid(DebtorRef debtor) {
        return new LinkCheck(Verdict.VALID, debtor);
    }

    static LinkCheck expired(DebtorRef debtor) {
        return new LinkCheck(Verdict.EXPIRED, debtor);
    }

    static LinkCheck invalid() {
        return new LinkCheck(Verdict.INVALID, null);
    }

    public Optional<DebtorRef> validDebtor() {
        return verdict == Verdict.VALID ? Optional.of(debtor) : Optional.empty();
    }
}
