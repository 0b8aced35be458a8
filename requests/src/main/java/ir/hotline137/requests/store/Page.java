package ir.hotline137.requests.store;

import java.util.List;

/** One page of a listing; {@code hasNext} tells whether another page follows. */
public record Page<T>(List<T> items, int page, int size, boolean hasNext) {
    public Page {
        items = List.copyOf(items);
    }
}
