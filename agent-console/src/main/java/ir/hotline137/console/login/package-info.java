/**
 * Logging in: the password check (equal time for known and unknown names, every refusal logged), the throttle
 * that locks a name or an address after repeated wrong passwords, and the way back to the form saying why.
 */
package ir.hotline137.console.login;
