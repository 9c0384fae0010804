package io.quire.gateway.users;

/** Someone who may call the server: their name (recorded in every event they cause) and where they may work. */
public record User(String name, Workspaces workspaces) {
}
