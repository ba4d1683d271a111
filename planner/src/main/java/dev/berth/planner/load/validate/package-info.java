/**
 * Validation of stack documents against berth's JSON Schema ({@code schemas/compose.schema.json}),
 * with errors located in the document and phrased for a person.
 */
package dev.berth.planner.load.validate;
