/** The {@code apitool pipeline} commands: thin front ends over {@code core.pipeline}. */
package dev.apitool.cli.pipeline;
