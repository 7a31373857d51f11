/**
 * What a load run sends and when: the {@link dev.apitool.core.load.plan.RequestPlan} (the URL's one
 * request, or a {@link dev.apitool.core.load.plan.TargetsFile}'s targets, all on one origin, picked
 * round-robin or at random, with per-request parts), and the open model's schedule: a constant rate
 * or {@link dev.apitool.core.load.plan.Stages}' ramps, where request k is due where the integral of
 * the rate reaches k (computed from k, never accumulated).
 */
package dev.apitool.core.load.plan;
