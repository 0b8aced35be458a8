/**
 * SMS over SMPP 3.4 with jSMPP: bound as a transceiver to the city's SMS centre, Persian sent as UCS-2 in as many
 * concatenated parts as it takes, each submit's answer read as accepted, refused for good, or worth another try.
 */
package ir.hotline137.outbound.sms;
