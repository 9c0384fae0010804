package io.quire.runtime.output.s3;

import io.quire.runtime.output.NotebookStorageException;
import io.quire.runtime.output.OutputExistsException;
import io.quire.runtime.output.OutputStore;
import io.quire.runtime.output.OutputStoreContract;
import io.quire.runtime.testing.S3TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3OutputStoreTest extends OutputStoreContract {

    @TempDir
    static Path blobs;

    private static S3TestServer s3;
    private static S3Client client;

    @BeforeAll
    static void startServer() {
        s3 = S3TestServer.inDirectory(blobs);
        client = S3Clients.create(s3.settings());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        s3.close();
    }

    @Override
    protected OutputStore newStore() {
        return new S3OutputStore(client, s3.newBucket(), "outputs");
    }

    @Test
    void theServerItselfRefusesAConditionalPutOfAnExistingKey() {
        // What write-once rests on, checked without the store's HEAD: S3Proxy answers If-None-Match with a 412.
        // The first object is put unconditionally: the SDK retries a PUT whose answer it did not get (a CI run saw
        // one), and a conditional retry would be refused by the object its own first attempt stored.
        String bucket = s3.newBucket();
        client.putObject(put -> put.bucket(bucket).key("a.ipynb"), RequestBody.fromString("one"));

        assertThatThrownBy(() -> client.putObject(put -> put.bucket(bucket).key("a.ipynb").ifNoneMatch("*"),
                RequestBody.fromString("two")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(client.getObjectAsBytes(get -> get.bucket(bucket).key("a.ipynb")).asUtf8String())
                .isEqualTo("one");
    }

    @Test
    void keysAreObjectsUnderThePrefixAndCheckpointsObjectsBesideThem() {
        String bucket = s3.newBucket();
        S3OutputStore store = S3OutputStore.at("s3://" + bucket + "/team/outputs/", client);
        store.writeCheckpoint("runs/a.ipynb", notebook("partial"));
        store.writeOnce("runs/a.ipynb", notebook("final"));

        assertThat(client.listObjectsV2(list -> list.bucket(bucket)).contents())
                .extracting(object -> object.key())
                .containsExactlyInAnyOrder("team/outputs/runs/a.ipynb", "team/outputs/runs/a.ipynb.partial");
        assertThat(store.locationOf("runs/a.ipynb"))
                .isEqualTo(URI.create("s3://" + bucket + "/team/outputs/runs/a.ipynb"));
    }

    @Test
    void aWriteRefusedBecauseTheKeyExistsSaysWhere() {
        S3OutputStore store = new S3OutputStore(client, s3.newBucket(), "");
        store.writeOnce("a.ipynb", notebook("one"));

        assertThatThrownBy(() -> store.writeOnce("a.ipynb", notebook("two")))
                .isInstanceOfSatisfying(OutputExistsException.class,
                        e -> assertThat(e.location()).isEqualTo(store.locationOf("a.ipynb")));
    }

    @Test
    void aWriteThatLandedButWhoseAnswerWasLostIsStillTheWinner() {
        // As when a connection breaks after the server stored the body: the SDK retries, and S3 refuses the
        // retry with 412 because of the object the first attempt wrote.
        try (S3Client losing = clientLosingTheAnswerToTheFirstPut()) {
            S3OutputStore store = new S3OutputStore(losing, s3.newBucket(), "");
            store.writeOnce("a.ipynb", notebook("one"));

            assertThat(store.read("a.ipynb")).hasValue(notebook("one"));
            assertThatThrownBy(() -> store.writeOnce("a.ipynb", notebook("two")))
                    .isInstanceOf(OutputExistsException.class);
        }
    }

    @Test
    void aWriteRefusedBecauseAnotherWriterTookTheKeyInTheMeantimeIsNotTheWinner() {
        // The other writer's object has no id of ours, so a 412 after a lost answer still means "exists".
        String bucket = s3.newBucket();
        try (S3Client losing = clientLosingTheAnswerToTheFirstPut()) {
            S3OutputStore store = new S3OutputStore(losing, bucket, "");
            client.putObject(put -> put.bucket(bucket).key("a.ipynb"), RequestBody.fromBytes(notebook("other")));

            assertThatThrownBy(() -> store.writeOnce("a.ipynb", notebook("mine")))
                    .isInstanceOf(OutputExistsException.class);
            assertThat(store.read("a.ipynb")).hasValue(notebook("other"));
        }
    }

    @Test
    void aMissingBucketIsNamedWithWhatToDo() {
        S3OutputStore store = new S3OutputStore(client, "no-such-bucket", "");

        assertThatThrownBy(() -> store.writeOnce("a.ipynb", notebook("one")))
                .isInstanceOf(NotebookStorageException.class)
                .hasMessageContaining("s3://no-such-bucket/a.ipynb")
                .hasMessageContaining("the bucket 'no-such-bucket' does not exist; create it");
        assertThatThrownBy(() -> store.read("a.ipynb"))
                .hasMessageContaining("the bucket 'no-such-bucket' does not exist");
    }

    @Test
    void wrongCredentialsAreExplained() {
        try (S3Client stranger = S3Clients.create(s3.settings().withCredentials("nobody", "wrong"))) {
            S3OutputStore store = new S3OutputStore(stranger, s3.newBucket(), "");

            assertThatThrownBy(() -> store.writeOnce("a.ipynb", notebook("one")))
                    .isInstanceOf(NotebookStorageException.class)
                    .hasMessageContaining("does not accept the credentials")
                    .hasMessageContaining("check the credentials");
            assertThatThrownBy(() -> store.read("a.ipynb"))
                    .isInstanceOf(NotebookStorageException.class)
                    .hasMessageContaining("S3 does not accept the credentials (InvalidAccessKeyId)");
        }
    }

    @Test
    void anEndpointWhereNothingListensIsExplained() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        try (S3Client lost = S3Clients.create(s3.settings().withEndpoint(nowhere))) {
            S3OutputStore store = new S3OutputStore(lost, "bucket", "");

            assertThatThrownBy(() -> store.writeOnce("a.ipynb", notebook("one")))
                    .isInstanceOf(NotebookStorageException.class)
                    .hasMessageContaining(nowhere.toString())
                    .hasMessageContaining("the S3 endpoint cannot be reached")
                    .hasMessageContaining("check the endpoint setting");
        }
    }

    @Test
    void targetsThatAreNotS3BucketsAreRefused() {
        for (String target : new String[] {"s3://", "s3:///prefix", "gs://bucket", "bucket/prefix"}) {
            assertThatThrownBy(() -> S3OutputStore.at(target, client))
                    .as(target)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("s3://BUCKET or s3://BUCKET/PREFIX");
        }
    }

    /** A client of the test server that throws away the answer to its first PUT of an output notebook. */
    private static S3Client clientLosingTheAnswerToTheFirstPut() {
        AtomicBoolean lost = new AtomicBoolean();
        ExecutionInterceptor loseAnswer = new ExecutionInterceptor() {
            @Override
            public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
                SdkHttpRequest request = context.httpRequest();
                if (request.method() == SdkHttpMethod.PUT && request.encodedPath().endsWith(".ipynb")
                        && lost.compareAndSet(false, true)) {
                    throw SdkClientException.create("the answer was lost on the way back (test)",
                            new IOException("Connection reset"));
                }
            }
        };
        return S3Client.builder()
                .endpointOverride(s3.endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(config -> config.addExecutionInterceptor(loseAnswer))
                .build();
    }
}
