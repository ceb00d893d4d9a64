package nl.dunwise.sandbox.exact.oauth;

import java.util.Map;

/**
 * The HTML of the sign-in and error pages. Plain server-rendered HTML with inline CSS, no scripts, so
 * a browser test (or a person) sees a page that behaves like Exact's: fill in, press the button, get
 * redirected. Element ids {@code username}, {@code password} and {@code authorize} are a contract with
 * the end-to-end tests.
 */
public final class LoginPage {

    private static final String STYLE = """
            body{margin:0;font-family:"Segoe UI",Roboto,Helvetica,Arial,sans-serif;background:#eef1f5;color:#1d2433}
            header{background:#e2001a;color:#fff;padding:14px 28px;font-size:20px;font-weight:600;letter-spacing:.2px}
            header small{font-weight:400;opacity:.85;margin-left:8px;font-size:14px}
            main{max-width:420px;margin:56px auto;background:#fff;border-radius:8px;
                 box-shadow:0 2px 12px rgba(20,30,60,.12);padding:32px 36px}
            h1{font-size:22px;margin:0 0 6px}
            p.lead{margin:0 0 22px;color:#56607a;font-size:14px;line-height:1.45}
            label{display:block;font-size:13px;font-weight:600;margin:14px 0 6px}
            input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:10px 12px;font-size:15px;
                 border:1px solid #c5cbd8;border-radius:4px}
            input:focus{outline:2px solid #2b6cd4;border-color:#2b6cd4}
            button{margin-top:24px;width:100%;padding:11px;font-size:15px;font-weight:600;color:#fff;
                 background:#2b6cd4;border:0;border-radius:4px;cursor:pointer}
            button:hover{background:#1f58b5}
            .error{background:#fdecee;border:1px solid #f3b7bf;color:#9b1226;padding:10px 12px;border-radius:4px;
                 font-size:14px;margin-bottom:12px}
            .note{margin-top:22px;font-size:12px;color:#7a8397;line-height:1.4}
            code{background:#f1f3f7;padding:1px 4px;border-radius:3px}
            """;

    private LoginPage() {
    }

    /**
     * @param action  where the form posts to (the same auth URL)
     * @param hidden  the OAuth parameters to carry through the POST
     * @param appName how the app is shown to the user
     * @param error   a message above the form, or null
     */
    public static String signIn(String action, Map<String, String> hidden, String appName, String username,
                                String password, String error) {
        StringBuilder h = new StringBuilder(4096);
        head(h, "Exact Online (sandbox) - Log in");
        h.append("<main>\n<h1>Log in</h1>\n<p class=\"lead\">The application <strong>").append(esc(appName))
         .append("</strong> asks for access to your Exact Online administrations.</p>\n");
        if (error != null) {
            h.append("<div class=\"error\" id=\"error\">").append(esc(error)).append("</div>\n");
        }
        h.append("<form method=\"post\" action=\"").append(esc(action)).append("\" autocomplete=\"off\">\n");
        for (Map.Entry<String, String> e : hidden.entrySet()) {
            if (e.getValue() != null) {
                h.append("<input type=\"hidden\" name=\"").append(esc(e.getKey())).append("\" value=\"")
                 .append(esc(e.getValue())).append("\">\n");
            }
        }
        h.append("<label for=\"username\">Username</label>\n")
         .append("<input type=\"text\" id=\"username\" name=\"username\" value=\"").append(esc(username)).append("\">\n")
         .append("<label for=\"password\">Password</label>\n")
         .append("<input type=\"password\" id=\"password\" name=\"password\" value=\"").append(esc(password)).append("\">\n")
         .append("<button type=\"submit\" id=\"authorize\">Log in and authorize</button>\n</form>\n")
         .append("<p class=\"note\">This is a simulated Exact Online for development and demos. The demo user ")
         .append("<code>demo@dunwise.example</code> / <code>demo</code> is filled in.</p>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    public static String error(String title, String message) {
        StringBuilder h = new StringBuilder(2048);
        head(h, "Exact Online (sandbox) - " + title);
        h.append("<main>\n<h1>").append(esc(title)).append("</h1>\n<div class=\"error\" id=\"error\">")
         .append(esc(message)).append("</div>\n<p class=\"note\">The request was not forwarded to the application.</p>\n")
         .append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void head(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
         .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
         .append(esc(title)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
         .append("<header>Exact Online <small>(sandbox)</small></header>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }
}
