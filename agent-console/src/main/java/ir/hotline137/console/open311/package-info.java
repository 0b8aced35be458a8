/**
 * Open311 GeoReport v2 at {@code /open311/v2/}: the city's app and other systems file requests into the same store,
 * through the same duplicate check, and follow them (with mySociety's {@code servicerequestupdates}). Clients file
 * with a key a supervisor made for them ({@code /api/open311/keys}); reading needs none, as the specification says.
 */
package ir.hotline137.console.open311;
