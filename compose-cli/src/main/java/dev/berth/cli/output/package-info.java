/** What every verb prints the same way, below both the top-level verbs and the engine verbs. */
package dev.berth.cli.output;
