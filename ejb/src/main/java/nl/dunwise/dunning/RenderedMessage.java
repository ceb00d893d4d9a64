package nl.dunwise.dunning;

/** A template with its merge fields filled in, ready to send. */
public record RenderedMessage(String subject, String html, String text) {
}
