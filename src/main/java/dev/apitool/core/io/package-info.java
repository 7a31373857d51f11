/**
 * Reading user input the same way everywhere: {@code TEXT}, {@code @file}, {@code env:NAME},
 * {@code b64:} and {@code -} for standard input ({@link dev.apitool.core.io.Inputs}); writing every
 * file a user names through one writer with one rule — a regular file replaced atomically, a device
 * or FIFO written through, a missing directory an error, mode 0644 or 0600 for secrets
 * ({@link dev.apitool.core.io.OutputFile}); and the one exception for input a user must fix
 * ({@link dev.apitool.core.io.InputException}).
 */
package dev.apitool.core.io;
