/** The callback queue on the console: who is to be called back, in their place; "call now", and how it went. */
package ir.hotline137.console.callbacks;
