/** The main menu a caller hears first, and the choices it leads to. */
package ir.hotline137.ivr.menu;
