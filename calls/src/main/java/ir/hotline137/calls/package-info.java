/**
 * A durable record of every phone call, made when it ends: how it went and how long the caller waited,
 * for the supervisor's figures (calls the IVR finished alone, escalated and answered, abandoned, average wait).
 */
package ir.hotline137.calls;
