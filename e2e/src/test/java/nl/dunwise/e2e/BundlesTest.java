package nl.dunwise.e2e;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text bundle of the cockpit, the portal and the dunning engine exists in English (the base), Dutch,
 * German and French with the same keys, and every translation of a message with arguments is a valid
 * MessageFormat pattern with the same arguments (a lone apostrophe there would silently swallow text).
 * The bundles are read as files, not through ResourceBundle, whose fallback to the base would hide a
 * missing key. Both web applications offer all four languages.
 */
class BundlesTest {

    /** The languages besides the base (English) every bundle has. */
    private static final List<String> LANGUAGES = List.of("nl", "de", "fr");

    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nl/dunwise/cockpit/messages", "nl/dunwise/portal/messages", "nl/dunwise/dunning/ReminderText",
            "nl/dunwise/debtor/CollectorText",
            "nl/dunwise/plan/PlanText"})
    void everyKeyInEveryLanguageWithTheSameArguments(String bundle) throws IOException {
        Properties base = load(bundle + ".properties");
        List<String> problems = new ArrayList<>();
        for (String language : LANGUAGES) {
            Properties translation = load(bundle + "_" + language + ".properties");
            Set<String> missing = new TreeSet<>(base.stringPropertyNames());
            missing.removeAll(translation.stringPropertyNames());
            Set<String> extra = new TreeSet<>(translation.stringPropertyNames());
            extra.removeAll(base.stringPropertyNames());
            if (!missing.isEmpty()) {
                problems.add(language + " lacks " + missing);
            }
            if (!extra.isEmpty()) {
                problems.add(language + " has keys the base lacks " + extra);
            }
            for (String key : base.stringPropertyNames()) {
                String text = translation.getProperty(key);
                if (text == null) {
                    continue;
                }
                if (text.isBlank()) {
                    problems.add(language + " " + key + " is empty");
                } else if (base.getProperty(key).contains("{")) {
                    problems.addAll(asPattern(language, key, base.getProperty(key), text));
                } else if (text.matches(".*\\{\\d.*")) {
                    problems.add(language + " " + key + " has an argument the base does not give");
                }
            }
        }
        assertTrue(problems.isEmpty(), bundle + ":\n" + String.join("\n", problems));
    }

    private static List<String> asPattern(String language, String key, String base, String text) {
        List<String> problems = new ArrayList<>();
        Matcher apostrophe = LONE_APOSTROPHE.matcher(text);
        if (apostrophe.find()) {
            problems.add(language + " " + key + " has a lone ' (write '' or the typographic ’): " + text);
        }
        try {
            int expected = new MessageFormat(base, Locale.ROOT).getFormatsByArgumentIndex().length;
            int actual = new MessageFormat(text, Locale.forLanguageTag(language)).getFormatsByArgumentIndex().length;
            if (expected != actual) {
                problems.add(language + " " + key + " uses " + actual + " argument(s), the base " + expected + ": " + text);
            }
        } catch (IllegalArgumentException e) {
            problems.add(language + " " + key + " is no valid pattern (" + e.getMessage() + "): " + text);
        }
        return problems;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"web-admin", "web-portal"})
    void theWebApplicationOffersEveryLanguage(String module) throws IOException {
        String facesConfig = Files.readString(Path.of("..", module, "src/main/webapp/WEB-INF/faces-config.xml"));
        assertTrue(facesConfig.contains("<default-locale>en</default-locale>"), module + ": English is the default");
        for (String language : LANGUAGES) {
            assertTrue(facesConfig.contains("<supported-locale>" + language + "</supported-locale>"),
                    module + " offers " + language);
        }
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = BundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is on the class path");
            Properties p = new Properties();
            // As ResourceBundle reads them since Java 9: UTF-8, and escaped characters are understood too.
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
