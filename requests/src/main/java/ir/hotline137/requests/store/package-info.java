/** The durable request store (MapDB, transactions on) and the data folder it lives in. */
package ir.hotline137.requests.store;
