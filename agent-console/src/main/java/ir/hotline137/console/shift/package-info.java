/**
 * An agent's shift: every change of their presence kept as it happens ({@link ir.hotline137.console.shift.ShiftLog}
 * into {@link ir.hotline137.console.shift.Shifts}), the outcome they give each call they took
 * ({@link ir.hotline137.console.shift.WrapUp}), and the "my shift" view made of both
 * ({@link ir.hotline137.console.shift.ShiftApi}).
 */
package ir.hotline137.console.shift;
