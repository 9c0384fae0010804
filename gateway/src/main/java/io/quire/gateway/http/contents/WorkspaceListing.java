package io.quire.gateway.http.contents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.gateway.http.auth.WorkspaceGuard;
import io.quire.gateway.users.Workspaces;

/**
 * What a user limited to workspaces sees of a contents model: in a folder on the way to a workspace (the root, or
 * "team" for "team/a") only the entries that lead to or lie in a workspace, so the root lists their workspaces' top
 * folders; and nothing but folders there (a file named like a folder on the way is not theirs). Stateless.
 */
final class WorkspaceListing {

    private WorkspaceListing() {
    }

    /**
     * The model as {@code user} may see it (changed in place).
     *
     * @throws io.quire.gateway.http.HttpException 403 when the model is not a folder and lies outside the workspaces
     */
    static ObjectNode filter(ObjectNode model, String user, Workspaces workspaces) {
        String path = model.path("path").asText();
        if (workspaces.allows(path)) {
            return model;
        }
        if (!"directory".equals(model.path("type").asText())) {
            WorkspaceGuard.require(user, workspaces, path);
        }
        JsonNode content = model.get("content");
        if (content instanceof ArrayNode entries) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (!workspaces.shows(entries.get(i).path("path").asText())) {
                    entries.remove(i);
                }
            }
        }
        return model;
    }
}
