package nl.dunwise.dunning;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.dunwise.money.Money;

/**
 * The hand-over file a collection agency receives: JSON Lines, one line per debtor handed over, each line
 * complete on its own (creditor, debtor, invoices, the claim, the reminders sent, disputes and promises), so
 * that an agency can read it line by line and a broken line spoils one claim only. Amounts are decimal
 * strings with two places ("812.40"), never JSON numbers, so no reader turns them into floating point.
 * The fields are listed in docs/channels.md, "Agency hand-over format"; a change to them raises
 * {@link #FORMAT_VERSION}.
 */
final class AgencyHandOverFile {

    static final String FORMAT = "dunwise-agency-handover";
    static final int FORMAT_VERSION = 1;

    /** The creditor: the division whose claims these are. */
    record Creditor(int division, String name, String country) {
    }

    record Debtor(long id, UUID exactId, String code, String name, DebtorKind kind, String language, String email,
            String phone, String addressLine, String postcode, String city, String country) {
    }

    /** An overdue invoice as it stands on the hand-over day; {@code amount} is what was invoiced. */
    record Invoice(String number, LocalDate invoiceDate, LocalDate dueDate, Money amount, Money openAmount) {
    }

    record SentReminder(LocalDate sentOn, String step, int dayOffset, Channel channel) {
    }

    record Dispute(String invoiceNumber, String reason, LocalDate openedOn, String explanation) {
    }

    record Promise(LocalDate madeOn, LocalDate promisedDate, Money amount, String status) {
    }

    /** One debtor's claim as handed over: the reminder that handed it over, and all the agency needs. */
    record Claim(long reminderId, Debtor debtor, List<Invoice> invoices, ClaimStatement statement,
            List<SentReminder> reminders, List<Dispute> disputes, List<Promise> promises) {
    }

    private AgencyHandOverFile() {
    }

    static byte[] content(long handOverId, LocalDate handedOverOn, Creditor creditor, List<Claim> claims) {
        StringBuilder file = new StringBuilder();
        for (Claim claim : claims) {
            file.append(line(handOverId, handedOverOn, creditor, claim)).append('\n');
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String line(long handOverId, LocalDate handedOverOn, Creditor creditor, Claim claim) {
        Debtor d = claim.debtor();
        ClaimStatement s = claim.statement();
        JsonArrayBuilder invoices = Json.createArrayBuilder();
        for (int i = 0; i < claim.invoices().size(); i++) {
            Invoice invoice = claim.invoices().get(i);
            JsonObjectBuilder line = Json.createObjectBuilder().add("number", invoice.number());
            date(line, "invoice_date", invoice.invoiceDate());
            date(line, "due_date", invoice.dueDate());
            line.add("days_overdue", handedOverOn.toEpochDay() - invoice.dueDate().toEpochDay());
            money(line, "amount", invoice.amount());
            money(line, "open_amount", invoice.openAmount());
            money(line, "interest", s.lines().get(i).interest());
            invoices.add(line);
        }
        JsonArrayBuilder reminders = Json.createArrayBuilder();
        claim.reminders().forEach(r -> reminders.add(Json.createObjectBuilder().add("sent_on", r.sentOn().toString())
                .add("step", r.step()).add("day_offset", r.dayOffset()).add("channel", r.channel().name())));
        JsonArrayBuilder disputes = Json.createArrayBuilder();
        claim.disputes().forEach(x -> {
            JsonObjectBuilder dispute = Json.createObjectBuilder();
            text(dispute, "invoice_number", x.invoiceNumber());
            dispute.add("reason", x.reason()).add("opened_on", x.openedOn().toString());
            text(dispute, "explanation", x.explanation());
            disputes.add(dispute);
        });
        JsonArrayBuilder promises = Json.createArrayBuilder();
        claim.promises().forEach(p -> {
            JsonObjectBuilder promise = Json.createObjectBuilder().add("made_on", p.madeOn().toString())
                    .add("promised_date", p.promisedDate().toString());
            money(promise, "amount", p.amount());
            promises.add(promise.add("status", p.status()));
        });
        JsonObjectBuilder address = Json.createObjectBuilder();
        text(address, "line1", d.addressLine());
        text(address, "postcode", d.postcode());
        text(address, "city", d.city());
        text(address, "country", d.country());
        JsonObjectBuilder debtor = Json.createObjectBuilder().add("code", d.code()).add("name", d.name())
                .add("kind", d.kind().name());
        text(debtor, "language", d.language());
        text(debtor, "email", d.email());
        text(debtor, "phone", d.phone());
        debtor.add("address", address);
        JsonObjectBuilder claimTotals = Json.createObjectBuilder().add("on", s.on().toString())
                .add("country", s.country());
        money(claimTotals, "principal", s.principal());
        money(claimTotals, "interest", s.interest());
        money(claimTotals, "collection_costs", s.collectionCosts());
        money(claimTotals, "total", s.total());
        JsonObjectBuilder creditorJson = Json.createObjectBuilder().add("division", creditor.division())
                .add("name", creditor.name());
        text(creditorJson, "country", creditor.country());
        return Json.createObjectBuilder()
                .add("format", FORMAT).add("version", FORMAT_VERSION)
                .add("handover_id", handOverId).add("handed_over_on", handedOverOn.toString())
                .add("reminder_id", claim.reminderId())
                .add("creditor", creditorJson)
                .add("debtor", debtor)
                .add("currency", s.principal().currency().getCurrencyCode())
                .add("invoices", invoices)
                .add("claim", claimTotals)
                .add("reminders_sent", reminders)
                .add("disputes", disputes)
                .add("promises", promises)
                .build().toString();
    }

    private static void money(JsonObjectBuilder json, String name, Money money) {
        if (money == null) {
            json.addNull(name);
        } else {
            json.add(name, decimal(money.amount()));
        }
    }

    static String decimal(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static void date(JsonObjectBuilder json, String name, LocalDate date) {
        text(json, name, date == null ? null : date.toString());
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null || value.isBlank()) {
            json.addNull(name);
        } else {
            json.add(name, value.strip());
        }
    }
}
