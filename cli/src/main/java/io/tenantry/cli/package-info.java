/**
 * The {@code tenantry} command line: {@link io.tenantry.cli.Main} and one class per subcommand.
 * Every subcommand is a thin shell over a library module.
 */
package io.tenantry.cli;
