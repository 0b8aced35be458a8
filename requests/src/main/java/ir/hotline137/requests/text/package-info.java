/**
 * Persian text analysis shared by duplicate search and category suggestion: Lucene's Persian chain plus
 * our folding of ZWNJ/space variants and spoken forms.
 */
package ir.hotline137.requests.text;
