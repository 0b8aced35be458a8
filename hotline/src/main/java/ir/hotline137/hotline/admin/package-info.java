/** The admin command line of the same jar: commands that work on the data and start no server. */
package ir.hotline137.hotline.admin;
