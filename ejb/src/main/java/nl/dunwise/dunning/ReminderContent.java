package nl.dunwise.dunning;

import java.util.List;

/** A reminder as composed for sending: the message, and the invoices it lists. */
public record ReminderContent(RenderedMessage message, List<ReminderItem> items) {
}
