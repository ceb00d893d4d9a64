package nl.dunwise.dunning;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.dunwise.audit.Actor;
import nl.dunwise.audit.AuditLog;
import nl.dunwise.receivable.Debtor;

/**
 * The credit manager's template editor: list, change and preview the texts of the dunning steps. A text
 * with an unknown merge field is refused before anything is stored; every change is audited.
 */
@Stateless
public class TemplateService {

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private ReminderComposer composer;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    public List<MessageTemplate> templates(int division) {
        return em.createQuery("""
                select t from MessageTemplate t where t.division = :division
                order by t.code, t.channel, t.language
                """, MessageTemplate.class).setParameter("division", division).getResultList();
    }

    public Optional<MessageTemplate> template(int division, long id) {
        return Optional.ofNullable(em.find(MessageTemplate.class, id)).filter(t -> t.getDivision() == division);
    }

    public List<String> mergeFields() {
        return Arrays.stream(MergeField.values()).map(MergeField::key).toList();
    }

    /** Stores a new text for the template; throws {@link UnknownMergeFieldException} and stores nothing when it names unknown fields. */
    public MessageTemplate revise(int division, long id, String subject, String bodyText, Actor actor) {
        MessageTemplate template = template(division, id)
                .orElseThrow(() -> new IllegalArgumentException("No template " + id + " in division " + division));
        template.revise(requireText(subject), requireText(bodyText), clock.instant(), actor.name());
        audit.record(division, actor, "TEMPLATE_CHANGED", "MessageTemplate", id,
                template.getCode() + " " + template.getChannel() + " " + template.getLanguage());
        return template;
    }

    /**
     * The draft text as debtor {@code debtorCode} would receive it today, with its overdue invoices; nothing
     * is stored or sent. Empty when the division has no such debtor.
     */
    public Optional<RenderedMessage> preview(int division, long id, String subject, String bodyText, String debtorCode) {
        MessageTemplate saved = template(division, id)
                .orElseThrow(() -> new IllegalArgumentException("No template " + id + " in division " + division));
        MessageTemplate draft = MessageTemplate.fromText(division, saved.getCode(), saved.getChannel(), saved.getLanguage(),
                requireText(subject), requireText(bodyText), clock.instant(), "preview");
        return debtorByCode(division, debtorCode).map(debtor -> composer.preview(draft, debtor));
    }

    private Optional<Debtor> debtorByCode(int division, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select d from Debtor d where d.division = :division and d.code = :code", Debtor.class)
                .setParameter("division", division).setParameter("code", code.strip())
                .getResultStream().findFirst();
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A template needs a subject and a text");
        }
        return text;
    }
}
