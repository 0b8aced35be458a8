package ir.hotline137.console.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.ConsoleTestApplication;
import ir.hotline137.console.TestApi;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.HistoryWords;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.EscalationReason;
import ir.hotline137.switchboard.GatheredInfo;
import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.switchboard.WaitingCall;
import ir.hotline137.testsupport.ToneWav;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Recordings people can hear, over real HTTP: a request's recording found by its code (its path never leaves the
 * server), served whole or by byte ranges as an audio element asks, to a login only; each start of listening kept
 * in the request's history once, however often the player seeks. A caller's recording on the call card, before any
 * request exists.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordingsApiTest {
    private static final String MARYAM = TestApi.basic("maryam", "agent-secret");

    @Value("${local.server.port}")
    int port;

    @Autowired
    RequestDesk desk;

    @Autowired
    Switchboard switchboard;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRequestsRecordingIsServedWholeAndByRangesAndEachListeningIsKeptOnce() throws Exception {
        byte[] wav = ToneWav.write(dir.resolve("description.wav"), 2);
        CitizenRequest request = desk.register(new NewRequest(Optional.of("09121234567"), 3, Optional.empty(),
                "چراغ کوچه خاموش است", RequestSource.IVR_SPEECH, Optional.of(dir.resolve("description.wav").toString()),
                "ivr", Optional.empty()));
        String url = "/api/requests/" + request.code().value() + "/recording";

        HttpResponse<String> view = TestApi.send(port, "GET", "/api/requests/" + request.code().value(), MARYAM, null);
        assertThat(view.body()).contains("\"recordingUrl\":\"" + url + "\"").doesNotContain(dir.toString());

        HttpResponse<byte[]> whole = get(url, MARYAM, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("audio/wav"));
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.body()).isEqualTo(wav);

        HttpResponse<byte[]> part = get(url, MARYAM, "bytes=1000-1999");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + wav.length);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(wav, 1000, 2000));
        get(url, MARYAM, "bytes=0-");

        List<HistoryEntry> history = desk.find(request.code()).orElseThrow().history();
        assertThat(history).filteredOn(h -> h.what().equals(HistoryWords.listened()))
                .singleElement().extracting(HistoryEntry::actor).isEqualTo("maryam");

        get(url, TestApi.basic("boss", "boss-secret"), null);
        assertThat(desk.find(request.code()).orElseThrow().history())
                .filteredOn(h -> h.what().equals(HistoryWords.listened())).extracting(HistoryEntry::actor)
                .containsExactly("maryam", "boss");
    }

    @Test
    void noLoginNoRecordingAndARequestWithoutOneIs404() throws Exception {
        ToneWav.write(dir.resolve("x.wav"), 1);
        CitizenRequest withAudio = desk.register(new NewRequest(Optional.empty(), 3, Optional.empty(), "زباله",
                RequestSource.IVR_SPEECH, Optional.of(dir.resolve("x.wav").toString()), "ivr", Optional.empty()));
        CitizenRequest without = desk.register(NewRequest.fromCaller("09120000000", 3, "زباله", RequestSource.API));

        assertThat(get("/api/requests/" + withAudio.code().value() + "/recording", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/requests/" + without.code().value() + "/recording", MARYAM, null).statusCode()).isEqualTo(404);
        assertThat(get("/api/requests/1234/recording", MARYAM, null).statusCode()).isEqualTo(400);
    }

    @Test
    void theCallersRecordingIsHeardOnTheCallCardAndStaysWithTheRequestRegisteredFromIt() throws Exception {
        byte[] wav = ToneWav.write(dir.resolve("caller.wav"), 1);
        WaitingCall waiting = switchboard.enqueue(new CallId("rec.1"), new GatheredInfo(Optional.of("09121112222"),
                Optional.of(3), Optional.of("منطقه ۳"), Optional.empty(), Optional.of(dir.resolve("caller.wav").toString()),
                List.of(), EscalationReason.DESCRIPTION_NOT_UNDERSTOOD));
        try {
            HttpResponse<byte[]> heard = get("/api/calls/rec.1/recording", MARYAM, null);
            assertThat(heard.statusCode()).isEqualTo(200);
            assertThat(heard.body()).isEqualTo(wav);

            HttpResponse<String> registered = TestApi.send(port, "POST", "/api/requests", MARYAM, """
                    {"callerNumber": "09121112222", "district": 3, "description": "آب گرفتگی زیرگذر", "callId": "rec.1"}""");
            assertThat(registered.statusCode()).isEqualTo(201);
            assertThat(registered.body()).contains("\"recordingUrl\":\"/api/requests/");
        } finally {
            waiting.abandon();
        }
        assertThat(get("/api/calls/rec.1/recording", MARYAM, null).statusCode()).as("gone from the switchboard")
                .isEqualTo(404);
    }

    private HttpResponse<byte[]> get(String path, String authorization, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
