/**
 * API middleware pipelines from a YAML spec ({@code apiVersion: apitool/v1}): the engine behind
 * {@code apitool pipeline check|routes|run|serve}.
 *
 * <p>A spec is read by {@link dev.apitool.core.pipeline.SpecReader} into a
 * {@link dev.apitool.core.pipeline.PipelineSpec} of records (services, the global middleware
 * chain, routes); every mistake is recorded in {@link dev.apitool.core.pipeline.Problems} at its
 * {@code file:line:column} (positions from {@code core.config}) instead of thrown, so a check
 * reports all of them at once, with warnings for orderings that are legal but wrong
 * ({@code Ordering}). {@link dev.apitool.core.pipeline.Pipeline} then builds it: services are
 * registered in the {@link dev.apitool.core.pipeline.Container} (singletons built on first use,
 * missing names and cycles reported with their chain, closed in reverse order), every middleware
 * and handler is made by its {@link dev.apitool.core.pipeline.Factory} from the registries in
 * {@code middleware} and {@code handler}, and each route's chain is composed around its handler
 * once, the first middleware listed outermost (the onion of Koa, Express and Starlette). A
 * {@link dev.apitool.core.pipeline.Router} picks the route: a literal segment before a
 * {@code {param}}, a parameter before a final {@code *}; 404, 405 with {@code Allow}, HEAD from GET
 * and OPTIONS are answered after the global chain, so they are logged and enveloped too.
 *
 * <p>A middleware is a function over one interface, {@link dev.apitool.core.pipeline.Handler}
 * ({@code (exchange, next) -> stage}); the {@link dev.apitool.core.pipeline.Exchange} carries the
 * request and per-request attributes (request id, JWT claims, a page of a list). A layer that
 * throws or fails becomes a 500 in the error shape at that layer. Middlewares reuse core: JWTs
 * are verified by {@code core.jwt}, limits decided by {@code core.ratelimit} policies on its
 * stores, bodies validated by networknt's JSON Schema validator, and
 * {@link dev.apitool.core.pipeline.PipelineServer} serves through {@code core.http}'s Netty
 * server. {@link dev.apitool.core.pipeline.Runner} runs requests in-process with a
 * {@link dev.apitool.core.pipeline.Trace}. Time comes from the
 * {@link dev.apitool.core.pipeline.Environment}: tests drive it.
 */
package dev.apitool.core.pipeline;
