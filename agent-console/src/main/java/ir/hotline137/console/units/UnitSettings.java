package ir.hotline137.console.units;

/**
 * How much of a citizen a unit sees ({@code hotline.units.*}).
 *
 * @param showCallerNumber whether a unit sees the caller's number; by default not, since the unit answers through
 *                         the 137 centre, which tells the citizen
 */
public record UnitSettings(boolean showCallerNumber) {
}
