/** Calling a citizen back: the agent's phone was rung first and answered; now the citizen's rings. */
package ir.hotline137.ivr.callback;
