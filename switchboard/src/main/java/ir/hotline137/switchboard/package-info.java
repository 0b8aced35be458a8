/**
 * Live calls: the queue of callers waiting for a person, agents' presence, mayor sessions and their screening.
 * State lives in memory only (a restart drops the calls with it) and is published as events to listeners;
 * no web or telephony code here, so the IVR and the console can both drive it and tests need neither.
 */
package ir.hotline137.switchboard;
