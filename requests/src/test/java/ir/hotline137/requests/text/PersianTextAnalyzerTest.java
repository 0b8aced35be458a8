package ir.hotline137.requests.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class PersianTextAnalyzerTest {
    private final PersianTextAnalyzer analyzer = new PersianTextAnalyzer();

    @Test
    void zwnjJoinedAndSpacedSpellingsOfOneWordGiveOneToken() throws IOException {
        assertThat(tokens("می‌خواهم")).containsExactly("ميخواهم")
                .isEqualTo(tokens("میخواهم")).isEqualTo(tokens("می خواهم"));
        assertThat(tokens("جمع‌آوری")).hasSize(1)
                .isEqualTo(tokens("جمعآوری")).isEqualTo(tokens("جمع آوری"));
        assertThat(tokens("نازی‌آباد")).isEqualTo(tokens("نازی آباد")).isEqualTo(tokens("نازیآباد")).hasSize(1);
    }

    @Test
    void arabicLettersAndDigitsFoldToPersian() throws IOException {
        assertThat(tokens("كوچه ياس پلاك ۱۸")).isEqualTo(tokens("کوچه یاس پلاک 18"));
        assertThat(tokens("پلاک ٤٢")).isEqualTo(tokens("پلاک ۴۲")).contains("42");
    }

    @Test
    void pluralsWithAndWithoutZwnjMeetTheSingular() throws IOException {
        assertThat(tokens("چراغ‌ها")).isEqualTo(tokens("چراغ ها")).isEqualTo(tokens("چراغ"));
        assertThat(tokens("درختان")).isEqualTo(tokens("درخت"));
    }

    @Test
    void spokenFormsMeetWrittenOnes() throws IOException {
        assertThat(tokens("خیابون")).isEqualTo(tokens("خیابان"));
        assertThat(tokens("میدون")).isEqualTo(tokens("میدان"));
        assertThat(tokens("چراغای")).isEqualTo(tokens("چراغ"));
        assertThat(tokens("ماشینا")).isEqualTo(tokens("ماشین"));
    }

    @Test
    void shortWordsEndingLikeASpokenPluralAreLeftAlone() throws IOException {
        assertThat(tokens("صدا")).isNotEqualTo(tokens("صد"));
    }

    @Test
    void greetingsCarryNoWeight() throws IOException {
        assertThat(tokens("سلام خسته نباشید ببخشید الو چاله")).isEqualTo(tokens("چاله"));
    }

    @Test
    void joinedTokensKeepTheOffsetsOfBothParts() throws IOException {
        String text = "لطفا جمع آوری کنید";
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            assertThat(stream.incrementToken()).isTrue();
            assertThat(text.substring(offset.startOffset(), offset.endOffset())).isEqualTo("جمع آوری");
            stream.end();
        }
    }

    private List<String> tokens(String text) {
        return analyzer.words(text);
    }
}
