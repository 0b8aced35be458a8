/**
 * What a supervisor reads at a glance over the last days: where requests come from, which referrals are
 * late, and how the calls went (handled by the IVR alone, answered by an agent, abandoned, waiting time).
 */
package ir.hotline137.figures;
