package nl.dunwise.dunning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import nl.dunwise.dunning.channel.PhoneNumber;
import nl.dunwise.dunning.channel.SmsGateway;
import nl.dunwise.dunning.channel.SmsGatewayException;
import nl.dunwise.dunning.channel.SmsReceipt;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMS gateway as configured: base URL, API key and sender from MicroProfile Config. A missing setting
 * is not an error at deployment (most installations never send an SMS) but fails each SMS reminder with a
 * sentence naming the variable to set.
 */
@ApplicationScoped
public class SmsChannel {

    @Inject
    @ConfigProperty(name = "dunwise.sms.base-url")
    Optional<String> baseUrl;

    @Inject
    @ConfigProperty(name = "dunwise.sms.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "dunwise.sms.sender")
    Optional<String> sender;

    private volatile SmsGateway gateway;

    SmsReceipt send(PhoneNumber to, String text, String reference) {
        String originator = required(sender, "DUNWISE_SMS_SENDER");
        return gateway().send(originator, to, text, reference);
    }

    private SmsGateway gateway() {
        SmsGateway g = gateway;
        if (g == null) {
            String url = required(baseUrl, "DUNWISE_SMS_BASE_URL");
            String key = required(apiKey, "DUNWISE_SMS_API_KEY");
            try {
                g = new SmsGateway(URI.create(url), key);
            } catch (IllegalArgumentException e) {
                throw new SmsGatewayException(0, "DUNWISE_SMS_BASE_URL is not a URL: " + url);
            }
            gateway = g;
        }
        return g;
    }

    private static String required(Optional<String> value, String variable) {
        return value.map(String::strip).filter(v -> !v.isEmpty()).orElseThrow(() -> new SmsGatewayException(0,
                "Dunwise has no SMS gateway settings: set " + variable + " (see the README's configuration table)."));
    }
}
