/**
 * {@code apitool health}: the quick form ({@code apitool health URL...}) and the config form
 * ({@code -f health.yaml}), with {@code --check-config}, {@code --watch}, {@code --fail-on} and
 * {@code --report}. The command parses flags, reads the config through
 * {@code core.health.ConfigReader}, runs {@code core.health.Checker} once or under
 * {@code core.health.WatchLoop}, and renders with the core reporters.
 */
package dev.apitool.cli.health;
