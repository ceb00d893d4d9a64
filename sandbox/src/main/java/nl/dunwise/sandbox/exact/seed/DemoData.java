package nl.dunwise.sandbox.exact.seed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything the generator makes, ready to be inserted.
 *
 * @param terms     the open items, in invoice date order
 * @param paidTerms the invoices paid in full over the past year, in invoice date order: Exact keeps their
 *                  payment terms with status 50 (processed) and nothing open
 */
public record DemoData(Division division, User user, List<Account> accounts, List<Term> terms,
                       List<Term> paidTerms, List<Contact> contacts, List<Line> lines) {

    public record Division(int code, String description, long hid, String currency, String country, int status,
                           long seed, LocalDate generatedOn, Instant created) {
    }

    public record User(UUID id, String username, String password, String fullName, String email, String languageCode) {
    }

    public record Account(UUID id, String code, String name, String email, String phone, String language,
                          String country, String city, String postcode, String addressLine1, boolean blocked,
                          BigDecimal creditLineSales, String paymentCondition, int paymentDays,
                          PaymentProfile profile, Instant created, Instant modified) {
    }

    /**
     * One payment term of a sales entry: an open item, or an invoice paid in full.
     *
     * @param invoiceAmount   the full amount of the invoice or credit note (negative for a credit note)
     * @param openAmount      what is still unpaid: equal to the invoice amount unless part-paid, zero once paid
     * @param lastPaymentDate the day of the latest payment on it, null when nothing was paid
     */
    public record Term(UUID id, UUID accountId, UUID entryId, int invoiceNumber, LocalDate invoiceDate,
                       LocalDate dueDate, BigDecimal invoiceAmount, BigDecimal openAmount, boolean creditNote,
                       String description, String yourRef, LocalDate lastPaymentDate, String paymentCondition,
                       int paymentDays, Instant created, Instant modified) {

        public boolean partPaid() {
            return !paid() && openAmount.compareTo(invoiceAmount) != 0;
        }

        public boolean paid() {
            return openAmount.signum() == 0;
        }
    }

    /** A person at an account; every account has exactly one main contact. */
    public record Contact(UUID id, UUID accountId, String firstName, String lastName, String email, String phone,
                          boolean mainContact, Instant created) {

        public String fullName() {
            return firstName + " " + lastName;
        }
    }

    /**
     * The customer's line of a journal entry: the sales line of an invoice or credit note (type 20/21,
     * the full amount) or the receipt line of a payment (type 40, negative, dated the day it was paid,
     * naming the invoice it pays, which is how Exact matches it).
     */
    public record Line(UUID id, UUID accountId, UUID entryId, int entryNumber, String journalCode, int type,
                       LocalDate date, LocalDate dueDate, int invoiceNumber, BigDecimal amount, String description,
                       Instant created) {
    }
}
