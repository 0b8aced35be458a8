package ir.hotline137.requests.text;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Joins the pieces of a Persian word that writers separate with a space instead of a ZWNJ: the verb
 * prefixes می/نمی and بی ('می خواهم' → 'میخواهم'), and the plural, comparative and compound endings
 * that never stand alone (ها, های, تر, ترین, آوری, آباد, …: 'جمع آوری' → 'جمعآوری', 'نازی آباد' →
 * 'نازیآباد'). With the ZWNJ removed before tokenising, all three spellings then give one token.
 *
 * <p>Expects tokens already normalised by Lucene's Arabic and Persian normalisers (Arabic yeh, bare alef),
 * which is why the lists below are written that way.
 */
final class BoundMorphemeJoinFilter extends TokenFilter {
    /** Bound to the word that follows. */
    private static final Set<String> PREFIXES = Set.of("مي", "نمي", "بي");
    /** Bound to the word before. */
    private static final Set<String> SUFFIXES = Set.of(
            "ها", "هاي", "هايي", "هايم", "هايش", "هايشان", "هامون", "هاتون", "هاشون",
            "تر", "ترين", "اوري", "اباد", "اند", "ايم", "ايد", "اش");

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private State lookahead;
    private boolean exhausted;

    BoundMorphemeJoinFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (lookahead != null) {
            restoreState(lookahead);
            lookahead = null;
        } else if (exhausted || !input.incrementToken()) {
            exhausted = true;
            return false;
        }
        while (!exhausted) {
            boolean boundToNext = PREFIXES.contains(term.toString());
            State current = captureState();
            if (!input.incrementToken()) {
                exhausted = true;
                restoreState(current);
                break;
            }
            String next = term.toString();
            int nextEnd = offset.endOffset();
            if (boundToNext || SUFFIXES.contains(next)) {
                restoreState(current);
                int start = offset.startOffset();
                term.append(next);
                offset.setOffset(start, nextEnd);
            } else {
                lookahead = captureState();
                restoreState(current);
                break;
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        lookahead = null;
        exhausted = false;
    }
}
