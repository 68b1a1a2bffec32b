package org.atelier.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.atelier.runtime.ApiKeys;

/**
 * {@code atelier:keys} lists the REST API keys; {@code atelier:keys [--role user|admin] create NAME} makes one and
 * prints it this once; {@code atelier:keys revoke ID} revokes one.
 */
@Command(scope = "atelier", name = "keys", description = "Lists, creates and revokes REST API keys")
@Service
public class KeysCommand implements Action {

    @Reference
    ApiKeys keys;

    @Option(name = "--role", description = "role of a new key: user (run generators, own jobs) or admin")
    String role = "user";

    @Argument(index = 0, name = "action", description = "list (default), create or revoke")
    @Completion(value = StringsCompleter.class, values = {"list", "create", "revoke"})
    String action = "list";

    @Argument(index = 1, name = "name-or-id", description = "the new key's name (create) or the key id (revoke)")
    String value;

    @Override
    public Object execute() {
        switch (action) {
            case "list" -> {
                System.out.printf("%-18s %-6s %-28s %-8s %s%n", "ID", "ROLE", "CREATED", "STATE", "NAME");
                for (ApiKeys.Key k : keys.list()) {
                    System.out.printf("%-18s %-6s %-28s %-8s %s%n", k.id(), k.role().wireName(), k.created(),
                            k.revoked() == null ? "valid" : "revoked", k.name());
                }
            }
            case "create" -> {
                if (value == null) {
                    throw new IllegalArgumentException("name the key: atelier:keys [--role user|admin] create NAME");
                }
                ApiKeys.Created made = keys.create(value, ApiKeys.Role.parse(role));
                System.out.println("key " + made.key().id() + " (" + made.key().role().wireName() + "): "
                        + made.secret());
                System.out.println("send it as 'Authorization: Bearer KEY'; it is not shown again");
            }
            case "revoke" -> {
                if (value == null) {
                    throw new IllegalArgumentException("give the key id: atelier:keys revoke ID");
                }
                ApiKeys.Key k = keys.revoke(value);
                System.out.println("key " + k.id() + " revoked");
            }
            default -> throw new IllegalArgumentException("action is list, create or revoke, not " + action);
        }
        return null;
    }
}
