/**
 * Where a request's problem is: a point and an address in words. Optional on every request: the city's app sends it,
 * an agent may add it to a phoned-in one.
 */
package ir.hotline137.requests.location;
