package nl.dunwise.portal;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;

/** The debtor this browser session was admitted as, and the language to speak to them. */
@Named("visitor")
@SessionScoped
public class PortalVisitor implements Serializable {

    private static final long serialVersionUID = 1L;

    private DebtorRef debtor;
    private Locale locale = Locale.ENGLISH;

    void admit(DebtorRef debtor, Locale locale) {
        this.debtor = debtor;
        this.locale = locale;
    }

    public Optional<DebtorRef> debtor() {
        return Optional.ofNullable(debtor);
    }

    public boolean isAdmitted() {
        return debtor != null;
    }

    public Locale getLocale() {
        return locale;
    }
}
