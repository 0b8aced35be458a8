/**
 * Citizen requests: what a caller reported, its lifecycle and tracking code, the durable store and the
 * duplicate index that turns ten calls about one pothole into one request with ten supporters.
 */
package ir.hotline137.requests;
