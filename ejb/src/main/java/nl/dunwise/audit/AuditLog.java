package nl.dunwise.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/** Records audit events inside the caller's transaction, so an event exists exactly when its change does. */
@Stateless
public class AuditLog {

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private Clock clock;

    public AuditLog() {
    }

    /** For code that runs outside the container, such as tests with an entity manager of their own. */
    public AuditLog(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The event, for callers that name it elsewhere (its id is known after the next flush). */
    public AuditEvent record(Integer division, Actor actor, String action, String subjectType, Object subjectId,
            String details) {
        AuditEvent event = new AuditEvent(division, clock.instant(), actor, action, subjectType,
                subjectId == null ? null : subjectId.toString(), details);
        em.persist(event);
        return event;
    }

    public List<AuditEvent> latest(int max) {
        return em.createQuery("select e from AuditEvent e order by e.occurredAt desc, e.id desc", AuditEvent.class)
                .setMaxResults(max)
                .getResultList();
    }
}
