/** The console's WebSockets as a whole: kept while open, and closed first at shutdown. */
package ir.hotline137.console.sockets;
