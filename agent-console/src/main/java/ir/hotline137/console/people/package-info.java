/**
 * The people who may log in, as supervisors manage them on screen: kept in the data folder with every change
 * and who made it ({@link ir.hotline137.console.people.PeopleStore}), served by {@link
 * ir.hotline137.console.people.PeopleApi}. Who may log in at all is {@code ConsoleUsers}.
 */
package ir.hotline137.console.people;
