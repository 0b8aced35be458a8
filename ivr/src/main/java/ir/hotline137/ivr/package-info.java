/**
 * The FastAGI server and the call flows a caller walks through: menu, intake, follow-up, escalation.
 * Talks to requests, switchboard, recognizer and prompts; nothing depends on it.
 */
package ir.hotline137.ivr;
