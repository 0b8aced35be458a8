/** Registering a problem by phone: district, the caller's own words, duplicates, the tracking code. */
package ir.hotline137.ivr.intake;
