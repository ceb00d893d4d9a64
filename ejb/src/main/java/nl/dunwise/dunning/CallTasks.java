package nl.dunwise.dunning;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;

/** The collectors' queue of calls: what is open, who takes it, and closing a call with its outcome. */
@Stateless
public class CallTasks {

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    /**
     * The open calls of a division, the longest waiting first, each with the best number to call: the main
     * contact's mobile, else the account's phone, else the main contact's phone (view debtor_sms_number).
     */
    public List<CallTaskView> open(int division) {
        List<?> rows = em.createNativeQuery("""
                SELECT t.id, d.code, d.name, coalesce(n.contact_mobile, n.account_phone, n.contact_phone),
                       t.step_code, t.total_amount, t.currency, t.due_date, t.assigned_to, t.created_at
                FROM call_task t
                JOIN debtor d ON d.id = t.debtor_id
                LEFT JOIN debtor_sms_number n ON n.debtor_id = t.debtor_id
                WHERE t.division = ? AND t.status = 'OPEN'
                ORDER BY t.due_date, t.id
                """).setParameter(1, division).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new CallTaskView(((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], (String) r[3], (String) r[4], (BigDecimal) r[5], (String) r[6],
                ((Date) r[7]).toLocalDate(), (String) r[8], ((Timestamp) r[9]).toInstant())).toList();
    }

    public void assign(int division, long taskId, String collector, Actor by) {
        CallTask task = find(division, taskId);
        task.assignTo(collector);
        audit.record(task.getDivision(), by, "CALL_TASK_ASSIGNED", "CallTask", taskId,
                collector == null || collector.isBlank() ? "unassigned" : "to " + collector.strip());
    }

    public void close(int division, long taskId, String outcome, Actor by) {
        CallTask task = find(division, taskId);
        task.close(outcome, by, clock.instant());
        audit.record(task.getDivision(), by, "CALL_TASK_CLOSED", "CallTask", taskId, task.getOutcome());
    }

    /** The task within the caller's division: an id from another division is not there. */
    private CallTask find(int division, long taskId) {
        CallTask task = em.find(CallTask.class, taskId);
        if (task == null || task.getDivision() != division) {
            throw new IllegalArgumentException("There is no call task " + taskId + " in division " + division + ".");
        }
        return task;
    }
}
