package ir.hotline137.requests.location;

import ir.hotline137.requests.InvalidRequestException;

/** A point on the earth in WGS 84 degrees, as phones and Open311 give it. */
public record GeoPoint(double latitude, double longitude) {
    public GeoPoint {
        if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
            throw new InvalidRequestException("lat", "is not a latitude from -90 to 90: " + latitude);
        }
        if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
            throw new InvalidRequestException("long", "is not a longitude from -180 to 180: " + longitude);
        }
    }
}
