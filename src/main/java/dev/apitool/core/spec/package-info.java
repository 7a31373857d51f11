/**
 * Spec strings of the form {@code name:param=value,…}, the one syntax apitool uses for rate-limit
 * policies and traffic generators: each parameter is read by type and range, and every refusal
 * quotes the spec and lists the valid parameters.
 */
package dev.apitool.core.spec;
