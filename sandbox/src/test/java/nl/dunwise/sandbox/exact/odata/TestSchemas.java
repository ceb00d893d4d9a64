package nl.dunwise.sandbox.exact.odata;

import java.util.List;

/** A small schema covering every EDM type, for parser and compiler tests. */
final class TestSchemas {

    private TestSchemas() {
    }

    static final EntitySchema ACCOUNT = new EntitySchema("Exact.Web.Api.Models.Sync.CRM.Account", List.of(
            Field.of("Timestamp", EdmType.INT64, "row_version"),
            Field.of("Blocked", EdmType.BOOLEAN, "blocked"),
            Field.of("Code", EdmType.STRING, "lpad(code, 18)"),
            Field.of("Created", EdmType.DATETIME, "created"),
            Field.of("CreditLineSales", EdmType.DOUBLE, "credit_line_sales"),
            Field.of("Division", EdmType.INT32, "division"),
            Field.of("ID", EdmType.GUID, "id"),
            Field.of("Name", EdmType.STRING, "name"),
            Field.of("Status", EdmType.INT16, "status")));
}
