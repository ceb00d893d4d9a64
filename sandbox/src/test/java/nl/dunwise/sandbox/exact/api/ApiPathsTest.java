package nl.dunwise.sandbox.exact.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiPathsTest {

    @Test
    void v1Detection() {
        assertTrue(ApiPaths.isV1("v1/current/Me"));
        assertTrue(ApiPaths.isV1("/v1/3124567/sync/CRM/Accounts"));
        assertFalse(ApiPaths.isV1("oauth2/token"));
        assertFalse(ApiPaths.isV1("v10/x"));
    }

    @Test
    void caseInsensitiveLikeExact() {
        assertEquals("v1/current/Me", ApiPaths.canonical("v1/Current/me"));
        assertEquals("v1/3124567/sync/CRM/Accounts", ApiPaths.canonical("v1/3124567/sync/crm/accounts"));
        assertEquals("v1/3124567/sync/Cashflow/PaymentTerms", ApiPaths.canonical("/v1/3124567/SYNC/cashflow/paymentterms"));
        assertEquals("v1/3124567/system/Divisions", ApiPaths.canonical("v1/3124567/system/divisions"));
        assertEquals("v1/3124567/crm/Unknown", ApiPaths.canonical("v1/3124567/crm/Unknown"));
    }

    @Test
    void aRecordKeyKeepsItsSpellingWhileTheEntitySetIsNormalised() {
        assertEquals("v1/3124567/crm/Accounts(guid'AB12cd34-0000-4000-8000-000000000001')",
                ApiPaths.canonical("v1/3124567/CRM/accounts(guid'AB12cd34-0000-4000-8000-000000000001')"));
        assertEquals("v1/3124567/activities/CommunicationNotes",
                ApiPaths.canonical("v1/3124567/Activities/communicationnotes"));
    }

    @Test
    void theEndpointOfACallIsItsEntitySetWithoutDivisionOrKey() {
        assertEquals("crm/Accounts", ApiPaths.endpoint("v1/3124567/crm/Accounts(guid'AB12cd34-0000-4000-8000-000000000001')"));
        assertEquals("sync/CRM/Accounts", ApiPaths.endpoint("v1/3124567/sync/CRM/Accounts"));
        assertEquals("activities/CommunicationNotes", ApiPaths.endpoint("/v1/3124567/activities/CommunicationNotes"));
        assertEquals("current/Me", ApiPaths.endpoint("v1/current/Me"));
        assertEquals("v1/3124567", ApiPaths.endpoint("v1/3124567"));
    }

    @Test
    void divisionOfACall() {
        assertEquals(3124567, ApiPaths.division("v1/3124567/sync/Deleted", 1));
        assertEquals(42, ApiPaths.division("v1/current/Me", 42));
        assertEquals(-1, ApiPaths.division("v1/abc/sync/Deleted", 42));
        assertEquals(-1, ApiPaths.division("v1", 42));
    }

    @Test
    void bearer() {
        assertEquals("abc", ApiGateFilter.bearer("Bearer abc"));
        assertEquals("abc", ApiGateFilter.bearer("bearer  abc "));
        assertNull(ApiGateFilter.bearer("Basic abc"));
        assertNull(ApiGateFilter.bearer("Bearer "));
        assertNull(ApiGateFilter.bearer(null));
    }

    @Test
    void errorBodyShape() {
        assertEquals("{\"error\":{\"code\":\"\",\"message\":{\"lang\":\"\",\"value\":\"text\"}}}", ExactErrors.body("text"));
    }
}
