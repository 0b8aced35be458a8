package ir.hotline137.requests.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lucene's Persian analysis chain with our folding where it stops, so that text typed by an agent and
 * text written by a speech recogniser meet: Arabic ي/ك and Persian digits (Lucene), the ZWNJ and space
 * variants of one word ({@link BoundMorphemeJoinFilter}: 'می‌خواهم' = 'میخواهم' = 'می خواهم'), and the
 * spoken Tehrani forms a recogniser writes down ({@link ColloquialFoldingFilter}: 'خیابون' = 'خیابان').
 *
 * <p>The chain is Lucene's own PersianAnalyzer order, except that the zero-width non-joiner is removed
 * (joining the word) instead of being turned into a space (splitting it).
 */
public final class PersianTextAnalyzer extends Analyzer {
    private static final NormalizeCharMap JOINERS;

    static {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        map.add("\u200C", "");  // zero-width non-joiner: the word goes on
        map.add("\u200D", "");  // zero-width joiner
        map.add("\u0640", "");  // tatweel (kashida), pure decoration
        map.add("\u200F", "");  // right-to-left mark pasted from other software
        JOINERS = map.build();
    }

    /**
     * What callers say to a call centre before and after the problem, in Lucene's normalised spelling:
     * greetings, courtesy, address. Lucene's Persian stop list is made for written prose and lacks them.
     */
    private static final List<String> CALL_FILLERS = List.of(
            "سلام", "الو", "ببخشيد", "خسته", "نباشيد", "ممنون", "مرسي", "متشكرم", "اقا", "خانم", "لطفا",
            "خواهش", "ميكنم", "وقتتون", "بخير", "روز", "خدا", "تورو", "زنگ", "ميزنم", "زدم", "يه", "اين",
            "اون", "همين", "همون", "هست", "هستش", "ديگه", "خيلي", "واقعا", "من", "ما");

    private final CharArraySet stopWords;

    public PersianTextAnalyzer() {
        CharArraySet words = new CharArraySet(PersianAnalyzer.getDefaultStopSet(), false);
        words.addAll(CALL_FILLERS);
        this.stopWords = CharArraySet.unmodifiableSet(words);
    }

    /** The indexed words of a text, in order, as the duplicate index and the category rules see them. */
    public List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(JOINERS, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new LowerCaseFilter(source);
        result = new DecimalDigitFilter(result);
        result = new ArabicNormalizationFilter(result);
        result = new PersianNormalizationFilter(result);
        result = new BoundMorphemeJoinFilter(result);
        result = new StopFilter(result, stopWords);
        result = new ColloquialFoldingFilter(result);
        result = new PersianStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        TokenStream result = new LowerCaseFilter(in);
        result = new DecimalDigitFilter(result);
        result = new ArabicNormalizationFilter(result);
        return new PersianNormalizationFilter(result);
    }
}
