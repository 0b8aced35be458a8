/**
 * The Spring Boot application: wires the modules together from one application.yml, runs the servers,
 * and doubles as the admin command line (eval-duplicates, rebuild-index).
 */
package ir.hotline137.hotline;
