/**
 * PostgreSQL as the store of a city's cluster: one pool per node, each feature's tables made and changed by Flyway
 * from its own migrations, transactions that join when nested (so a change across features is one commit, as in the
 * embedded store), and LISTEN/NOTIFY to wake the other nodes.
 */
package ir.hotline137.store.postgresql;
