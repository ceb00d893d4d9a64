/** The cockpit's payment plans: the collectors' queue of proposals, active and ended plans, and recording a new plan. */
package nl.dunwise.plan;
