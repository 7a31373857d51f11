/**
 * Reading user input the same way everywhere: {@code TEXT}, {@code @file}, {@code env:NAME},
 * {@code b64:} and {@code -} for standard input ({@link dev.apitool.core.io.Inputs}); writing
 * files that may hold secrets owner-only ({@link dev.apitool.core.io.SecureFiles}); and the one
 * exception for input a user must fix ({@link dev.apitool.core.io.InputException}).
 */
package dev.apitool.core.io;
