package io.quire.gateway.http.contents;

import io.quire.gateway.http.HttpException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiPathTest {

    @Test
    void aPathIsPercentDecodedOnceAndItsSlashesTrimmed() {
        assertThat(ApiPath.fromEncoded("/a%20b/c%25d.ipynb/")).isEqualTo("a b/c%d.ipynb");
        assertThat(ApiPath.fromEncoded("/caf%C3%A9.txt")).isEqualTo("café.txt");
        assertThat(ApiPath.fromEncoded("/%252e%252e")).isEqualTo("%2e%2e");
        assertThat(ApiPath.fromEncoded("")).isEmpty();
        assertThat(ApiPath.fromEncoded("/")).isEmpty();
    }

    @Test
    void pathsThatLeaveTheTreeOrAreMalformedAreRefused() {
        for (String encoded : new String[]{"/..", "/a/../../b", "/%2e%2e/x", "/a%2F..%2F..%2Fb", "/a%5Cb", "/a%00b",
                "/C:%5Cx", "/a//b", "/./a", "/%zz", "/%e2%82", "/%", "/%4"}) {
            assertThatThrownBy(() -> ApiPath.fromEncoded(encoded)).as(encoded).isInstanceOf(HttpException.class)
                    .matches(e -> ((HttpException) e).status() == 400);
        }
    }

    @Test
    void urlsKeepSlashesAndEscapeTheRest() {
        assertThat(ApiPath.escape("a b/ü.ipynb")).isEqualTo("a%20b/%C3%BC.ipynb");
    }

    @Test
    void freeNamesAreNumberedAsJupyterNumbersThem() {
        java.util.Set<String> taken = java.util.Set.of("d/Untitled.ipynb", "d/x.tar.gz", "d/x-Copy1.tar.gz");
        assertThat(FreeNames.increment("Untitled.ipynb", "d", "", taken::contains)).isEqualTo("Untitled1.ipynb");
        assertThat(FreeNames.increment("Untitled Folder", "d", " ", taken::contains)).isEqualTo("Untitled Folder");
        assertThat(FreeNames.copyOf("x.tar.gz", "d", taken::contains)).isEqualTo("x-Copy2.tar.gz");
        assertThat(FreeNames.copyOf("x-Copy1.tar.gz", "d", taken::contains)).isEqualTo("x-Copy2.tar.gz");
    }
}
