/**
 * The data folder and how everything in it is kept: an append-only journal, forced to disk before anything
 * is acknowledged, is the truth; the MapDB files that answer queries are built from it and rebuilt whenever
 * in doubt.
 */
package ir.hotline137.store;
