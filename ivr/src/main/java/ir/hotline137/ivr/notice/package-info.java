/**
 * The notice call: the hotline calls a citizen back with news of their request (its referral or its result) and, after
 * a result, asks how satisfied they are and whether the problem is really fixed.
 */
package ir.hotline137.ivr.notice;
