/**
 * Benchmarks of the requests core, run by hand from a plain {@code main}: they print numbers, they are not tests.
 * Duplicate-query latency against plain Lucene BM25, durable registration against plain MapDB, index rebuild speed.
 */
package ir.hotline137.benchmarks;
