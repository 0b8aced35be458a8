/** Following up a request by phone: the tracking code, checked, then its status, date and result. */
package ir.hotline137.ivr.followup;
