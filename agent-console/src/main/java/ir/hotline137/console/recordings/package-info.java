/** Recordings people can hear: served by request code with range requests, each listening kept in the history. */
package ir.hotline137.console.recordings;
