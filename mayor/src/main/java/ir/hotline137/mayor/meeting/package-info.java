/**
 * The mayor's public meetings (Isfahan's public meetings, Karaj's «چهارشنبه‌های مردمی», «مردم سلام»): citizens
 * register, the executive review links each to earlier requests, the screening committee routes each to an official
 * or declines it, and at the meeting each matter's instruction becomes a referred request that the follow-up
 * committee tracks to its result.
 */
package ir.hotline137.mayor.meeting;
