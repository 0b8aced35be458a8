/** Finding the open request a new report probably repeats: the index interface and its Lucene implementation. */
package ir.hotline137.requests.duplicates;
