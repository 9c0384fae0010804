package io.quire.kernel.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.kernel.wire.Json;

/**
 * A {@code kernel_info_reply}.
 *
 * @param status                ok or error
 * @param protocolVersion       the messaging protocol version the kernel speaks, e.g. {@code 5.3}
 * @param implementation        e.g. {@code ipython}
 * @param implementationVersion the implementation's version
 * @param languageName          {@code language_info.name}, e.g. {@code python}
 * @param languageVersion       {@code language_info.version}
 * @param banner                the startup banner
 * @param content               the whole content, for language_info's other fields and help_links
 */
public record KernelInfo(ReplyStatus status, String protocolVersion, String implementation,
                         String implementationVersion, String languageName, String languageVersion, String banner,
                         JsonNode content) {

    /** Reads a kernel_info_reply content. */
    public static KernelInfo from(JsonNode content) {
        JsonNode language = content.path("language_info");
        return new KernelInfo(ReplyStatus.of(Json.text(content, "status", "ok")),
                Json.text(content, "protocol_version", ""), Json.text(content, "implementation", ""),
                Json.text(content, "implementation_version", ""), Json.text(language, "name", ""),
                Json.text(language, "version", ""), Json.text(content, "banner", ""), content);
    }
}
