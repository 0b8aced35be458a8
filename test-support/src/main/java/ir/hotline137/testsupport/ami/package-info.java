/** A stand-in for Asterisk 22's manager interface (AMI) over TCP: login, Originate and its events, dropped links. */
package ir.hotline137.testsupport.ami;
