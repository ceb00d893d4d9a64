/** The cockpit's frame: sign-in through Keycloak (OpenID Connect), the signed-in staff member, notices. */
package nl.dunwise.cockpit;
