package nl.dunwise.dunning.bounce;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads delivery status notifications: {@code multipart/report; report-type=delivery-status} (RFC 3464/6522),
 * whose {@code message/delivery-status} part holds one block of fields for the report and one per recipient,
 * and whose last part returns the original message ({@code message/rfc822}) or its headers
 * ({@code text/rfc822-headers}). Written for what Postfix, Exchange Online and Gmail send.
 */
public final class DeliveryReports {

    /** RFC 3463: class.subject.detail, e.g. 5.1.1 or 4.4.7. */
    private static final Pattern STATUS = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
    private static final List<String> RETURNED_TO = List.of("To", "Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To");

    private DeliveryReports() {
    }

    /**
     * The report in {@code mail}; empty when the mail is no delivery report at all (an out-of-office reply, a
     * read receipt, a person answering the bounce address).
     */
    public static Optional<DeliveryReport> parse(MimeMessage mail) throws MalformedReportException {
        try {
            if (!isDeliveryReport(mail)) {
                return Optional.empty();
            }
            if (!(mail.getContent() instanceof Multipart parts)) {
                throw new MalformedReportException("The report has no parts");
            }
            String statusText = null;
            String originalMessageId = null;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (statusText == null && (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status"))) {
                    statusText = new String(readAll(part), StandardCharsets.UTF_8);
                } else if (originalMessageId == null && (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")
                        || part.isMimeType("message/global") || part.isMimeType("message/global-headers"))) {
                    originalMessageId = originalMessageId(part);
                }
            }
            if (statusText == null) {
                throw new MalformedReportException("The report has no message/delivery-status part");
            }
            List<Map<String, String>> blocks = blocks(statusText);
            List<RecipientStatus> recipients = new ArrayList<>();
            for (Map<String, String> block : blocks.subList(1, blocks.size())) {
                recipients.add(recipient(block));
            }
            if (recipients.isEmpty()) {
                throw new MalformedReportException("The report names no recipient");
            }
            if (originalMessageId == null) {
                // Gmail names the returned message in the report's own fields too.
                originalMessageId = blocks.get(0).get("x-original-message-id");
            }
            return Optional.of(new DeliveryReport(key(mail), receivedAt(mail, blocks.get(0)), returnedTo(mail),
                    originalMessageId, recipients));
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new MalformedReportException("The report cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean isDeliveryReport(MimeMessage mail) throws MessagingException {
        if (!mail.isMimeType("multipart/report")) {
            return false;
        }
        try {
            String type = new ContentType(mail.getContentType()).getParameter("report-type");
            return type != null && type.strip().equalsIgnoreCase("delivery-status");
        } catch (ParseException e) {
            return false;
        }
    }

    /** The returned message's Message-ID: its headers come first, whether the whole message or only they came back. */
    private static String originalMessageId(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            String id = new InternetHeaders(in).getHeader("Message-ID", null);
            return id == null || id.isBlank() ? null : id.strip();
        }
    }

    /**
     * The fields of the status part, block by block: the first is the report's, each further one a recipient's.
     * Lines starting with white space continue the field above (Gmail folds its diagnostics).
     */
    static List<Map<String, String>> blocks(String text) throws MalformedReportException {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> block = new LinkedHashMap<>();
        String last = null;
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    blocks.add(block);
                    block = new LinkedHashMap<>();
                }
                last = null;
            } else if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                block.merge(last, " " + line.strip(), String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new MalformedReportException("Not a status field: " + line);
                }
                last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                block.putIfAbsent(last, line.substring(colon + 1).strip());
            }
        }
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        if (blocks.isEmpty()) {
            throw new MalformedReportException("The status part is empty");
        }
        return blocks;
    }

    private static RecipientStatus recipient(Map<String, String> block) throws MalformedReportException {
        String recipient = withoutType(block.getOrDefault("final-recipient", block.get("original-recipient")));
        String action = block.get("action");
        String diagnostic = withoutType(block.get("diagnostic-code"));
        if (recipient == null || recipient.isEmpty() || action == null || action.isBlank()) {
            throw new MalformedReportException("A recipient block lacks Final-Recipient or Action: " + block);
        }
        String status = statusCode(block.get("status")).or(() -> statusCode(diagnostic))
                .orElseThrow(() -> new MalformedReportException("No status for " + recipient));
        return new RecipientStatus(recipient, action.strip().toLowerCase(Locale.ROOT), status, diagnostic);
    }

    private static Optional<String> statusCode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = STATUS.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** "rfc822; a@b" is a@b, "smtp; 550 ..." is "550 ...". */
    private static String withoutType(String value) {
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        String plain = semicolon >= 0 ? value.substring(semicolon + 1) : value;
        plain = plain.strip();
        return plain.startsWith("<") && plain.endsWith(">") ? plain.substring(1, plain.length() - 1) : plain;
    }

    private static String key(MimeMessage mail) throws MessagingException, IOException {
        String id = mail.getMessageID();
        if (id != null && !id.isBlank()) {
            return id.strip();
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mail.writeTo(raw);
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static Instant receivedAt(MimeMessage mail, Map<String, String> reportFields) throws MessagingException {
        if (mail.getSentDate() != null) {
            return mail.getSentDate().toInstant();
        }
        String arrival = reportFields.get("arrival-date");
        if (arrival != null) {
            try {
                return new MailDateFormat().parse(arrival).toInstant();
            } catch (java.text.ParseException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> returnedTo(MimeMessage mail) throws MessagingException {
        List<String> addresses = new ArrayList<>();
        for (String header : RETURNED_TO) {
            String[] values = mail.getHeader(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                try {
                    for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                        addresses.add(address.getAddress());
                    }
                } catch (AddressException e) {
                    addresses.add(value.strip());
                }
            }
        }
        return addresses;
    }

    private static byte[] readAll(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
