package ir.hotline137.console.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A unit never reads a citizen's number, however it was written into a request. */
class CitizenNumbersTest {
    private static final Set<String> OWN = Set.of("09121234567", "02155556666");

    @Test
    void theRequestsOwnNumbersAreHiddenInEveryScriptAndForm() {
        assertThat(CitizenNumbers.hide("پشتیبان تازه پیوست: ۰۹۱۲۱۲۳۴۵۶۷", OWN)).isEqualTo("پشتیبان تازه پیوست: شمارهٔ پنهان");
        assertThat(CitizenNumbers.hide("با +989121234567 تماس بگیرید", OWN)).doesNotContain("9121234567");
        assertThat(CitizenNumbers.hide("شماره ٠٩١٢١٢٣٤٥٦٧ است", OWN)).doesNotContain("٠٩١٢١٢٣٤٥٦٧");
        assertThat(CitizenNumbers.hide("تلفن ثابت ۰۲۱۵۵۵۵۶۶۶۶", OWN)).doesNotContain("۵۵۵۵۶۶۶۶");
    }

    @Test
    void aDictatedNumberTheRequestDoesNotKnowIsHiddenButATrackingCodeIsNot() {
        assertThat(CitizenNumbers.hide("لطفاً با 0935 111 2233 تماس بگیرید", Set.of()))
                .isEqualTo("لطفاً با شمارهٔ پنهان تماس بگیرید");
        assertThat(CitizenNumbers.hide("با ۰۹۳۵-۱۱۱-۲۲۳۳ تماس بگیرید", Set.of())).doesNotContain("۲۲۳۳");
        assertThat(CitizenNumbers.hide("تکراریِ درخواست ۱۲۳۴۵۶۷۸ است", Set.of())).contains("۱۲۳۴۵۶۷۸");
        assertThat(CitizenNumbers.hide(null, OWN)).isNull();
    }
}
