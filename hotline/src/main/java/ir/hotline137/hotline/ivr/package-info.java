/** Wires the phone side: switchboard, call flows, call records and the FastAGI server. */
package ir.hotline137.hotline.ivr;
