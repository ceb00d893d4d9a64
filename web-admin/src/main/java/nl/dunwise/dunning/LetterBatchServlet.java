package nl.dunwise.dunning;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import nl.dunwise.exact.ExactConnectionService;

/**
 * The PDF of one letter batch, for staff only (web.xml guards every path of the cockpit), as an attachment.
 * The batch is looked up within the division the cockpit works in, so another division's id finds nothing.
 */
@WebServlet("/letter-batches/*")
public class LetterBatchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private LetterBatches batches;

    @Inject
    private ExactConnectionService connections;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Integer> division = connections.cockpitDivision();
        Optional<Long> id = batchId(request.getPathInfo());
        Optional<byte[]> pdf = division.flatMap(d -> id.flatMap(i -> batches.pdf(d, i)));
        if (pdf.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"letters-" + id.get() + ".pdf\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(pdf.get().length);
        response.getOutputStream().write(pdf.get());
    }

    /** "/42" or "/42.pdf"; anything else is no batch. */
    private static Optional<Long> batchId(String path) {
        if (path == null || !path.matches("/\\d{1,18}(\\.pdf)?")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(path.substring(1).replace(".pdf", "")));
    }
}
