package nl.dunwise.dunning;

import static nl.dunwise.dunning.Channel.AGENCY;
import static nl.dunwise.dunning.Channel.CALL_TASK;
import static nl.dunwise.dunning.Channel.EMAIL;
import static nl.dunwise.dunning.Channel.LETTER;
import static nl.dunwise.dunning.Channel.SMS;
import static nl.dunwise.dunning.StepOption.ADDS_COLLECTION_COSTS;
import static nl.dunwise.dunning.StepOption.FOURTEEN_DAY_LETTER;
import static nl.dunwise.dunning.StepOption.NEEDS_APPROVAL;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import nl.dunwise.exact.DivisionAdded;

/**
 * The scenarios and templates a new division starts with (after domain.md): friendly for good payers,
 * standard as the default, strict for late payers. Credit managers change them afterwards as data.
 */
@Stateless
public class DefaultScenarios {

    /**
     * The default texts: every email step, a short SMS, and the 14-day letter on paper (a credit manager who
     * wants the final notice posted switches that step to LETTER, and this text is there).
     */
    static final List<DefaultTemplate> TEMPLATES = List.of(
            new DefaultTemplate("pre-due-notice", EMAIL), new DefaultTemplate("first-reminder", EMAIL),
            new DefaultTemplate("second-reminder", EMAIL), new DefaultTemplate("final-notice", EMAIL),
            new DefaultTemplate("sms-reminder", SMS), new DefaultTemplate("final-notice", LETTER));
    static final List<String> TEMPLATE_LANGUAGES = List.of("nl", "en", "de", "fr");

    /** A default text of one step code in one channel; email texts sit in templates/, others in templates/<channel>/. */
    record DefaultTemplate(String code, Channel channel) {
        String resource(String language) {
            String folder = channel == EMAIL ? "" : channel.name().toLowerCase(java.util.Locale.ROOT) + "/";
            return "templates/" + folder + code + "." + language + ".txt";
        }
    }

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Inject
    private Clock clock;

    public DefaultScenarios() {
    }

    /** For code that runs outside the container, such as tests and benchmarks. */
    public DefaultScenarios(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public void onDivisionAdded(@Observes DivisionAdded event) {
        int division = event.division().getCode();
        em.persist(new Scenario(division, "friendly", "Friendly", "For debtors who pay well: waits longer, sounds softer.", false)
                .step(-3, EMAIL, "pre-due-notice")
                .step(14, EMAIL, "first-reminder")
                .step(30, EMAIL, "second-reminder")
                .step(45, EMAIL, "final-notice", FOURTEEN_DAY_LETTER, ADDS_COLLECTION_COSTS)
                .step(60, CALL_TASK, "call-task")
                .step(90, AGENCY, "agency-handover", NEEDS_APPROVAL));
        em.persist(new Scenario(division, "standard", "Standard", "The default scenario.", true)
                .step(-3, EMAIL, "pre-due-notice")
                .step(7, EMAIL, "first-reminder")
                .step(21, EMAIL, "second-reminder")
                .step(35, EMAIL, "final-notice", FOURTEEN_DAY_LETTER, ADDS_COLLECTION_COSTS)
                .step(49, CALL_TASK, "call-task")
                .step(63, AGENCY, "agency-handover", NEEDS_APPROVAL));
        em.persist(new Scenario(division, "strict", "Strict", "For late payers: acts sooner, escalates faster.", false)
                .step(1, EMAIL, "first-reminder")
                // Late payers are the ones who let reminder emails sit unread; a text message between the first
                // and the second reminder reaches the phone in their pocket at the cost of a few cents.
                .step(5, SMS, "sms-reminder")
                .step(10, EMAIL, "second-reminder")
                .step(20, EMAIL, "final-notice", FOURTEEN_DAY_LETTER, ADDS_COLLECTION_COSTS)
                .step(30, CALL_TASK, "call-task")
                .step(40, AGENCY, "agency-handover", NEEDS_APPROVAL));
        addMissingTemplates(division);
    }

    /**
     * Gives every division the default text of each step and language it lacks, so that a language added
     * in a release reaches existing installations; texts a credit manager changed stay as they are.
     */
    public void addMissingTemplates() {
        for (Integer division : em.createQuery("select d.code from Division d", Integer.class).getResultList()) {
            addMissingTemplates(division);
        }
    }

    private void addMissingTemplates(int division) {
        List<String> present = em.createQuery("""
                select t.code, t.channel, t.language from MessageTemplate t where t.division = :division
                """, Object[].class).setParameter("division", division).getResultStream()
                .map(t -> t[0] + "." + t[1] + "." + t[2]).toList();
        for (DefaultTemplate template : TEMPLATES) {
            for (String language : TEMPLATE_LANGUAGES) {
                if (!present.contains(template.code() + "." + template.channel() + "." + language)) {
                    em.persist(defaultTemplate(division, template, language));
                }
            }
        }
    }

    private MessageTemplate defaultTemplate(int division, DefaultTemplate template, String language) {
        String file = read(template.resource(language));
        int lineEnd = file.indexOf('\n');
        String subject = file.substring(0, lineEnd);
        return MessageTemplate.fromText(division, template.code(), template.channel(), language, subject,
                file.substring(lineEnd + 1), clock.instant(), "system");
    }

    private static String read(String resource) {
        try (InputStream in = DefaultScenarios.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing default template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
