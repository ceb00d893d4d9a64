package nl.dunwise.portal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.receivable.Debtor;
import nl.dunwise.receivable.Invoice;
import nl.dunwise.receivable.ReceivableQueries;

/** What a debtor sees and does in the portal; every call names the debtor the visitor was admitted as. */
@Stateless
public class DebtorPortalService {

    @Inject
    private PaymentLinks links;

    @Inject
    private ReceivableQueries receivables;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    /** Admits a visitor who followed a payment link; the audit trail records each admission. */
    public LinkCheck admit(String token) {
        LinkCheck check = links.check(token);
        check.validDebtor().ifPresent(d -> audit.record(d.division(), Actor.debtor(d.debtorId()), "PORTAL_OPENED_BY_LINK",
                "Debtor", d.debtorId(), null));
        return check;
    }

    public Optional<Debtor> debtor(DebtorRef ref) {
        return receivables.debtor(ref.division(), ref.debtorId());
    }

    public List<Invoice> openItems(DebtorRef ref) {
        return receivables.openItems(ref.division(), ref.debtorId());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
