package io.quire.runtime.output.s3;

import java.net.URI;

/**
 * How to reach S3 or an S3-compatible server (MinIO, Ceph, S3Proxy...). Start from {@link #defaults()} and change
 * what differs; an invalid combination fails when the settings are made, so a bad configuration stops start-up.
 *
 * @param endpoint  the server's {@code http(s)://host:port}, or {@code null} for AWS S3 itself
 * @param pathStyle address buckets as {@code endpoint/bucket/key} rather than {@code bucket.endpoint/key}; most
 *                  S3-compatible servers need it
 * @param region    the region to sign for, or {@code null}: then {@code AWS_REGION}/{@code aws.region}, the AWS
 *                  profile's region, and finally {@code us-east-1}
 * @param accessKey explicit credentials with {@code secretKey}, or {@code null} for the SDK's default chain
 *                  (environment, system properties, profile, container or instance role)
 * @param secretKey the secret of {@code accessKey}; never printed
 */
public record S3Settings(URI endpoint, boolean pathStyle, String region, String accessKey, String secretKey) {

    public S3Settings {
        if (endpoint != null && (endpoint.getHost() == null
                || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())))) {
            throw new IllegalArgumentException("invalid S3 endpoint '" + endpoint
                    + "': give it as http://host:port or https://host:port");
        }
        if (region != null && region.isBlank()) {
            throw new IllegalArgumentException("the S3 region is blank: give one (e.g. us-east-1) or none at all");
        }
        if ((accessKey == null) != (secretKey == null) || (accessKey != null && accessKey.isBlank())) {
            throw new IllegalArgumentException("S3 credentials need both an access key and a secret key; give both,"
                    + " or neither to use the AWS default credentials chain");
        }
    }

    /** AWS S3, virtual-hosted addressing, region and credentials from the environment. */
    public static S3Settings defaults() {
        return new S3Settings(null, false, null, null, null);
    }

    /** These settings with another endpoint, e.g. {@code http://127.0.0.1:9000}. */
    public S3Settings withEndpoint(URI endpoint) {
        return new S3Settings(endpoint, pathStyle, region, accessKey, secretKey);
    }

    /** These settings with path-style bucket addressing on or off. */
    public S3Settings withPathStyle(boolean pathStyle) {
        return new S3Settings(endpoint, pathStyle, region, accessKey, secretKey);
    }

    /** These settings signing for {@code region}. */
    public S3Settings withRegion(String region) {
        return new S3Settings(endpoint, pathStyle, region, accessKey, secretKey);
    }

    /** These settings with explicit credentials instead of the default chain. */
    public S3Settings withCredentials(String accessKey, String secretKey) {
        return new S3Settings(endpoint, pathStyle, region, accessKey, secretKey);
    }

    @Override
    public String toString() { // keeps the secret out of logs
        return "S3Settings[endpoint=" + (endpoint == null ? "AWS" : endpoint) + ", pathStyle=" + pathStyle
                + ", region=" + region + ", credentials=" + (accessKey == null ? "default chain" : accessKey) + "]";
    }
}
