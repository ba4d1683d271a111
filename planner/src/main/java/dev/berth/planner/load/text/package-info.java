/**
 * Reading the text of stack files and env files: what a path is when it is not a regular file,
 * size limits enforced while reading, strict UTF-8 with the line and column of a bad byte.
 */
package dev.berth.planner.load.text;
