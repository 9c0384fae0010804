package io.quire.runtime.output.s3;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Alone: one test sets the AWS SDK's JVM-wide region and config file properties, read by every S3 client. */
@Isolated
class S3SettingsTest {

    @Test
    void anEndpointMustBeAnHttpUrlWithAHost() {
        assertThatThrownBy(() -> S3Settings.defaults().withEndpoint(URI.create("localhost:9000")))
                .hasMessageContaining("invalid S3 endpoint 'localhost:9000'")
                .hasMessageContaining("http://host:port");
        assertThatThrownBy(() -> S3Settings.defaults().withEndpoint(URI.create("ftp://host")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsNeedBothKeys() {
        assertThatThrownBy(() -> S3Settings.defaults().withCredentials("key", null))
                .hasMessageContaining("both an access key and a secret key");
    }

    @Test
    void theSecretKeyIsNeverPrinted() {
        assertThat(S3Settings.defaults().withCredentials("AKIAEXAMPLE", "very-secret").toString())
                .contains("AKIAEXAMPLE")
                .doesNotContain("very-secret");
    }

    @Test
    void aConfiguredRegionIsUsed() {
        assertThat(S3Clients.region(S3Settings.defaults().withRegion("eu-west-3")).id()).isEqualTo("eu-west-3");
    }

    @Test
    void withoutAConfiguredRegionTheEnvironmentsIsUsedOtherwiseUsEast1(@TempDir Path home) {
        Assumptions.assumeTrue(System.getenv("AWS_REGION") == null, "AWS_REGION is set in this environment");
        // Point the SDK at an empty AWS config, so this machine's ~/.aws cannot decide.
        System.setProperty("aws.configFile", home.resolve("config").toString());
        try {
            assertThat(S3Clients.region(S3Settings.defaults())).isEqualTo(S3Clients.DEFAULT_REGION);
            System.setProperty("aws.region", "ap-south-1");
            assertThat(S3Clients.region(S3Settings.defaults()).id()).isEqualTo("ap-south-1");
        } finally {
            System.clearProperty("aws.region");
            System.clearProperty("aws.configFile");
        }
    }
}
