/**
 * The follow-up office: a unit's own desk (the requests referred to it, latest deadline last), the supervisors' list
 * of what is late and what is for the mayor, and the units' figures ({@link ir.hotline137.console.units.UnitsApi});
 * and the one rule every route follows, that a unit sees only what is referred to it
 * ({@link ir.hotline137.console.units.UnitScope}).
 */
package ir.hotline137.console.units;
