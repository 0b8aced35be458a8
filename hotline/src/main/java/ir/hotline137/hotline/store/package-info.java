/**
 * Where everything kept lives, chosen once by {@code hotline.store}: the data folder's journal, or the cluster's
 * PostgreSQL. Every feature's store is made here from the one or the other.
 */
package ir.hotline137.hotline.store;
