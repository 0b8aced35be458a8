/** Registering for a public meeting with the mayor by phone, while a meeting takes registrations. */
package ir.hotline137.ivr.meeting;
