/** Wiring of the requests module: the data folder, store, duplicate index, desk, and their health. */
package ir.hotline137.hotline.requests;
