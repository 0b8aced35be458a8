package ir.hotline137.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PromptCatalogueTest {
    private static PromptCatalogue read(String text) {
        return PromptCatalogue.read("test", new StringReader(text));
    }

    @Test
    void thePersianCatalogueLoadsFromTheClasspath() {
        PromptCatalogue persian = PromptCatalogue.persian();

        assertThat(persian.language()).isEqualTo("fa");
        assertThat(persian.names()).startsWith("welcome", "main-menu").contains("and", "nth-30", "month-12");
        assertThat(persian.words("n-1000")).isEqualTo("هزار");
        assertThat(persian.words("nth-30")).isEqualTo("سی‌ام");
    }

    @Test
    void namesKeepTheOrderOfTheFileAndNotesAndBlankLinesAreSkipped() {
        PromptCatalogue catalogue = read("""
                # a note: with a colon
                zebra: یک

                  # an indented note
                apple: دو
                m-3 :   سه\s\s
                """);

        assertThat(catalogue.names()).containsExactly("zebra", "apple", "m-3");
        assertThat(catalogue.words("m-3")).isEqualTo("سه");
        assertThat(catalogue.contains("apple")).isTrue();
        assertThat(catalogue.contains("pear")).isFalse();
    }

    @Test
    void theNameEndsAtTheFirstColonSoWordsMayHoldColons() {
        PromptCatalogue catalogue = read("registered: درخواست شما ثبت شد. کد پیگیری شما:\n");

        assertThat(catalogue.words("registered")).isEqualTo("درخواست شما ثبت شد. کد پیگیری شما:");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreTolerated() {
        PromptCatalogue catalogue = read("\uFEFFwelcome: خوش آمدید\r\ngoodbye: خدانگهدار\r\n");

        assertThat(catalogue.names()).containsExactly("welcome", "goodbye");
        assertThat(catalogue.words("goodbye")).isEqualTo("خدانگهدار");
    }

    @Test
    void anUnknownNameIsRefused() {
        PromptCatalogue catalogue = read("welcome: خوش آمدید\n");

        assertThatThrownBy(() -> catalogue.words("welcom"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("welcom");
    }

    @Test
    void aLineWithoutAColonIsReportedWithItsNumber() {
        assertThatThrownBy(() -> read("# note\nwelcome: خوش آمدید\n\ngoodbye خدانگهدار\n"))
                .isInstanceOfSatisfying(CatalogueFormatException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("line 4")
                .hasMessageContaining("':'");
    }

    @Test
    void badNamesAreReportedWithTheirLineNumbers() {
        for (String bad : new String[] {"Welcome", "main_menu", "خوش", "two words", ""}) {
            assertThatThrownBy(() -> read("welcome: خوش آمدید\n" + bad + ": سلام\n"))
                    .as(bad)
                    .isInstanceOfSatisfying(CatalogueFormatException.class, e -> assertThat(e.line()).isEqualTo(2))
                    .hasMessageContaining("line 2");
        }
    }

    @Test
    void aDuplicateNameIsReportedWithBothLines() {
        assertThatThrownBy(() -> read("welcome: خوش آمدید\nn-1: یک\nwelcome: سلام\n"))
                .isInstanceOfSatisfying(CatalogueFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("line 3")
                .hasMessageContaining("line 1");
    }

    @Test
    void emptyWordsAreReportedWithTheirLineNumber() {
        assertThatThrownBy(() -> read("welcome: خوش آمدید\n\ngoodbye:   \n"))
                .isInstanceOfSatisfying(CatalogueFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("line 3")
                .hasMessageContaining("goodbye");
    }

    @Test
    void aStandardResultIsFoundByItsWords() {
        PromptCatalogue persian = PromptCatalogue.persian();

        assertThat(persian.standardResult("خرابی برطرف شد.")).contains("result-repaired");
        assertThat(persian.standardResult("سد معبر برداشته شد.")).contains("result-removed");
        assertThat(persian.standardResult("این موضوع در حوزه‌ی کار شهرداری نیست و به دستگاه مسئول اعلام شد."))
                .contains("result-not-municipal");
    }

    @Test
    void standardResultsForgiveWhatTypingChanges() {
        PromptCatalogue persian = PromptCatalogue.persian();

        // no final period, surrounding spaces
        assertThat(persian.standardResult("  خرابی برطرف شد ")).contains("result-repaired");
        // Arabic yeh and kaf from an Arabic keyboard
        assertThat(persian.standardResult("خرابي برطرف شد.")).contains("result-repaired");
        assertThat(persian.standardResult("به متخلف تذكر داده شد")).contains("result-warned");
        // a space, or nothing, where the catalogue has a ZWNJ; runs of spaces
        assertThat(persian.standardResult("پسماند جمع آوری شد.")).contains("result-collected");
        assertThat(persian.standardResult("پسماند جمعآوری شد.")).contains("result-collected");
        assertThat(persian.standardResult("پسماند   جمع‌آوری\tشد")).contains("result-collected");
        assertThat(persian.standardResult("در برنامه ی کاری واحد مربوط قرار گرفت.")).contains("result-scheduled");
    }

    @Test
    void otherTextIsNoStandardResult() {
        PromptCatalogue persian = PromptCatalogue.persian();

        assertThat(persian.standardResult("خرابی برطرف نشد.")).isEmpty();
        assertThat(persian.standardResult("خرابی برطرف شد و آسفالت شد.")).isEmpty();
        assertThat(persian.standardResult("")).isEmpty();
        assertThat(persian.standardResult("   ")).isEmpty();
        assertThat(persian.standardResult(null)).isEmpty();
        // prompts that frame a result are not results
        assertThat(persian.standardResult(persian.words("result-is"))).isEmpty();
        assertThat(persian.standardResult(persian.words("result-written"))).isEmpty();
        assertThat(persian.standardResult(persian.words("status-resolved"))).isEmpty();
    }
}
