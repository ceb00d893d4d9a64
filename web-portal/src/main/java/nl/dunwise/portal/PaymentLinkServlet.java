package nl.dunwise.portal;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The entry from a reminder: {@code /pay?t=<signed token>}. A valid token admits the browser as that
 * debtor under a fresh session id and redirects, so the token does not linger in the address bar or
 * in a Referer header. Nothing else changes on this GET.
 */
@WebServlet("/pay")
public class PaymentLinkServlet extends HttpServlet {

    @Inject
    private DebtorPortalService portal;

    @Inject
    private PortalVisitor visitor;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LinkCheck check = portal.admit(request.getParameter("t"));
        if (check.verdict() != LinkCheck.Verdict.VALID) {
            response.sendRedirect(request.getContextPath() + "/link.xhtml?problem=" + check.verdict().name().toLowerCase());
            return;
        }
        var debtor = portal.debtor(check.debtor());
        if (debtor.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/link.xhtml?problem=invalid");
            return;
        }
        request.getSession(true);
        request.changeSessionId();
        visitor.admit(check.debtor(), debtor.get().locale());
        response.sendRedirect(request.getContextPath() + "/invoices.xhtml");
    }
}
