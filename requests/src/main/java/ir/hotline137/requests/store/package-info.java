/** The durable request store: citizen requests kept through the data folder's journal, and their indexes. */
package ir.hotline137.requests.store;
