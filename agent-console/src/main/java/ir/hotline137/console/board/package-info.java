/**
 * The live board: switchboard changes pushed to every open console over a WebSocket, so agents see callers
 * join and leave the queue without reloading, and opening the board is how an agent comes on duty.
 */
package ir.hotline137.console.board;
