package nl.dunwise.dunning.channel;

/** What the gateway answered for a message it took: its id and the recipient's status ("sent", "scheduled", ...). */
public record SmsReceipt(String id, String status) {
}
