package nl.dunwise.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Integer division;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false)
    private ActorKind actorKind;

    @Column(nullable = false)
    private String action;

    @Column(name = "subject_type")
    private String subjectType;

    @Column(name = "subject_id")
    private String subjectId;

    private String details;

    protected AuditEvent() {
    }

    AuditEvent(Integer division, Instant occurredAt, Actor actor, String action, String subjectType,
            String subjectId, String details) {
        this.division = division;
        this.occurredAt = occurredAt;
        this.actor = actor.name();
        this.actorKind = actor.kind();
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.details = details;
    }

    public Long getId() {
        return id;
    }

    public Integer getDivision() {
        return division;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public ActorKind getActorKind() {
        return actorKind;
    }

    public String getAction() {
        return action;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getDetails() {
        return details;
    }
}
