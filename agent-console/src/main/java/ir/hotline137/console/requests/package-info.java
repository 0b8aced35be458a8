/** Citizen requests in the console: the JSON API the screens and scripts use. */
package ir.hotline137.console.requests;
