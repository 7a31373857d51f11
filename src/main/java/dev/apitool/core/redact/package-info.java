/**
 * What apitool may show of user and server text. Every URL, header and message passes through
 * {@link dev.apitool.core.redact.Redact} before it reaches a terminal, a report, a log or a page:
 * credentials (a URL's user info, credential query parameters, sensitive header values) are
 * masked as {@code ***}, and control characters are escaped ({@code \x1b}) so that input cannot
 * drive the terminal. There is no second copy of these rules elsewhere.
 */
package dev.apitool.core.redact;
