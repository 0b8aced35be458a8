package ir.hotline137.hotline.requests;

import ir.hotline137.store.DataFolderException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A data folder that cannot be opened (in use by another process, damaged, an old format) stops the start with
 * what the store said and what to do, in a few lines, rather than under a page of stack trace where an operator
 * would read the first "Error creating bean" and think of a programming error.
 */
public final class DataFolderFailureAnalyzer extends AbstractFailureAnalyzer<DataFolderException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataFolderException cause) {
        String message = cause.getMessage();
        String action = message.contains(" is in use by ")
                ? "Only one Hotline 137 may use a data folder. Stop the other one, or start this one with "
                        + "--hotline.data-dir pointing at a folder of its own."
                : "Do what the description says; java -jar hotline.jar check-data tells more about the folder.";
        return new FailureAnalysis(message, action, cause);
    }
}
