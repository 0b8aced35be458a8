/** Categories of problems as configured, and the suggestion of a category from a caller's words. */
package ir.hotline137.requests.category;
