/** Measuring duplicate detection on a corpus with known clusters, against the district+category baseline. */
package ir.hotline137.requests.evaluation;
