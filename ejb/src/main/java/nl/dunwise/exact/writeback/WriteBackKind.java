package nl.dunwise.exact.writeback;

/** What is written to Exact: a CommunicationNote on the account, or a change of the account itself. */
public enum WriteBackKind {
    /** POST activities/CommunicationNotes: reminders, and later disputes, plans and promises. */
    NOTE,
    /** PUT crm/Accounts(guid'..') with Blocked: a credit hold that sales sees in Exact. */
    HOLD,
    /** PUT crm/Accounts(guid'..') with CreditLineSales. */
    CREDIT_LINE
}
