package nl.dunwise.dunning;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import nl.dunwise.cockpit.Notices;
import nl.dunwise.cockpit.StaffBean;
import nl.dunwise.exact.CockpitDivision;

/**
 * The template editor: pick a step's text in a language, change it, preview it with a real debtor. Only a
 * credit manager saves; the others read. A refused text stays in the editor with the reason beside it.
 */
@Named("templates")
@ViewScoped
public class TemplatesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient TemplateService service;

    @Inject
    private CockpitDivision cockpitDivision;

    @Inject
    private StaffBean staff;

    private Long selectedId;
    private String subject;
    private String body;
    private String debtorCode;
    private RenderedMessage preview;
    private transient List<MessageTemplate> list;

    public Integer getDivision() {
        return cockpitDivision.code();
    }

    public List<MessageTemplate> getList() {
        if (list == null) {
            list = getDivision() == null ? List.of() : service.templates(getDivision());
        }
        return list;
    }

    public List<String> getMergeFields() {
        return service.mergeFields();
    }

    public void open(long id) {
        service.template(getDivision(), id).ifPresent(t -> {
            selectedId = t.getId();
            subject = t.getSubject();
            body = t.getBodyText();
            preview = null;
        });
    }

    public MessageTemplate getSelected() {
        return selectedId == null ? null : getList().stream().filter(t -> t.getId().equals(selectedId)).findFirst().orElse(null);
    }

    public void save() {
        if (!staff.isCreditManager()) {
            Notices.error("templates.notAllowed");
            return;
        }
        try {
            service.revise(getDivision(), selectedId, subject, body, staff.actor());
            list = null;
            Notices.info("templates.saved");
        } catch (UnknownMergeFieldException e) {
            Notices.error("templates.unknownFields", UnknownMergeFieldException.braces(e.unknown()));
        }
    }

    public void showPreview() {
        try {
            Optional<RenderedMessage> rendered = service.preview(getDivision(), selectedId, subject, body, debtorCode);
            preview = rendered.orElse(null);
            if (rendered.isEmpty()) {
                Notices.error("templates.noSuchDebtor", debtorCode == null ? "" : debtorCode.strip());
            }
        } catch (UnknownMergeFieldException e) {
            preview = null;
            Notices.error("templates.unknownFields", UnknownMergeFieldException.braces(e.unknown()));
        }
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getDebtorCode() {
        return debtorCode;
    }

    public void setDebtorCode(String debtorCode) {
        this.debtorCode = debtorCode;
    }

    public RenderedMessage getPreview() {
        return preview;
    }
}
