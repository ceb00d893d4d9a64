/**
 * Payment plans: a debtor's open invoices paid off in instalments. A plan is proposed (by a collector who agreed
 * it by phone, later by the debtor in the portal), approved at once when it keeps to the policy, else it waits
 * in the collectors' queue; while it is active the planner leaves its invoices alone. A daily review (and one
 * after each sync) allocates the payments on its invoices to the instalments, oldest first, plans one reminder
 * per late instalment, completes the plan when all is paid and defaults it when an instalment stays unpaid past
 * the grace days, after which dunning resumes on what is left. Every step is audited and noted in Exact.
 */
package nl.dunwise.plan;
