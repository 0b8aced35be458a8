/**
 * Live calls: the queue of callers waiting for a person and agents' presence, published as events to listeners. On
 * one node it lives in memory ({@link ir.hotline137.switchboard.LocalSwitchboard}: a restart drops the calls with
 * it); in a cluster it is shared through PostgreSQL ({@link ir.hotline137.switchboard.PostgresSwitchboard}). No web
 * or telephony code here, so the IVR and the console can both drive it and tests need neither.
 */
package ir.hotline137.switchboard;
