/**
 * The interactive shell's language, without the terminal: {@link dev.apitool.core.shell.ShellLine}
 * splits a typed line into words the way a POSIX shell would for the small part of the language
 * apitool needs (quotes, backslashes, {@code $NAME}, {@code $(command)}, a trailing {@code &} and
 * {@code #} comments), keeping where each word came from; {@link dev.apitool.core.shell.Redactor}
 * uses those positions to mask the secret-bearing values of a line before it is saved to history
 * or shown in a job list; {@link dev.apitool.core.shell.Settings} holds the session's
 * {@code set NAME VALUE} state.
 */
package dev.apitool.core.shell;
