/**
 * What every part of the console's JSON API shares: the error body that names the field and the reason, and
 * how refusals become status codes.
 */
package ir.hotline137.console.api;
