package io.quire.runtime.output.s3;

import io.quire.runtime.output.NotebookStorageException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;

/** Turns what S3 or the SDK says into messages that tell a user what went wrong and what to change. */
final class S3Errors {

    private S3Errors() {
    }

    /**
     * @param action   what was being done, e.g. "write the output notebook"
     * @param location the {@code s3://} location concerned
     */
    static NotebookStorageException explain(SdkException e, String action, URI location, S3Client client) {
        String endpoint = client.serviceClientConfiguration().endpointOverride().map(URI::toString)
                .orElse("AWS S3 in " + client.serviceClientConfiguration().region());
        String prefix = "could not " + action + " at " + location + " (" + endpoint + "): ";
        if (e instanceof S3Exception s3) {
            return new NotebookStorageException(prefix + refusal(s3, location), e);
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("Unable to load credentials")) {
            return new NotebookStorageException(prefix + "no AWS credentials found; set AWS_ACCESS_KEY_ID and"
                    + " AWS_SECRET_ACCESS_KEY, an AWS profile, or Quire's S3 access and secret key settings", e);
        }
        if (causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class)
                || causedBy(e, SocketTimeoutException.class)) {
            return new NotebookStorageException(prefix + "the S3 endpoint cannot be reached (" + rootCause(e)
                    + "); check the endpoint setting, that the server is running, and the network", e);
        }
        return new NotebookStorageException(prefix + text, e);
    }

    private static String refusal(S3Exception e, URI location) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if ("NoSuchBucket".equals(code)) {
            return "the bucket '" + location.getHost() + "' does not exist; create it, or fix the bucket name";
        }
        if ("InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
            return "S3 does not accept the credentials (" + code + "): the access key is unknown to this server"
                    + " or the secret key is wrong; check the credentials and the endpoint";
        }
        if ("AccessDenied".equals(code)) {
            return "access denied; the credentials in use may not read or write this bucket and key: check the"
                    + " bucket policy and the credentials' permissions (s3:GetObject, s3:PutObject)";
        }
        if (e.statusCode() == 403) { // answers to HEAD have no body, hence no code to tell these apart
            return "access denied (403): either S3 does not accept the credentials (unknown access key, wrong"
                    + " secret key) or they may not use this bucket and key; check the credentials, the endpoint"
                    + " and the bucket policy";
        }
        return "S3 answered " + e.statusCode() + (code == null ? "" : " " + code) + ": "
                + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage())
                + (e.statusCode() == 404 || e.statusCode() == 405
                ? "; is the endpoint an S3 server, and is path-style access set as it needs?" : "");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.toString();
    }
}
