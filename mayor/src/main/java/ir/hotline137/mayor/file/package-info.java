/**
 * The caller file a programme's moderators keep, by phone number: flags (a warning, blocked, an official) and a
 * note that show on every later call from that number ({@link ir.hotline137.mayor.file.CallerFile}, kept by
 * {@link ir.hotline137.mayor.file.CallerFiles}: in the data folder, or in PostgreSQL for a cluster).
 */
package ir.hotline137.mayor.file;
