/** The supervisor's figures: requests per district and category, referrals, and how calls ended, per day. */
package ir.hotline137.console.figures;
