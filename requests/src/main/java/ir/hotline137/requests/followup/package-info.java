/**
 * Following a referred request to its end: how late it is against its deadline ({@link
 * ir.hotline137.requests.followup.Lateness}), the ladder the follow-up office escalates by.
 */
package ir.hotline137.requests.followup;
