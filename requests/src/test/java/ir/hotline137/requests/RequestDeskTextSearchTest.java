package ir.hotline137.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.testsupport.MutableClock;
import ir.hotline137.requests.store.Page;
import ir.hotline137.requests.store.RequestFilter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestDeskTextSearchTest {
    private static final RequestFilter ANY = RequestFilter.ALL;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"), ZoneId.of("Asia/Tehran"));
    private Desks desks;
    private RequestDesk desk;

    @BeforeEach
    void open() throws Exception {
        desks = new Desks(dir, clock);
        desk = desks.desk;
    }

    @AfterEach
    void close() {
        desks.close();
    }

    private CitizenRequest register(int district, String text) {
        return desk.register(NewRequest.fromCaller("09121111111", district, text, RequestSource.AGENT));
    }

    private List<TrackingCode> found(String text, RequestFilter filter) {
        return desk.searchText(text, filter, 0, 50).items().stream().map(CitizenRequest::code).toList();
    }

    @Test
    void spellingVariantsOfTheWordsMeet() {
        CitizenRequest potholes = register(6, "چاله‌های بزرگ سر کوچه یاس");
        CitizenRequest plate = register(6, "چراغ جلوی پلاک ۱۸ خاموش است");
        register(6, "زباله‌ها را جمع نکرده‌اند");

        assertThat(found("چاله", ANY)).containsExactly(potholes.code());
        assertThat(found("چاله ها", ANY)).containsExactly(potholes.code());
        assertThat(found("كوچه ياس", ANY)).as("Arabic kaf and yeh").containsExactly(potholes.code());
        assertThat(found("پلاك 18", ANY)).as("Arabic kaf, ASCII digits").containsExactly(plate.code());
    }

    @Test
    void theRequestThatKeepsToTheRareWordsComesFirst() {
        CitizenRequest inPassing = register(6, "درخت بزرگی سر کوچه نسترن افتاده و همسایه‌ها نمی‌توانند ماشین را بیرون بیاورند");
        CitizenRequest onePart = register(6, "درخت خشک پارک");
        CitizenRequest aboutIt = register(6, "درخت نسترن افتاده، درخت نسترن");
        register(6, "زباله جمع آوری نشده");
        register(6, "چراغ پارک خاموش است");
        register(6, "چاله بزرگ در خیابان");

        assertThat(found("درخت نسترن", ANY)).containsExactly(aboutIt.code(), inPassing.code(), onePart.code());
    }

    @Test
    void districtCategoryAndStatusNarrowTheMatches() {
        CitizenRequest three = register(3, "چاله در خیابان");
        CitizenRequest fourReferred = register(4, "چاله عمیق در خیابان");
        CitizenRequest fourCleaning = desk.register(NewRequest.fromCaller("09121111111", 4, "چاله پر از زباله",
                RequestSource.AGENT).withCategory("cleaning"));
        register(3, "زباله جمع آوری نشده");
        desk.refer(fourReferred.code(), Optional.empty(), Optional.empty(), Optional.empty(), "agent1");

        assertThat(found("چاله", new RequestFilter(Optional.of(3), Optional.empty(), Optional.empty())))
                .containsExactly(three.code());
        assertThat(found("چاله", new RequestFilter(Optional.of(4), Optional.empty(), Optional.empty())))
                .containsExactlyInAnyOrder(fourReferred.code(), fourCleaning.code());
        assertThat(found("چاله", new RequestFilter(Optional.empty(), Optional.of("cleaning"), Optional.empty())))
                .containsExactly(fourCleaning.code());
        assertThat(found("چاله", new RequestFilter(Optional.empty(), Optional.empty(), Optional.of(RequestStatus.REFERRED))))
                .containsExactly(fourReferred.code());
        assertThat(found("چاله", new RequestFilter(Optional.of(3), Optional.empty(), Optional.of(RequestStatus.REFERRED))))
                .isEmpty();
    }

    @Test
    void aResolvedRequestIsStillFound() {
        CitizenRequest request = register(6, "آسفالت کوچه بهار خراب است");
        desk.refer(request.code(), Optional.empty(), Optional.empty(), Optional.empty(), "agent1");
        desk.changeStatus(request.code(), RequestStatus.IN_PROGRESS, "agent1", Optional.empty());
        desk.changeStatus(request.code(), RequestStatus.RESOLVED, "agent1", Optional.of("آسفالت شد"));

        Page<CitizenRequest> page = desk.searchText("کوچه بهار", ANY, 0, 10);

        assertThat(page.items()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(request.code());
            assertThat(r.status()).isEqualTo(RequestStatus.RESOLVED);
        });
    }

    @Test
    void pagesFollowOneAnotherWithoutRepeats() {
        List<TrackingCode> registered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            registered.add(register(3, "چاله شماره " + i + " در خیابان").code());
        }
        register(3, "زباله جمع آوری نشده");

        Page<CitizenRequest> first = desk.searchText("چاله", ANY, 0, 2);
        Page<CitizenRequest> second = desk.searchText("چاله", ANY, 1, 2);
        Page<CitizenRequest> third = desk.searchText("چاله", ANY, 2, 2);
        Page<CitizenRequest> beyond = desk.searchText("چاله", ANY, 3, 2);

        assertThat(first.items()).hasSize(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).hasSize(2);
        assertThat(second.hasNext()).isTrue();
        assertThat(third.items()).hasSize(1);
        assertThat(third.hasNext()).isFalse();
        assertThat(third.page()).isEqualTo(2);
        assertThat(third.size()).isEqualTo(2);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.hasNext()).isFalse();
        List<TrackingCode> all = new ArrayList<>();
        for (Page<CitizenRequest> page : List.of(first, second, third)) {
            page.items().forEach(r -> all.add(r.code()));
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void anEmptyOrOverlongTextIsRefusedAndOneOfOnlyGreetingsFindsNothing() {
        register(6, "سلام چاله بزرگ در خیابان");

        for (String blank : new String[] {null, "", " \t "}) {
            assertThatThrownBy(() -> desk.searchText(blank, ANY, 0, 10))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("q"));
        }
        String tooLong = "چاله ".repeat(RequestDesk.MAX_SEARCH_LENGTH / 5 + 1);
        assertThatThrownBy(() -> desk.searchText(tooLong, ANY, 0, 10))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("q"));
        assertThat(desk.searchText("چاله ".repeat(RequestDesk.MAX_SEARCH_LENGTH / 5 - 1), ANY, 0, 10).items())
                .as("the longest search accepted still finds").hasSize(1);
        Page<CitizenRequest> greetings = desk.searchText("سلام خسته نباشید", ANY, 0, 10);
        assertThat(greetings.items()).isEmpty();
        assertThat(greetings.hasNext()).isFalse();
    }

    @Test
    void anUnknownDistrictOrCategoryIsRefusedNamingTheField() {
        assertThatThrownBy(() -> desk.searchText("چاله", new RequestFilter(Optional.of(23), Optional.empty(),
                Optional.empty()), 0, 10))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("district"));
        assertThatThrownBy(() -> desk.searchText("چاله", new RequestFilter(Optional.empty(), Optional.of("potholes"),
                Optional.empty()), 0, 10))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("category"));
    }
}
