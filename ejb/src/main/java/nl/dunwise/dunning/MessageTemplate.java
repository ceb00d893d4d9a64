package nl.dunwise.dunning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The text of one step in one language and channel, with {{merge fields}}. */
@Entity
@Table(name = "message_template")
public class MessageTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Integer division;

    @Column(nullable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private String subject;

    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column(name = "body_text", nullable = false)
    private String bodyText;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    protected MessageTemplate() {
    }

    MessageTemplate(int division, String code, Channel channel, String language, String subject, String bodyHtml,
            String bodyText, Instant at, String by) {
        TemplateRenderer.validate(subject, bodyHtml, bodyText);
        this.division = division;
        this.code = code;
        this.channel = channel;
        this.language = language;
        this.subject = subject;
        this.bodyHtml = bodyHtml;
        this.bodyText = bodyText;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    /**
     * A new text for this template, written as plain text: the HTML body is made from it, so that the
     * two versions a debtor may read never say different things. Unknown merge fields are refused.
     */
    void revise(String subject, String bodyText, Instant at, String by) {
        String html = TemplateRenderer.paragraphs(bodyText);
        TemplateRenderer.validate(subject, bodyText);
        this.subject = subject.strip();
        this.bodyText = bodyText.strip() + "\n";
        this.bodyHtml = html;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    /** A template as a credit manager writes it: subject and plain text; the HTML body follows from the text. */
    static MessageTemplate fromText(int division, String code, Channel channel, String language, String subject,
            String bodyText, Instant at, String by) {
        return new MessageTemplate(division, code, channel, language, subject.strip(),
                TemplateRenderer.paragraphs(bodyText), bodyText.strip() + "\n", at, by);
    }

    public Long getId() {
        return id;
    }

    public Integer getDivision() {
        return division;
    }

    public Channel getChannel() {
        return channel;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public String getCode() {
        return code;
    }

    public String getLanguage() {
        return language;
    }

    public String getSubject() {
        return subject;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getBodyText() {
        return bodyText;
    }
}
