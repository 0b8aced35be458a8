package ir.hotline137.requests.location;

import ir.hotline137.requests.InvalidRequestException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a problem is: a point (from a phone's GPS, a map) and an address in words, either or both. Phone intake has
 * none unless an agent adds it; the city's app sends one.
 */
public record Location(Optional<GeoPoint> point, Optional<String> address) {
    public static final int MAX_ADDRESS = 500;

    public Location {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(address, "address");
        address = address.map(String::strip).filter(a -> !a.isEmpty());
        if (point.isEmpty() && address.isEmpty()) {
            throw new InvalidRequestException("location", "has neither a point nor an address");
        }
        if (address.isPresent() && address.get().length() > MAX_ADDRESS) {
            throw new InvalidRequestException("address_string", "is longer than " + MAX_ADDRESS + " characters");
        }
    }
}
