package nl.dunwise.cockpit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import nl.dunwise.audit.Actor;
import nl.dunwise.platform.OidcSettings;

/** The signed-in staff member: who, what they may do, and signing out (of Keycloak too). */
@Named("staff")
@RequestScoped
public class StaffBean {

    @Inject
    private SecurityContext security;

    @Inject
    private OidcSettings oidc;

    public String getName() {
        return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
    }

    public Actor actor() {
        return Actor.staff(getName());
    }

    public boolean isCreditManager() {
        return security.isCallerInRole(Roles.CREDIT_MANAGER);
    }

    /** Credit managers and collectors act; auditors only read. */
    public boolean isMayAct() {
        return isCreditManager() || security.isCallerInRole(Roles.COLLECTOR);
    }

    public String getRoleLabelKey() {
        if (isCreditManager()) {
            return "role.credit-manager";
        }
        return security.isCallerInRole(Roles.COLLECTOR) ? "role.collector" : "role.auditor";
    }

    public void logout() throws ServletException, IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String back = request.getRequestURL().toString().replaceFirst(request.getRequestURI() + "$", "") + request.getContextPath() + "/";
        request.logout();
        external.invalidateSession();
        external.redirect(oidc.logoutUrl(oidc.getAdminClientId(), back));
    }
}
