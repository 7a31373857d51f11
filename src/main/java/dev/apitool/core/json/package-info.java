/**
 * Strict, exact JSON trees on Jackson's streaming layer: duplicate keys and trailing content are
 * errors, decimals keep the digits they were written with, and errors name line and column.
 */
package dev.apitool.core.json;
