/**
 * The audit trail: who (staff member, debtor or the system) did what to which subject, when and why.
 * Events are only ever added; auditors read them.
 */
package nl.dunwise.audit;
