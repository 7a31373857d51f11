/**
 * Units of time for flags, files and reports: one table per family of units, read by both
 * {@code parse} and {@code format}, so a value given on the command line and the same value in a
 * report cannot drift apart (the approach of wrk's {@code units.c}).
 */
package dev.apitool.core.time;
