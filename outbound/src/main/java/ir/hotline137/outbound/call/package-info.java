/**
 * Calling citizens: a call placed through Asterisk's manager interface (AMI) into the dialplan context that runs
 * the hotline's notice script, and how the network said it went.
 */
package ir.hotline137.outbound.call;
