/**
 * Which citizens are told what, derived from the requests as they are committed: the tracking code to whoever
 * registered or joined, the referral where the city wants it told, the result to everyone attached. Derived from the
 * store's changes in revision order (never from a screen's event), so nothing committed is missed, even across a
 * crash.
 */
package ir.hotline137.outbound.notices;
