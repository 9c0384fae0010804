package io.quire.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HeaderTest {

    @Test
    void datesWithMicrosecondsAndOffsetsAsIpykernelSendsThemAreRead() throws Exception {
        Header header = Header.fromJson(Json.tree(("{\"msg_id\":\"m\",\"msg_type\":\"status\","
                + "\"date\":\"2024-05-01T12:00:00.123456+02:00\"}").getBytes()));

        assertThat(header.date()).isEqualTo(OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 123_456_000,
                ZoneOffset.ofHours(2)));
    }

    @Test
    void naiveDatesFromOldKernelsAreReadAsUtc() throws Exception {
        Header header = Header.fromJson(Json.tree(
                "{\"msg_id\":\"m\",\"msg_type\":\"status\",\"date\":\"2024-05-01T12:00:00\"}".getBytes()));

        assertThat(header.date().getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void anEmptyParentHeaderMeansNoParent() throws Exception {
        assertThat(Header.fromJson(Json.tree("{}".getBytes()))).isNull();
    }
}
