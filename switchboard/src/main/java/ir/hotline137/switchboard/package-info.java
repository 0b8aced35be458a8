/**
 * Live calls: the queue of callers waiting for a person, agents' presence, mayor sessions and their screening.
 * State lives in memory and is published as events through an interface; no web or telephony code here.
 */
package ir.hotline137.switchboard;
