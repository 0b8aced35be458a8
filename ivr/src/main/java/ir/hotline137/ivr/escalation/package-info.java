/** Handing a call to a person: the switchboard's queue, hold prompts, the bridge, and the callback message. */
package ir.hotline137.ivr.escalation;
