package ir.hotline137.prompts;

/**
 * A prompt catalogue that cannot be read as written. The message names the catalogue's language and the line,
 * because the people who edit the catalogue are not the people who read stack traces.
 */
public final class CatalogueFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;

    CatalogueFormatException(String language, int line, String problem) {
        super("prompt catalogue '" + language + "', line " + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based line number of the offending line. */
    public int line() {
        return line;
    }
}
