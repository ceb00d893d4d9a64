package nl.dunwise.portal;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The debtor's own pages need an admitted debtor; anyone else is sent to the explanation page. */
@WebFilter("/invoices.xhtml")
public class AdmittedDebtorFilter extends HttpFilter {

    @Inject
    private PortalVisitor visitor;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!visitor.isAdmitted()) {
            response.sendRedirect(request.getContextPath() + "/link.xhtml?problem=none");
            return;
        }
        chain.doFilter(request, response);
    }
}
