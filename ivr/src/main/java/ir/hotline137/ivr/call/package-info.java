/**
 * One call as the flows see it: the {@link ir.hotline137.ivr.call.Phone} they speak through and the
 * {@link ir.hotline137.ivr.call.ActiveCall} that gathers what the caller chose and said.
 */
package ir.hotline137.ivr.call;
