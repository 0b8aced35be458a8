/** Live calls in the console: the waiting queue as agents see it, and taking a call. */
package ir.hotline137.console.calls;
