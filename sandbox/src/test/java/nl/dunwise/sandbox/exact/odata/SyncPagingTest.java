package nl.dunwise.sandbox.exact.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class SyncPagingTest {

    private static List<Long> timestamps(long from, int n) {
        return LongStream.range(from, from + n).boxed().toList();
    }

    @Test
    void skipTokenFormat() {
        assertEquals("3000001000L", SyncPaging.formatSkipToken(3000001000L));
        assertEquals(3000001000L, SyncPaging.parseSkipToken("3000001000L"));
        assertEquals(3000001000L, SyncPaging.parseSkipToken("3000001000"));
        assertEquals(Long.MIN_VALUE, SyncPaging.parseSkipToken(null));
        assertThrows(ODataException.class, () -> SyncPaging.parseSkipToken("guid'abc'"));
    }

    @Test
    void fetchesOneMoreThanAPageToKnowIfThereIsMore() {
        assertEquals(1001, SyncPaging.fetchLimit(null, 1000));
        assertEquals(5, SyncPaging.fetchLimit(5, 1000));
        assertEquals(1000, SyncPaging.fetchLimit(5000, 1000));
    }

    @Test
    void fullPagePlusOneGivesNextToken() {
        SyncPaging.Page<Long> p = SyncPaging.page(timestamps(100, 1001), null, 1000, Long::longValue);
        assertEquals(1000, p.rows().size());
        assertTrue(p.hasNext());
        assertEquals("1099L", p.nextSkipToken());
    }

    @Test
    void exactlyOnePageHasNoNext() {
        SyncPaging.Page<Long> p = SyncPaging.page(timestamps(100, 1000), null, 1000, Long::longValue);
        assertEquals(1000, p.rows().size());
        assertFalse(p.hasNext());
        assertNull(p.nextSkipToken());
        assertFalse(SyncPaging.page(List.<Long>of(), null, 1000, Long::longValue).hasNext());
    }

    @Test
    void topIsOneSliceWithoutNext() {
        SyncPaging.Page<Long> p = SyncPaging.page(timestamps(1, 5), 5, 1000, Long::longValue);
        assertEquals(5, p.rows().size());
        assertFalse(p.hasNext());
    }

    @Test
    void nextLinkKeepsOptionsAndReplacesSkipToken() {
        String url = "http://127.0.0.1:12080/exact-sandbox/api/v1/3124567/sync/CRM/Accounts";
        assertEquals(url + "?$select=ID,Code&$filter=Timestamp%20gt%201L&$skiptoken=3000000999L",
                SyncPaging.nextLink(url, "$select=ID,Code&$filter=Timestamp%20gt%201L", "3000000999L"));
        assertEquals(url + "?$filter=Timestamp+gt+1L&foo=bar&$skiptoken=9L",
                SyncPaging.nextLink(url, "$skiptoken=5L&$filter=Timestamp+gt+1L&foo=bar", "9L"));
        assertEquals(url + "?$select=ID&$skiptoken=9L",
                SyncPaging.nextLink(url, "%24skiptoken=5L&$select=ID", "9L"));
        assertEquals(url + "?$skiptoken=9L", SyncPaging.nextLink(url, null, "9L"));
    }
}
