/** Wires the agents' console into the application: its people, security and API. */
package ir.hotline137.hotline.console;
