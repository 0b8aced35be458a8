/**
 * Who may use the console and what they may do: the configured people and their roles, logins (form for
 * people, Basic for scripts), CSRF, and the rules checked on the server.
 */
package ir.hotline137.console.security;
