/**
 * One home for reading YAML and JSON configs, specs and scripts: binding to records, exact
 * positions, clear errors, {@code ${VAR}} expansion, did-you-mean, and the limits every such
 * input shares. Health's config and the traffic scripts read through it; a new spec should too.
 *
 * <h2>Binding a document</h2>
 * <pre>{@code
 * record Root(String apiVersion, List<Route> routes) {}
 * ConfigBinder.Bound<Root> b = ConfigBinder.bind(bytes, "api.yaml", Root.class, ConfigBinder.PLAIN);
 * Root root = b.value();                 // null for an empty document
 * Positions at = b.positions();          // where each key and value was written
 * }</pre>
 * {@link dev.apitool.core.config.ConfigBinder#bind} first checks the size (at most
 * {@link dev.apitool.core.config.ConfigText#MAX_BYTES}, 4 MiB, before any parsing) and that the
 * bytes are UTF-8, then scans the text with {@link dev.apitool.core.config.Positions}, which
 * refuses syntax errors, duplicate keys, YAML aliases, nesting deeper than
 * {@link dev.apitool.core.config.ConfigText#MAX_DEPTH} and a second YAML document, and finally
 * binds with Jackson with unknown keys refused. Every failure is a
 * {@link dev.apitool.core.io.InputException} of one line,
 * {@code file:line:column: what is wrong, expected …}: an unknown key lists the keys expected and
 * the nearest one ("did you mean"), a wrong type says what the value should be. A
 * {@link dev.apitool.core.config.ConfigBinder.Vocabulary} lets a config name its parts in those
 * messages ("in endpoint 'api'"). The format is JSON for a {@code .json} file name, else YAML
 * ({@link dev.apitool.core.config.ConfigFormat}).
 *
 * <h2>Validating after binding</h2>
 * Records hold what was written; a validator then checks values and reports each at its place
 * by JSON pointer: {@code positions.error(positions.value("/routes/0/path"), "…")} for a value,
 * {@code positions.key(ptr)} for its key, {@code positions.inside(ptr, index)} for a character
 * inside a scalar. To report every problem at once (a {@code check} command),
 * collect them in {@link dev.apitool.core.config.Problems}: {@code problems.add(ptr, message)},
 * or {@code problems.check(() -> validateRoute(...))} around code that throws
 * {@code InputException}; {@code problems.throwIfAny()} then raises
 * {@link dev.apitool.core.config.Problems.Failed}, whose {@code problems()} are in file order and
 * whose message holds one line per problem.
 *
 * <h2>Environment and names</h2>
 * {@link dev.apitool.core.config.EnvExpander} expands {@code ${NAME}}, {@code ${NAME:-default}}
 * and {@code $$} against a map the front end passes in (never {@code System.getenv} in core);
 * {@link dev.apitool.core.config.EnvExpander.Unset#index()} says where a bad reference starts, for
 * {@code positions.inside}. {@link dev.apitool.core.config.DidYouMean} is the one edit-distance
 * suggestion for any mistyped name.
 *
 * <h2>Streams</h2>
 * A script read entry by entry uses {@link dev.apitool.core.config.ConfigText#yamlStream}, a
 * parser with the same refusals, and {@link dev.apitool.core.config.ConfigText#position} and
 * {@link dev.apitool.core.config.ConfigText#message} for its syntax errors.
 */
package dev.apitool.core.config;
