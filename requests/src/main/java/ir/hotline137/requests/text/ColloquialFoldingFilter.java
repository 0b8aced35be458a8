package ir.hotline137.requests.text;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds the spoken (Tehrani) forms a speech recogniser writes to the written ones an agent types:
 * the plural ا/ای for ها/های ('چراغا', 'چراغای' → 'چراغ') and ون for ان ('خیابون', 'میدون' → 'خیابان',
 * 'میدان'). Short words are left alone: 'صدا', 'خدا', 'خون' are words, not spoken endings. A fold that hits
 * a word which really ends this way maps it the same way on both sides of a comparison, so at worst it
 * joins two rare forms.
 */
final class ColloquialFoldingFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    ColloquialFoldingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        // after ه it is the written plural ها/های, which Lucene's stemmer removes itself
        if (length >= 5 && buffer[length - 2] == 'ا' && buffer[length - 1] == 'ي' && buffer[length - 3] != 'ه') {
            length -= 2;
        } else if (length >= 4 && buffer[length - 1] == 'ا' && buffer[length - 2] != 'ا' && buffer[length - 2] != 'ه') {
            length -= 1;
        }
        if (length >= 5 && buffer[length - 2] == 'و' && buffer[length - 1] == 'ن') {
            buffer[length - 2] = 'ا';
        }
        term.setLength(length);
        return true;
    }
}
