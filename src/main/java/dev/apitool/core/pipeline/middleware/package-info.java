/**
 * The middleware types a spec's {@code middleware:} lists name, each a
 * {@link dev.apitool.core.pipeline.Factory} that declares its parameters and reads them into its
 * own settings record: {@code request-id}, {@code logging}, {@code timing}, {@code cors},
 * {@code headers}, {@code jwt-auth}, {@code rate-limit}, {@code validate}, {@code envelope},
 * {@code timeout}, {@code body-limit}, and {@code idempotency} (registered, refused by checks
 * until its engine is wired into its one class). {@link dev.apitool.core.pipeline.middleware.Middlewares}
 * maps names to factories: adding a type is one class and one line there.
 */
package dev.apitool.core.pipeline.middleware;
