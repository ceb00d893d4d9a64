package nl.dunwise.exact.sync;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nl.dunwise.exact.client.SyncEndpoint;
import nl.dunwise.exact.client.SyncPage;

/**
 * An Exact division in memory that keeps changing while it is synced: every page it serves first applies
 * a few more changes (new accounts, contacts and invoices, edits, payments, reversals, deletions), each
 * with the next value of one row-version sequence, as Exact's Timestamp is. Sync endpoints answer the
 * current rows with a Timestamp above the position, oldest first, like Exact.
 */
final class ScriptedExact {

    final class Account {
        final UUID id = uuid();
        final String code = String.valueOf(1000 + accounts.size());
        String name;
        String email;
        boolean blocked;
        long ts;
        boolean deleted;

        JsonObject json() {
            JsonObjectBuilder b = Json.createObjectBuilder().add("ID", id.toString())
                    .add("Code", " ".repeat(18 - code.length()) + code).add("Name", name).add("Blocked", blocked)
                    .add("Status", "C").add("IsSales", true).add("Timestamp", String.valueOf(ts));
            return (email == null ? b.addNull("Email") : b.add("Email", email)).build();
        }
    }

    final class Contact {
        final UUID id = uuid();
        final UUID account;
        String email;
        boolean main;
        long ts;
        boolean deleted;

        Contact(UUID account) {
            this.account = account;
        }

        JsonObject json() {
            return Json.createObjectBuilder().add("ID", id.toString()).add("Account", account.toString())
                    .add("FullName", "Contact " + id.toString().substring(0, 8)).add("Email", email)
                    .add("IsMainContact", main).add("Timestamp", String.valueOf(ts)).build();
        }
    }

    final class Term {
        final UUID id = uuid();
        final UUID account;
        final int invoiceNumber = 20260000 + terms.size() + 1;
        final LocalDate dueDate;
        final BigDecimal amount;
        BigDecimal open;
        long ts;
        boolean deleted;
        final List<Line> payments = new ArrayList<>();
        Line salesLine;
        // The sales invoice (two lines, each repeating the header) and the PDF attached to its document.
        final UUID invoiceId = uuid();
        final UUID document = uuid();
        final UUID attachment = uuid();
        String yourRef;
        int printed = 1;
        long lineTs1;
        long lineTs2;
        long attachmentTs;
        boolean attachmentDeleted;

        Term(UUID account, LocalDate dueDate, BigDecimal amount) {
            this.account = account;
            this.dueDate = dueDate;
            this.amount = amount;
            this.open = amount;
        }

        int status() {
            return open.signum() == 0 ? 50 : PaymentTermRecord.OPEN;
        }

        JsonObject json() {
            return Json.createObjectBuilder().add("ID", id.toString()).add("Account", account.toString())
                    .add("InvoiceNumber", invoiceNumber).add("DueDate", date(dueDate))
                    .add("InvoiceDate", date(dueDate.minusDays(30))).add("AmountDC", open)
                    .add("TransactionAmountDC", amount).add("Currency", "EUR").add("Status", status())
                    .add("Timestamp", String.valueOf(ts)).build();
        }

        JsonObject invoiceLine(int lineNumber, long lineTs) {
            return Json.createObjectBuilder().add("ID", uuid().toString()).add("InvoiceID", invoiceId.toString())
                    .add("InvoiceNumber", invoiceNumber).add("YourRef", yourRef).add("Description", "Order " + yourRef)
                    .add("OrderDate", date(dueDate.minusDays(35))).add("Document", document.toString())
                    .add("Status", 50).add("LineNumber", lineNumber).add("Timestamp", String.valueOf(lineTs)).build();
        }

        String fileName() {
            return "Invoice " + invoiceNumber + (printed > 1 ? " (" + printed + ")" : "") + ".pdf";
        }

        JsonObject attachmentJson() {
            return Json.createObjectBuilder().add("ID", attachment.toString()).add("Document", document.toString())
                    .add("FileName", fileName()).add("FileSize", 20000 + printed)
                    .add("Url", "https://start.exactonline.nl/docs/SysAttachment.aspx?ID=" + attachment + "&_Division_=1")
                    .add("Timestamp", String.valueOf(attachmentTs)).build();
        }
    }

    final class Line {
        final UUID id = uuid();
        final UUID account;
        final int invoiceNumber;
        final int type;
        BigDecimal amountDc;
        LocalDate date;
        long ts;
        boolean deleted;

        Line(UUID account, int invoiceNumber, int type, BigDecimal amountDc, LocalDate date) {
            this.account = account;
            this.invoiceNumber = invoiceNumber;
            this.type = type;
            this.amountDc = amountDc;
            this.date = date;
        }

        JsonObject json() {
            return Json.createObjectBuilder().add("ID", id.toString()).add("Account", account.toString())
                    .add("AmountDC", amountDc).add("Date", date(date)).add("InvoiceNumber", invoiceNumber)
                    .add("Type", type).add("Timestamp", String.valueOf(ts)).build();
        }
    }

    record Deletion(UUID key, int type, long ts) {
        JsonObject json() {
            return Json.createObjectBuilder().add("EntityKey", key.toString()).add("EntityType", type)
                    .add("DeletedDate", "/Date(1764547200000)/").add("Timestamp", String.valueOf(ts)).build();
        }
    }

    final Map<UUID, Account> accounts = new LinkedHashMap<>();
    final Map<UUID, Contact> contacts = new LinkedHashMap<>();
    final Map<UUID, Term> terms = new LinkedHashMap<>();
    final Map<UUID, Line> lines = new LinkedHashMap<>();
    final List<Deletion> deletions = new ArrayList<>();

    private final Random random;
    private final int pageSize;
    private final LocalDate today = LocalDate.of(2026, 11, 25);
    private long rowVersion = 3_000_000_000L;
    private int pendingChanges;
    private final int changesPerPage;

    ScriptedExact(long seed, int accounts, int termsPerAccount, int changes, int changesPerPage, int pageSize) {
        this.random = new Random(seed);
        this.pageSize = pageSize;
        this.changesPerPage = changesPerPage;
        for (int i = 0; i < accounts; i++) {
            Account a = newAccount();
            for (int t = 0; t < termsPerAccount; t++) {
                newTerm(a);
            }
        }
        for (Term t : new ArrayList<>(terms.values())) {
            if (random.nextInt(3) == 0) {
                pay(t);
            }
        }
        this.pendingChanges = changes;
    }

    boolean hasPendingChanges() {
        return pendingChanges > 0;
    }

    /** One page of a sync endpoint, after a few more changes happened in the "division". */
    SyncPage page(SyncEndpoint endpoint, long after, String skiptoken) {
        for (int i = 0; i < changesPerPage && pendingChanges > 0; i++, pendingChanges--) {
            change();
        }
        long from = skiptoken == null ? after : Long.parseLong(skiptoken.replace("L", ""));
        List<Row> rows = rows(endpoint).filter(r -> r.ts > from).sorted(Comparator.comparingLong(Row::ts))
                .limit(pageSize + 1L).toList();
        boolean more = rows.size() > pageSize;
        List<Row> page = more ? rows.subList(0, pageSize) : rows;
        return new SyncPage(page.stream().map(r -> r.json().get()).toList(), more ? page.get(page.size() - 1).ts + "L" : null);
    }

    /** The highest Timestamp among the current rows of an endpoint. */
    long maxTimestamp(SyncEndpoint endpoint) {
        return rows(endpoint).mapToLong(Row::ts).max().orElse(1);
    }

    private record Row(long ts, Supplier<JsonObject> json) {
    }

    private Stream<Row> rows(SyncEndpoint endpoint) {
        return switch (endpoint) {
            case ACCOUNTS -> accounts.values().stream().filter(a -> !a.deleted).map(a -> new Row(a.ts, a::json));
            case CONTACTS -> contacts.values().stream().filter(c -> !c.deleted).map(c -> new Row(c.ts, c::json));
            case PAYMENT_TERMS -> terms.values().stream().filter(t -> !t.deleted).map(t -> new Row(t.ts, t::json));
            case TRANSACTION_LINES -> lines.values().stream().filter(l -> !l.deleted).map(l -> new Row(l.ts, l::json));
            case SALES_INVOICES -> terms.values().stream().filter(t -> !t.deleted)
                    .flatMap(t -> Stream.of(new Row(t.lineTs1, () -> t.invoiceLine(1, t.lineTs1)),
                            new Row(t.lineTs2, () -> t.invoiceLine(2, t.lineTs2))));
            case DOCUMENT_ATTACHMENTS -> terms.values().stream().filter(t -> !t.deleted && !t.attachmentDeleted)
                    .map(t -> new Row(t.attachmentTs, t::attachmentJson));
            case DELETED -> deletions.stream().map(d -> new Row(d.ts, d::json));
        };
    }

    private void change() {
        List<Account> live = accounts.values().stream().filter(a -> !a.deleted).toList();
        Account someone = live.get(random.nextInt(live.size()));
        switch (random.nextInt(11)) {
            case 0 -> {
                Account a = newAccount();
                if (random.nextBoolean()) {
                    newTerm(a);
                }
            }
            case 1 -> {
                someone.name = "Renamed " + random.nextInt(1000);
                someone.email = random.nextBoolean() ? null : "ap" + random.nextInt(1000) + "@example.com";
                someone.blocked = random.nextBoolean();
                someone.ts = next();
            }
            case 2 -> newContact(someone, random.nextBoolean());
            case 3 -> pick(contacts).ifPresent(c -> {
                c.email = "changed" + random.nextInt(1000) + "@example.com";
                c.main = !c.main;
                c.ts = next();
            });
            case 4 -> newTerm(someone);
            case 5 -> pick(terms).filter(t -> t.open.signum() > 0).ifPresent(this::pay);
            case 6 -> pick(terms).filter(t -> !t.payments.isEmpty()).ifPresent(this::reverseLastPayment);
            case 7 -> pick(contacts).ifPresent(c -> delete(c.id, DeletionRecord.CONTACT, () -> c.deleted = true));
            case 8 -> pick(terms).filter(t -> t.payments.isEmpty()).ifPresent(t -> {
                delete(t.id, DeletionRecord.PAYMENT_TERM, () -> t.deleted = true);
                delete(t.salesLine.id, DeletionRecord.TRANSACTION_LINE, () -> t.salesLine.deleted = true);
            });
            case 9 -> pick(terms).filter(t -> !t.attachmentDeleted).ifPresent(t -> {
                if (random.nextInt(4) == 0) {
                    // Someone removes the PDF from the invoice's document.
                    delete(t.attachment, DeletionRecord.ATTACHMENT, () -> t.attachmentDeleted = true);
                    return;
                }
                // The invoice is corrected and printed again: a new reference on its lines, a new PDF.
                t.yourRef = "PO-" + random.nextInt(100000);
                t.printed++;
                t.lineTs1 = next();
                t.lineTs2 = next();
                t.attachmentTs = next();
            });
            default -> {
                // Exact refuses to delete an account with entries; one without can go, with its contacts.
                if (terms.values().stream().noneMatch(t -> t.account.equals(someone.id) && !t.deleted)) {
                    contacts.values().stream().filter(c -> c.account.equals(someone.id) && !c.deleted)
                            .forEach(c -> delete(c.id, DeletionRecord.CONTACT, () -> c.deleted = true));
                    delete(someone.id, DeletionRecord.ACCOUNT, () -> someone.deleted = true);
                } else {
                    pick(lines).filter(l -> l.type == TransactionLineRecord.CASH_OR_BANK).ifPresent(l -> {
                        l.date = l.date.plusDays(1);
                        l.ts = next();
                    });
                }
            }
        }
    }

    private Account newAccount() {
        Account a = new Account();
        accounts.put(a.id, a);
        a.name = "Debtor " + a.code;
        a.email = random.nextInt(4) == 0 ? null : "debiteuren@" + a.code + ".example";
        a.ts = next();
        newContact(a, true);
        return a;
    }

    private void newContact(Account a, boolean main) {
        Contact c = new Contact(a.id);
        c.email = "person" + random.nextInt(100000) + "@" + a.code + ".example";
        c.main = main;
        c.ts = next();
        contacts.put(c.id, c);
    }

    private void newTerm(Account a) {
        BigDecimal amount = BigDecimal.valueOf(50 + random.nextInt(5000)).setScale(2, RoundingMode.UNNECESSARY);
        Term t = new Term(a.id, today.minusDays(random.nextInt(120) - 30L), amount);
        t.ts = next();
        terms.put(t.id, t);
        t.salesLine = new Line(a.id, t.invoiceNumber, 20, amount, t.dueDate.minusDays(30));
        t.salesLine.ts = next();
        lines.put(t.salesLine.id, t.salesLine);
        t.yourRef = "PO-" + random.nextInt(100000);
        t.lineTs1 = next();
        t.lineTs2 = next();
        t.attachmentTs = next();
    }

    /** Pays all of a term or a part of it: the term's open amount drops and a bank line appears. */
    private void pay(Term t) {
        BigDecimal paid = random.nextBoolean() ? t.open
                : t.open.multiply(BigDecimal.valueOf(20 + random.nextInt(60), 2)).setScale(2, RoundingMode.HALF_UP);
        Line line = new Line(t.account, t.invoiceNumber, TransactionLineRecord.CASH_OR_BANK, paid.negate(),
                t.dueDate.plusDays(random.nextInt(40) - 10L));
        line.ts = next();
        lines.put(line.id, line);
        t.payments.add(line);
        t.open = t.open.subtract(paid);
        t.ts = next();
    }

    /** A payment booked on the wrong invoice is removed in Exact: the bank line is deleted, the term reopens. */
    private void reverseLastPayment(Term t) {
        Line line = t.payments.remove(t.payments.size() - 1);
        delete(line.id, DeletionRecord.TRANSACTION_LINE, () -> line.deleted = true);
        t.open = t.open.add(line.amountDc.negate());
        t.ts = next();
    }

    private void delete(UUID key, int type, Runnable mark) {
        mark.run();
        deletions.add(new Deletion(key, type, next()));
    }

    private <T> java.util.Optional<T> pick(Map<UUID, T> all) {
        List<T> values = new ArrayList<>(all.values());
        for (int attempt = 0; attempt < 5; attempt++) {
            T candidate = values.get(random.nextInt(values.size()));
            boolean gone = candidate instanceof Contact c ? c.deleted || accounts.get(c.account).deleted
                    : candidate instanceof Term t ? t.deleted : candidate instanceof Line l && l.deleted;
            if (!gone) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    private long next() {
        return ++rowVersion;
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** A date as Exact writes it in JSON. */
    static String date(LocalDate d) {
        return "/Date(" + d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + ")/";
    }
}
