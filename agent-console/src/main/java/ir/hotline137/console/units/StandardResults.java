package ir.hotline137.console.units;

import java.util.List;

/**
 * The results a unit can give in words the IVR has recordings of, so that the citizen hears the result spoken
 * rather than being asked to hold for an agent; anything else is written freely and goes by SMS or by an agent.
 */
public record StandardResults(List<String> words) {
    public StandardResults {
        words = List.copyOf(words);
    }
}
