package io.marquee.cli;

import io.marquee.core.store.Database;
import io.marquee.server.auth.CreatedToken;
import io.marquee.server.auth.Role;
import io.marquee.server.auth.TokenStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code marquee token create|list|revoke}: API tokens (only their sha256 is stored). */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Create, list and revoke API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: create, list or revoke");
    }

    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token and print it once (it cannot be shown again).")
    static final class Create implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "reader or admin.")
        String role;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the token is for.")
        String description;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Role r = Role.parse(role);
            try (Database db = Databases.openExisting(global.db())) {
                CreatedToken t = new TokenStore(db).create(r, description, actor());
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("token", t.token());
                json.put("prefix", t.prefix());
                json.put("role", t.role().id());
                json.put("created_at", t.createdAt().toString());
                Output.print(spec.commandLine().getOut(), global.json(), json, t.token() + "\n"
                        + "(" + r.id() + " token " + t.prefix() + "…; shown once, only its hash is stored."
                        + " Send it as 'Authorization: Bearer <token>'.)");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (prefixes only).")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Databases.openExisting(global.db())) {
                List<TokenStore.TokenInfo> tokens = new TokenStore(db).list();
                List<Map<String, Object>> rows = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                for (TokenStore.TokenInfo t : tokens) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("prefix", t.prefix());
                    m.put("role", t.role().id());
                    m.put("description", t.description());
                    m.put("created_by", t.createdBy());
                    m.put("created_at", t.createdAt().toString());
                    m.put("revoked_at", t.revokedAt() == null ? null : t.revokedAt().toString());
                    rows.add(m);
                    text.append(String.format("%-12s %-7s %-25s %s%s%n", t.prefix(), t.role().id(), t.createdAt(),
                            t.description() == null ? "" : t.description(),
                            t.revokedAt() == null ? "" : "  (revoked " + t.revokedAt() + ")"));
                }
                Output.print(spec.commandLine().getOut(), global.json(), Map.of("tokens", rows),
                        tokens.isEmpty() ? "no tokens" : text.toString());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke the token with this prefix.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Parameters(paramLabel = "PREFIX", description = "The token's prefix, as 'token list' shows it.")
        String prefix;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = Databases.openExisting(global.db())) {
                int n = new TokenStore(db).revoke(prefix);
                if (n == 0) {
                    throw new io.marquee.core.error.NotFoundException("no active token has the prefix " + prefix);
                }
                Output.print(spec.commandLine().getOut(), global.json(), Map.of("revoked", n), "revoked " + prefix);
                return ExitCodes.OK;
            }
        }
    }
}
